import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection.js';
import { Experiment } from '../experiment/experiment.entity.js';
import type { HitColumns } from './search-hit-read.js';
import { SearchInterpretation } from './search-interpretation.types.js';

// Search's own types hold plain values and have no middleware: their fields are read without type-graphql's
// per-field wrapper (simpleResolvers), a few hundred of them per search (hits, highlights, facet values).
@ObjectType({ description: 'A passage of a field that matched, as safe HTML: the text is escaped and matches are wrapped in <mark>.', simpleResolvers: true })
export class SearchHighlight {
  @Field(() => String)
  field!: string;

  @Field(() => String)
  snippet!: string;
}

@ObjectType({ simpleResolvers: true })
export class SearchHit {
  /** An entity, or a row read in plain SQL when the query asks for nothing a row cannot answer (experiment-row.ts). */
  @Field(() => Experiment)
  experiment!: Experiment | HitColumns;

  @Field(() => [SearchHighlight])
  highlights!: SearchHighlight[];

  @Field(() => [String], { description: 'Which fields the query matched, e.g. ["title", "lessons"].' })
  matchedFields!: string[];

  @Field(() => Int, { description: 'How many places its fork family has tried it in ("tried in N places").' })
  familySize!: number;
}

@ObjectType({ simpleResolvers: true })
export class FacetValue {
  @Field(() => String)
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'How many results have each value of a filter field.', simpleResolvers: true })
export class Facet {
  @Field(() => String, { description: 'The SearchFilter field this facet narrows, e.g. "serviceAreas".' })
  field!: string;

  @Field(() => [FacetValue])
  values!: FacetValue[];
}

@ObjectType({ simpleResolvers: true })
export class SearchResult {
  @Field(() => [SearchHit])
  hits!: SearchHit[];

  @Field(() => Int, { description: 'An estimate of how many experiments match, across all pages.' })
  estimatedTotal!: number;

  @Field(() => [Facet], { description: 'Counts for every filter field among the experiments that match.' })
  facets!: Facet[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Boolean, { description: 'True when the search engine was unavailable and this answer came from the database full-text search (every filter; no typo tolerance, synonyms, facets or highlights).' })
  degraded!: boolean;

  @Field(() => SearchInterpretation, { nullable: true, description: 'How the query was read; null when degraded (the fallback searches the words as typed).' })
  interpretation?: SearchInterpretation | null;
}

@ObjectType()
export class SearchSuggestion {
  @Field(() => String)
  title!: string;

  @Field(() => String)
  slug!: string;
}
