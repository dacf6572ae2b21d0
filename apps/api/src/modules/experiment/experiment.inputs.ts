import {
  BudgetBand,
  ExperimentStatus,
  LIMITS,
  Licence,
  Nation,
  PartnerRole,
  SERVICE_AREA_SLUGS,
  Stage,
  Verdict,
} from '@synapse/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_NEIGHBOURS } from '@synapse/reference-data';
import { Field, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { IsCalendarDate, NoDuplicates, OptionalText, RequiredText, OmittableNotNull } from '../../graphql/validators.js';

@InputType({ description: 'A partner: an organisation on Synapse (by slug) or one named only.' })
export class PartnerInput {
  @Field(() => String)
  @RequiredText(1, LIMITS.shortTextMax)
  name!: string;

  @Field(() => PartnerRole)
  @IsEnum(PartnerRole)
  role!: PartnerRole;

  @Field(() => String, { nullable: true, description: 'Slug of the organisation on Synapse, if it is there.' })
  @OptionalText(LIMITS.slugMax)
  organisationSlug?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.shortTextMax)
  contribution?: string | null;
}

/** The fields an editor may set on create and on update; all optional here. */
@InputType()
export class ExperimentFieldsInput {
  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.longTextMax)
  problem?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.longTextMax)
  whoItServes?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.longTextMax)
  whatIsNew?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.longTextMax)
  approach?: string | null;

  @Field(() => [String], { nullable: true, description: 'Service area slugs (see the serviceAreas query).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.serviceAreasMax)
  @IsIn(SERVICE_AREA_SLUGS, { each: true, message: '$property must contain only known service area slugs' })
  @NoDuplicates()
  serviceAreas?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.themesMax)
  @IsString({ each: true })
  @Length(1, LIMITS.themeMax, { each: true })
  themes?: string[] | null;

  @Field(() => Stage, { nullable: true })
  @IsOptional()
  @IsEnum(Stage)
  stage?: Stage | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the stage began (defaults to today).' })
  @IsOptional()
  @IsCalendarDate()
  stageChangedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the stage changed; required when stopping.' })
  @OptionalText(LIMITS.longTextMax)
  stageNote?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string | null;

  @Field(() => BudgetBand, { nullable: true })
  @IsOptional()
  @IsEnum(BudgetBand)
  budgetBand?: BudgetBand | null;

  @Field(() => Int, { nullable: true, description: 'Pounds sterling, not negative.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(LIMITS.moneyMax)
  actualCost?: number | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.shortTextMax)
  fundingSource?: string | null;

  @Field(() => [PartnerInput], { nullable: true, description: 'Replaces the whole partner list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.partnersMax)
  @ValidateNested({ each: true })
  partners?: PartnerInput[] | null;

  @Field(() => [String], { nullable: true, description: 'GSS codes of the councils where it ran.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.placesMax)
  @IsString({ each: true })
  @Length(9, 9, { each: true, message: '$property must contain GSS codes like E08000010' })
  @NoDuplicates()
  placeGssCodes?: string[] | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.shortTextMax)
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.shortTextMax)
  contactRole?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: '$property must be an email address' })
  @MaxLength(320)
  contactEmail?: string | null;

  @Field(() => Licence, { nullable: true })
  @IsOptional()
  @IsEnum(Licence)
  licence?: Licence | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  lastReviewedOn?: string | null;
}

@InputType({ description: 'A new draft experiment, led by your organisation.' })
export class CreateExperimentInput extends ExperimentFieldsInput {
  @Field(() => String)
  @RequiredText(3, LIMITS.titleMax)
  title!: string;

  @Field(() => String)
  @RequiredText(1, LIMITS.summaryMax)
  summary!: string;
}

@InputType({ description: 'Changes to an experiment; omitted fields are left as they are, null clears.' })
export class UpdateExperimentInput extends ExperimentFieldsInput {
  @Field(() => String, { nullable: true })
  @OmittableNotNull()
  @RequiredText(3, LIMITS.titleMax)
  title?: string;

  @Field(() => String, { nullable: true })
  @OmittableNotNull()
  @RequiredText(1, LIMITS.summaryMax)
  summary?: string;
}

const each = { each: true } as const;

/** The filters that listing and search share. */
@InputType()
export class ExperimentFilterBase {
  @Field(() => [String], { nullable: true, description: 'Service area slugs.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsIn(SERVICE_AREA_SLUGS, { ...each, message: '$property must contain only known service area slugs' })
  serviceAreas?: string[] | null;

  @Field(() => [Stage], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsEnum(Stage, each)
  stages?: Stage[] | null;

  @Field(() => [Verdict], { nullable: true, description: 'Experiments with at least one outcome of these verdicts.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsEnum(Verdict, each)
  verdicts?: Verdict[] | null;

  @Field(() => [String], { nullable: true, description: 'GSS codes: experiments led by, or run in, these councils.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsString(each)
  @MaxLength(9, each)
  organisations?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Region names of the lead organisation, e.g. \"North West\"." })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsString(each)
  @MaxLength(60, each)
  regions?: string[] | null;

  @Field(() => [Nation], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsEnum(Nation, each)
  nations?: Nation[] | null;

  @Field(() => String, {
    nullable: true,
    description: "GSS code of a council: experiments led by, or run in, its statistical nearest neighbours (not the council itself).",
  })
  @IsOptional()
  @Matches(/^[ENSW]\d{8}$/, { message: '$property must be a GSS code such as E08000010' })
  similarToCouncil?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many nearest neighbours similarToCouncil means: 1 to 15, 10 when not given.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_NEIGHBOURS)
  similarCount?: number | null;
}

@InputType({ description: 'Narrows a list of experiments. Values within a field are ORed; fields are ANDed.' })
export class ExperimentFilter extends ExperimentFilterBase {
  @Field(() => [ExperimentStatus], {
    nullable: true,
    description: 'Defaults to PUBLISHED. Drafts and archived experiments are only ever those of your own organisation.',
  })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(ExperimentStatus, each)
  statuses?: ExperimentStatus[] | null;
}
