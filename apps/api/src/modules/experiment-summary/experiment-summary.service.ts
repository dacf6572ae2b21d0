import {
  ARTEFACT_TYPE_LABELS,
  BUDGET_BAND_LABELS,
  EVALUATION_DESIGN_LABELS,
  LICENCE_LABELS,
  LICENCE_URLS,
  PARTNER_ROLE_LABELS,
  PartnerRole,
  STAGE_LABELS,
  VERDICT_LABELS,
  changeInWords,
  formatFigure,
} from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { findVisibleExperiment } from '../experiment/experiment.service.js';
import { Member } from '../member/member.entity.js';

/** Everything the one-page summary shows, as words: the renderer does no lookups and knows no enums. */
export interface ExperimentSummary {
  title: string;
  slug: string;
  url: string;
  council: string;
  gssCode: string | null;
  facts: { label: string; value: string }[];
  summary: string;
  outcomes: { title: string; verdict: string; evidence: string; figures: string[] }[];
  costs: { label: string; value: string }[];
  artefacts: { title: string; kind: string; licence: string; url: string }[];
  licence: { label: string; url: string | null };
}

export type SummaryLookup = { kind: 'found'; summary: ExperimentSummary } | { kind: 'missing' } | { kind: 'withdrawn'; on: Date; reason: string | null };

const pounds = (value: number) => `£${Math.round(value).toLocaleString('en-GB')}`;

/** A date as GOV.UK writes it: "15 January 2024". Accepts an ISO date or a Date. */
export function longDate(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

function dates(startDate: string | null, endDate: string | null): string | null {
  if (startDate && endDate) return `${longDate(startDate)} to ${longDate(endDate)}`;
  if (startDate) return `From ${longDate(startDate)}`;
  return endDate ? `Until ${longDate(endDate)}` : null;
}

/**
 * The experiment at `slug` as its one-page summary, if the caller may see it: the same rule as the GraphQL
 * `experiment` query (anyone once published; the team before). A withdrawn experiment is gone, as its page says.
 */
export async function findExperimentSummary(em: EntityManager, memberId: string | null, slug: string, publicUrl: string): Promise<SummaryLookup> {
  const viewer = memberId ? await em.findOne(Member, { id: memberId, deletedAt: null }) : null;
  const experiment = await findVisibleExperiment(em, viewer, { slug });
  if (!experiment) return { kind: 'missing' };
  if (experiment.withdrawnAt) return { kind: 'withdrawn', on: experiment.withdrawnAt, reason: experiment.withdrawalReason };
  await em.populate(experiment, ['leadOrganisation', 'outcomes', 'artefacts', 'partners']);
  const lead = experiment.leadOrganisation.getEntity();
  const outcomes = [...experiment.outcomes.getItems()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
  const latest = outcomes[0];
  const funders = experiment.partners.getItems().filter((partner) => partner.role === PartnerRole.FUNDER).map((partner) => partner.name);

  const facts = [
    { label: 'Stage', value: STAGE_LABELS[experiment.stage] },
    { label: 'Latest verdict', value: latest ? VERDICT_LABELS[latest.verdict] : 'No results reported yet' },
    ...(outcomes.length ? [{ label: 'Strongest evidence', value: `Level ${Math.max(...outcomes.map((o) => o.evidenceLevel))} of 5 (Nesta Standards of Evidence)` }] : []),
    ...(dates(experiment.startDate, experiment.endDate) ? [{ label: 'Dates', value: dates(experiment.startDate, experiment.endDate)! }] : []),
    ...(experiment.publishedAt ? [{ label: 'Published', value: longDate(experiment.publishedAt) }] : []),
    { label: 'Last updated', value: longDate(experiment.updatedAt) },
  ];
  const costs = [
    ...(experiment.actualCost !== null ? [{ label: 'Actual cost', value: pounds(experiment.actualCost) }] : []),
    ...(experiment.budgetBand ? [{ label: 'Budget', value: BUDGET_BAND_LABELS[experiment.budgetBand] }] : []),
    ...(experiment.fundingSource ? [{ label: 'Funding', value: experiment.fundingSource }] : []),
    ...(funders.length ? [{ label: PARTNER_ROLE_LABELS.FUNDER, value: funders.join(', ') }] : []),
    ...outcomes.filter((o) => o.costPerParticipant !== null).slice(0, 1).map((o) => ({ label: 'Cost per participant', value: pounds(o.costPerParticipant!) })),
    ...outcomes.filter((o) => o.annualSavings !== null).slice(0, 1).map((o) => ({ label: 'Estimated savings a year', value: pounds(o.annualSavings!) })),
  ];

  return {
    kind: 'found',
    summary: {
      title: experiment.title,
      slug: experiment.slug,
      url: `${publicUrl}/experiments/${encodeURIComponent(experiment.slug)}`,
      council: lead.name,
      gssCode: lead.gssCode,
      facts,
      summary: experiment.summary,
      outcomes: outcomes.map((outcome) => ({
        title: outcome.title,
        verdict: VERDICT_LABELS[outcome.verdict],
        evidence: `Evidence level ${outcome.evidenceLevel} of 5; ${EVALUATION_DESIGN_LABELS[outcome.evaluationDesign].toLowerCase()}${outcome.independentEvaluation ? ', independently evaluated' : ''}`,
        figures: outcome.measures.map((raw) => {
          const measure = { ...raw, baseline: raw.baseline ?? null, result: raw.result ?? null, unit: raw.unit ?? null };
          const change = changeInWords(measure);
          const period = measure.period ? ` (${measure.period})` : '';
          return `${measure.name}: ${formatFigure(measure.baseline, measure.unit)} to ${formatFigure(measure.result, measure.unit)}${period}${change ? `. ${change}` : ''}`;
        }),
      })),
      costs,
      artefacts: [...experiment.artefacts.getItems()]
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
        .map((artefact) => ({ title: artefact.title, kind: ARTEFACT_TYPE_LABELS[artefact.type], licence: LICENCE_LABELS[artefact.licence], url: artefact.url })),
      licence: { label: LICENCE_LABELS[experiment.licence], url: LICENCE_URLS[experiment.licence] },
    },
  };
}
