import { CouncilType, LIMITS, Nation, OrganisationKind } from '@synapse/domain';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { OptionalText } from '../../graphql/validators.js';
import { Field, InputType } from 'type-graphql';

const each = { each: true } as const;

@InputType({ description: 'Narrows a list of organisations. Values within a field are ORed; fields are ANDed.' })
export class OrganisationFilter {
  @Field(() => [Nation], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsEnum(Nation, each)
  nations?: Nation[] | null;

  @Field(() => [String], { nullable: true, description: 'e.g. "North West", "Scotland".' })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsString(each)
  @MaxLength(60, each)
  regions?: string[] | null;

  @Field(() => [CouncilType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsEnum(CouncilType, each)
  types?: CouncilType[] | null;

  @Field(() => [OrganisationKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.filterValuesMax)
  @IsEnum(OrganisationKind, each)
  kinds?: OrganisationKind[] | null;

  @Field(() => String, { nullable: true, description: 'A name, common name or part of one, any case ("Hull", "Wigan Council"): best matches first.' })
  @OptionalText(LIMITS.shortTextMax)
  name?: string | null;
}
