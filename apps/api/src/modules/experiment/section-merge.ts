import type { EntityManager } from '../../db/orm.js';
import { DomainError, ErrorCode } from '../../errors.js';
import type { Experiment } from './experiment.entity.js';
import type { UpdateExperimentInput } from './experiment.inputs.js';

/**
 * Conflicts at the grain of a form section. A client that sends `startedFrom` (the values it showed for the fields
 * it is saving) is not refused because someone saved *another* section in the meantime: only a field of its own
 * that someone else changed since is a conflict. Everything else merges.
 */

const TEXT = [
  'title', 'summary', 'problem', 'whoItServes', 'whatIsNew', 'approach', 'startDate', 'endDate', 'budgetBand',
  'fundingSource', 'contactName', 'contactRole', 'contactEmail', 'lastReviewedOn', 'licence', 'stage',
] as const;
const LISTS = ['themes', 'serviceAreas', 'placeGssCodes'] as const;
/** Every input field that is state (stageNote and stageChangedOn only describe a change, so never conflict). */
export const COMPARED_FIELDS: readonly string[] = [...TEXT, ...LISTS, 'actualCost', 'partners'];

type Canonical = string;

function text(value: unknown): Canonical {
  return value === null || value === undefined ? '' : String(value).trim();
}

function list(value: unknown, lower = false): Canonical {
  if (!Array.isArray(value)) return '[]';
  const items = value.map((item) => (lower ? text(item).toLowerCase() : text(item))).filter(Boolean);
  return JSON.stringify([...new Set(items)].sort());
}

function partners(value: unknown): Canonical {
  if (!Array.isArray(value)) return '[]';
  return JSON.stringify(
    value.map((partner: Record<string, unknown> | null) => [text(partner?.name), text(partner?.role), text(partner?.organisationSlug), text(partner?.contribution)]),
  );
}

/** One field's value in a form that compares equal whatever its source (stored entity, input, client JSON). */
function canonical(field: string, value: unknown): Canonical {
  if (field === 'themes') return list(value, true);
  if (field === 'serviceAreas' || field === 'placeGssCodes') return list(value);
  if (field === 'partners') return partners(value);
  return text(value);
}

/** The experiment's stored values for the given fields, in the input's shape. */
async function storedValues(em: EntityManager, experiment: Experiment, fields: string[]): Promise<Record<string, unknown>> {
  await em.populate(experiment, ['serviceAreas', 'places', 'partners.organisation']);
  const record = experiment as unknown as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    if (field === 'serviceAreas') values[field] = experiment.serviceAreas.getItems().map((area) => area.slug);
    else if (field === 'placeGssCodes') values[field] = experiment.places.getItems().map((place) => place.gssCode);
    else if (field === 'partners')
      values[field] = [...experiment.partners.getItems()]
        .sort((a, b) => a.position - b.position)
        .map((partner) => ({ name: partner.name, role: partner.role, organisationSlug: partner.organisation?.getEntity()?.slug ?? null, contribution: partner.contribution }));
    else values[field] = record[field];
  }
  return values;
}

export interface FieldChange {
  field: string;
  /** What it holds now, after the other person's save. */
  theirs: unknown;
  /** What you were saving. */
  yours: unknown;
}

export class SectionConflictError extends DomainError {
  constructor(readonly changes: FieldChange[]) {
    super(
      ErrorCode.CONFLICT,
      `Someone else changed ${changes.map((change) => change.field).join(', ')} while you were editing. Compare their change with yours and save again.`,
      { fields: changes },
    );
  }
}

/**
 * Throws SectionConflictError when a field being saved was changed by someone else since `startedFrom` was read
 * (unless they changed it to exactly what you are saving). Fields missing from `startedFrom` count as changed.
 */
export async function assertSectionUnchanged(
  em: EntityManager,
  experiment: Experiment,
  input: UpdateExperimentInput,
  startedFrom: Record<string, unknown>,
): Promise<void> {
  const saving = COMPARED_FIELDS.filter((field) => (input as Record<string, unknown>)[field] !== undefined);
  const stored = await storedValues(em, experiment, saving);
  const changes = saving
    .filter((field) => {
      const now = canonical(field, stored[field]);
      const yours = canonical(field, (input as Record<string, unknown>)[field]);
      return !(field in startedFrom && now === canonical(field, startedFrom[field])) && now !== yours;
    })
    .map((field) => ({ field, theirs: stored[field] ?? null, yours: (input as Record<string, unknown>)[field] ?? null }));
  if (changes.length > 0) throw new SectionConflictError(changes);
}
