import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum SearchIntent {
  FAILED_FIRST = 'FAILED_FIRST',
  STRONG_EVIDENCE_FIRST = 'STRONG_EVIDENCE_FIRST',
  LOW_COST_FIRST = 'LOW_COST_FIRST',
  RURAL_FIRST = 'RURAL_FIRST',
}
registerEnumType(SearchIntent, {
  name: 'SearchIntent',
  description: 'What a query asked for besides its topic, and so what is ranked first.',
  valuesConfig: {
    FAILED_FIRST: { description: '"didn\'t work", "failed", "lessons": failed, mixed and stopped results first.' },
    STRONG_EVIDENCE_FIRST: { description: '"evidence", "trial", "RCT", "evaluated", "proven": stronger evidence first.' },
    LOW_COST_FIRST: { description: '"cheap", "low cost": the lowest cost bands first.' },
    RURAL_FIRST: { description: '"rural", "villages": results from rural councils first.' },
  },
});

@ObjectType({ description: 'A word or phrase of the query that was also searched as something else.' })
export class QueryExpansion {
  @Field(() => String, { description: 'The words as typed, e.g. "ASC" or "potholes".' })
  term!: string;

  @Field(() => String, { description: 'What they were also read as, e.g. "adult social care" or "carriageway defects".' })
  meaning!: string;
}

@ObjectType()
export class IntentReading {
  @Field(() => SearchIntent)
  intent!: SearchIntent;

  @Field(() => String, { description: 'The words that asked for it, e.g. "didn\'t work".' })
  term!: string;
}

@ObjectType({
  description:
    'A place read from the words of the query, e.g. "in Wales" → nations: WALES. Results from it are ranked first (not filtered: where it has none, ' +
    'the closest results from elsewhere still show); pass it in `filter` to see only those.',
})
export class PlacePreference {
  @Field(() => String, { description: 'The SearchFilter field, e.g. "nations", "regions" or "organisations".' })
  field!: string;

  @Field(() => String, { description: 'The value, as the filter takes it, e.g. "WALES" or a GSS code.' })
  value!: string;

  @Field(() => String, { description: 'A name for the value, e.g. "Wales" or "Cornwall".' })
  label!: string;

  @Field(() => String, { description: 'The words that asked for it, e.g. "in Wales".' })
  term!: string;
}

@ObjectType({ description: 'How the query was read. Show it, with a way to search exactly what was typed (exact: true).' })
export class SearchInterpretation {
  @Field(() => Boolean, { description: 'True when the search was asked for exactly what was typed, so nothing was read into it.' })
  exact!: boolean;

  @Field(() => [String], { description: 'The words searched for (as typed, lower case): the query without stop, question, intent and place words.' })
  keywords!: string[];

  @Field(() => [String], { description: 'Stop and question words that were not searched for ("how", "do", "we").' })
  ignoredWords!: string[];

  @Field(() => [QueryExpansion], { description: 'Jargon and everyday words also searched as what they mean.' })
  expansions!: QueryExpansion[];

  @Field(() => [IntentReading])
  intents!: IntentReading[];

  @Field(() => [PlacePreference], { description: 'Places read from the words; ignored for a field the caller already filters on.' })
  placesPreferred!: PlacePreference[];

  @Field(() => Boolean, { description: 'True when searching with exact: true would search differently: something above was read into the words.' })
  exactQueryAvailable!: boolean;
}
