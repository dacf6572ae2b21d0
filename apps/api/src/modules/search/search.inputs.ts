import { ArtefactType, BudgetBand, CouncilType, LIMITS, RuralUrbanClass } from '@synapse/domain';
import { ArrayMaxSize, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { POPULATION_BANDS } from '@synapse/search';
import { ExperimentFilterBase } from '../experiment/experiment.inputs.js';

export enum SearchSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  STRONGEST_EVIDENCE = 'STRONGEST_EVIDENCE',
}
registerEnumType(SearchSort, { name: 'SearchSort', description: 'RELEVANCE ranks by how well the words match.' });

export const POPULATION_BAND_VALUES = POPULATION_BANDS.map(({ band }) => band);
const each = { each: true } as const;

@InputType({ description: 'Narrows a search. Values within a field are ORed; fields are ANDed. Each field has facet counts.' })
export class SearchFilter extends ExperimentFilterBase {
  @Field(() => Int, { nullable: true, description: 'Only experiments with an outcome at least this strong (Nesta level 1–5).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  minEvidenceLevel?: number | null;

  @Field(() => [CouncilType], { nullable: true, description: 'Type of the lead council.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsEnum(CouncilType, each)
  organisationTypes?: CouncilType[] | null;

  @Field(() => [RuralUrbanClass], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsEnum(RuralUrbanClass, each)
  ruralUrbanClasses?: RuralUrbanClass[] | null;

  @Field(() => [Int], { nullable: true, description: 'Deprivation quintiles of the lead council, 1 (most deprived) to 5.' })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsInt(each)
  @Min(1, each)
  @Max(5, each)
  deprivationQuintiles?: number[] | null;

  @Field(() => [String], { nullable: true, description: `Population bands of the lead council: ${POPULATION_BAND_VALUES.join(', ')}.` })
  @IsOptional()
  @ArrayMaxSize(POPULATION_BAND_VALUES.length)
  @IsIn(POPULATION_BAND_VALUES, each)
  populationBands?: string[] | null;

  @Field(() => [BudgetBand], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsEnum(BudgetBand, each)
  costBands?: BudgetBand[] | null;

  @Field(() => [ArtefactType], { nullable: true, description: 'Experiments with an artefact of these types.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsEnum(ArtefactType, each)
  artefactTypes?: ArtefactType[] | null;

  @Field(() => [Int], { nullable: true, description: 'Calendar years the experiment ran in.' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsInt(each)
  @Min(1900, each)
  @Max(2200, each)
  years?: number[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsString(each)
  @MaxLength(LIMITS.themeMax, each)
  themes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only experiments whose measures were registered before results; false: only those without.' })
  @IsOptional()
  @IsBoolean()
  registered?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: leave out experiments overdue for review (not confirmed accurate within REVIEW_MONTHS).' })
  @IsOptional()
  @IsBoolean()
  excludeOverdueReview?: boolean | null;
}
