import { RegisteredMeasureInput, RegisterMeasuresInput } from '../freshness/freshness.inputs.js';
import { ExperimentStatus, LIMITS, Stage } from '@synapse/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, NotBlank, OptionalText, RequiredText } from '../../graphql/validators.js';
import { AddArtefactInput } from '../artefact/artefact.inputs.js';
import { CreateExperimentInput, PartnerInput } from '../experiment/experiment.inputs.js';
import { AddOutcomeInput, MeasureInput } from '../outcome/outcome.inputs.js';

export const IMPORT_FORMAT = 'synapse-experiments';
/** Version 2 added slugs, full timestamps and stable keys for outcomes and artefacts; version 1 files still load. */
export const IMPORT_FORMAT_VERSION = 2;
export const READABLE_FORMAT_VERSIONS = [1, 2];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX = 140;
const TIMESTAMP = { strict: true, strictSeparator: true } as const;
const MAX_CHILDREN = 50;

/** Which experiment a record adapts: another record, by its lead organisation and external id. */
export class ForkOfInput {
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.slugMax)
  leadOrganisation!: string;

  @RequiredText(1, LIMITS.externalIdMax)
  externalId!: string;
}

/** Which artefact a fork's artefact was carried from: its experiment (lead organisation, external id) and its key. */
export class SourceArtefactInput {
  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.slugMax)
  leadOrganisation!: string;

  @RequiredText(1, LIMITS.externalIdMax)
  experimentExternalId!: string;

  @RequiredText(1, LIMITS.externalIdMax)
  externalId!: string;
}

/** An outcome in an import file: `externalId` lets a re-import update it in place. */
export class ImportOutcomeInput extends AddOutcomeInput {
  @IsOptional()
  @RequiredText(1, LIMITS.externalIdMax)
  externalId?: string | null;

  @IsOptional()
  @IsISO8601(TIMESTAMP)
  createdAt?: string | null;

  @IsOptional()
  @IsISO8601(TIMESTAMP)
  updatedAt?: string | null;
}

/** An artefact in an import file; `owner` and `sourceArtefact` keep the attribution of one carried into a fork. */
export class ImportArtefactInput extends AddArtefactInput {
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.slugMax)
  owner?: string | null;

  @IsOptional()
  @RequiredText(1, LIMITS.externalIdMax)
  externalId?: string | null;

  @IsOptional()
  @ValidateNested()
  sourceArtefact?: SourceArtefactInput | null;

  @IsOptional()
  @IsISO8601(TIMESTAMP)
  createdAt?: string | null;

  @IsOptional()
  @IsISO8601(TIMESTAMP)
  updatedAt?: string | null;

  /** In exports: the SHA-256 of an uploaded file's latest version (informational; the file stays at `url`). */
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be a SHA-256 in hex' })
  sha256?: string | null;
}

export class StageEntryInput {
  @IsEnum(Stage)
  stage!: Stage;

  @IsCalendarDate()
  changedOn!: string;

  @OptionalText(LIMITS.longTextMax)
  note?: string | null;
}

/** A registration in an import file: the registration fields and the day it was made. */
export class ImportRegistrationInput extends RegisterMeasuresInput {
  @IsCalendarDate()
  registeredOn!: string;
}

/** One experiment in an import file: the create fields plus identity, status, history, outcomes and artefacts. */
export class ImportExperimentRecord extends CreateExperimentInput {
  @RequiredText(1, LIMITS.externalIdMax)
  externalId!: string;

  @IsString()
  @NotBlank()
  @MaxLength(LIMITS.slugMax)
  leadOrganisation!: string;

  @IsOptional()
  @IsIn([ExperimentStatus.DRAFT, ExperimentStatus.PUBLISHED], { message: '$property must be DRAFT or PUBLISHED' })
  status?: ExperimentStatus;

  @IsOptional()
  @IsString()
  @MaxLength(SLUG_MAX)
  @Matches(SLUG, { message: '$property must be lower-case letters and digits separated by hyphens' })
  slug?: string | null;

  @IsOptional()
  @IsCalendarDate()
  publishedOn?: string | null;

  /** The moment of first publication (ISO 8601); wins over `publishedOn`. */
  @IsOptional()
  @IsISO8601(TIMESTAMP)
  publishedAt?: string | null;

  @IsOptional()
  @IsISO8601(TIMESTAMP)
  createdAt?: string | null;

  @IsOptional()
  @IsISO8601(TIMESTAMP)
  updatedAt?: string | null;

  @IsOptional()
  @ValidateNested()
  forkOf?: ForkOfInput | null;

  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.longTextMax)
  adaptationNotes?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CHILDREN)
  @ValidateNested({ each: true })
  stageHistory?: StageEntryInput[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CHILDREN)
  @ValidateNested({ each: true })
  outcomes?: ImportOutcomeInput[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CHILDREN)
  @ValidateNested({ each: true })
  artefacts?: ImportArtefactInput[];

  /** Measures registered before results (freshness module); frozen once imported. */
  @IsOptional()
  @ValidateNested()
  registration?: ImportRegistrationInput | null;

  /** When the content last changed substantively; the review cycle counts from it (default: publication). */
  @IsOptional()
  @IsCalendarDate()
  lastUpdatedOn?: string | null;
}

function instance<T extends object>(type: new () => T, plain: unknown): T {
  // Non-objects stay as they are, so validation reports them instead of silently dropping them.
  return plain !== null && typeof plain === 'object' && !Array.isArray(plain) ? Object.assign(new type(), plain) : (plain as T);
}

function instances<T extends object>(type: new () => T, plain: unknown): T[] | undefined {
  return Array.isArray(plain) ? plain.map((item) => instance(type, item)) : (plain as T[] | undefined);
}

/** Turns one parsed JSON record into validator-ready class instances. */
export function toImportRecord(plain: unknown): ImportExperimentRecord {
  const record = instance(ImportExperimentRecord, plain);
  if (record === null || typeof record !== 'object') return record;
  record.partners = instances(PartnerInput, record.partners);
  if (record.forkOf !== undefined && record.forkOf !== null) record.forkOf = instance(ForkOfInput, record.forkOf);
  record.stageHistory = instances(StageEntryInput, record.stageHistory);
  record.artefacts = instances(ImportArtefactInput, record.artefacts);
  for (const artefact of record.artefacts ?? []) {
    if (artefact && typeof artefact === 'object' && artefact.sourceArtefact) artefact.sourceArtefact = instance(SourceArtefactInput, artefact.sourceArtefact);
  }
  record.outcomes = instances(ImportOutcomeInput, record.outcomes);
  if (record.registration !== undefined && record.registration !== null) {
    record.registration = instance(ImportRegistrationInput, record.registration);
    if (record.registration && typeof record.registration === 'object') record.registration.measures = instances(RegisteredMeasureInput, record.registration.measures)!;
  }
  for (const outcome of record.outcomes ?? []) {
    if (outcome && typeof outcome === 'object') outcome.measures = instances(MeasureInput, outcome.measures);
  }
  return record;
}
