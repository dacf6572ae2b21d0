import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { OptionalText } from '../../graphql/validators.js';
import { SearchFilter } from '../search/search.inputs.js';

@InputType({ description: 'A search to save: the same words and filter the search query takes.' })
export class SaveSearchInput {
  @Field(() => String, { defaultValue: '', description: 'Words to look for, as in search(query:); empty for filters alone.' })
  @IsString()
  @MaxLength(200)
  query!: string;

  @Field(() => SearchFilter, { nullable: true, description: 'As in search(filter:).' })
  @IsOptional()
  @ValidateNested()
  filter?: SearchFilter | null;

  @Field(() => String, { nullable: true, description: 'What to call it; made from the words and filters when not given.' })
  @OptionalText(100)
  name?: string | null;
}

@ObjectType({ description: 'One filter of a saved search, in words.' })
export class SavedSearchCriterion {
  @Field(() => String, { description: 'The SearchFilter field, like "serviceAreas".' })
  field!: string;

  @Field(() => String, { description: 'The field in words, like "Service area".' })
  label!: string;

  @Field(() => [String], { description: 'The values as given to SearchFilter, like "adult-social-care".' })
  values!: string[];

  @Field(() => [String], { description: 'The same values in words, like "Adult social care".' })
  valueLabels!: string[];
}
