import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { selectedFields, selects } from '../../graphql/selection.js';
import { rowsAnswer } from '../experiment/experiment-row.js';
import { SearchFilter, SearchSort } from './search.inputs.js';
import { searchPreferringSimilar } from './search-similar.js';
import { search, SEARCH_PAGE_MAX, suggest } from './search.service.js';
import { SearchResult, SearchSuggestion } from './search.types.js';
import { reviewCutoff } from '../freshness/freshness-rules.js';

@Resolver()
export class SearchResolver {
  @Query(() => SearchResult, {
    description: 'Search over published experiments in the words people type: questions, typos, word forms, jargon and everyday words; "didn\'t work", "evidence", "cheap" and places are read as what to rank first or filter by (see interpretation).',
  })
  search(
    @Ctx() { em, searchIndex, clock, services }: Context,
    @Arg('query', () => String, { defaultValue: '', description: 'Words to look for; empty lists everything.' }) query: string,
    @Arg('filter', () => SearchFilter, { nullable: true }) filter: SearchFilter | null,
    @Arg('sort', () => SearchSort, { defaultValue: SearchSort.RELEVANCE }) sort: SearchSort,
    @Arg('first', () => Int, { defaultValue: 20, description: `At most ${SEARCH_PAGE_MAX}.` }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('collapseFamilies', () => Boolean, { defaultValue: false, description: 'One hit per fork family (its best-ranked, then best-evidenced member).' })
    collapseFamilies: boolean,
    @Arg('preferSimilarTo', () => String, {
      nullable: true,
      description: "GSS code of a council: experiments led by or run in its nearest neighbours (filter.similarCount, default 10) come first.",
    })
    preferSimilarTo?: string | null,
    @Arg('exact', () => Boolean, { defaultValue: false, description: 'Search exactly what was typed: every word, with nothing read into it (see SearchResult.interpretation).' })
    exact?: boolean,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<SearchResult> {
    const reviewCutoffDate = reviewCutoff(clock.now(), services.config.freshness);
    // Facets and highlights cost the engine and the API work: only when the query selects them.
    // A hit's experiment is built as an entity only when the query asks for more than a row answers (experiment-row.ts).
    const wants = info
      ? {
          facets: selects(info, ['facets']),
          highlights: selects(info, ['hits', 'highlights']) || selects(info, ['hits', 'matchedFields']),
          experiments: !rowsAnswer((path) => selectedFields(info, ['hits', 'experiment', ...path])),
        }
      : undefined;
    const args = { query, filter, sort, first, after, collapseFamilies, reviewCutoff: reviewCutoffDate, exact, wants };
    return preferSimilarTo ? searchPreferringSimilar(em, searchIndex, args, preferSimilarTo) : search(em, searchIndex, args);
  }

  @Query(() => [SearchSuggestion], { description: 'Experiment titles for search-as-you-type.' })
  searchSuggestions(
    @Ctx() { em, searchIndex }: Context,
    @Arg('prefix', () => String) prefix: string,
  ): Promise<SearchSuggestion[]> {
    return suggest(em, searchIndex, prefix);
  }
}
