import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { criteriaOf, searchParamsOf } from './search-criteria.js';
import { SavedSearch } from './saved-search.entity.js';
import { SavedSearchCriterion, SaveSearchInput } from './saved-search.inputs.js';
import { deleteSavedSearch, savedSearchesOf, saveSearch, SAVED_SEARCHES_MAX } from './saved-search.service.js';

@Resolver(() => SavedSearch)
export class SavedSearchResolver {
  @Mutation(() => SavedSearch, {
    description: `Saves a search (its words and filter) and notifies you when a newly published experiment matches it. Saving the same search again returns the one already saved (renamed if you give a name). At most ${SAVED_SEARCHES_MAX} per person. Signed-in people only.`,
  })
  saveSearch(@Ctx() { em, viewer }: Context, @Arg('input', () => SaveSearchInput) input: SaveSearchInput): Promise<SavedSearch> {
    return saveSearch(em, viewer, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes one of your saved searches, so you stop hearing about its matches.' })
  deleteSavedSearch(@Ctx() { em, viewer }: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return deleteSavedSearch(em, viewer, id);
  }

  @Query(() => [SavedSearch], { description: 'Your saved searches, newest first. Signed-in people only.' })
  mySavedSearches(@Ctx() { em, viewer }: Context): Promise<SavedSearch[]> {
    return savedSearchesOf(em, viewer);
  }

  @FieldResolver(() => [SavedSearchCriterion], { description: 'Its filters, field by field, in words.' })
  criteria(@Root() saved: SavedSearch): SavedSearchCriterion[] {
    return criteriaOf(saved.filter);
  }

  @FieldResolver(() => String, { description: 'The search page for it, as a path like "/search?q=…" on the web client.' })
  searchPath(@Root() saved: SavedSearch): string {
    return `/search?${searchParamsOf(saved.query, saved.filter)}`;
  }

  @FieldResolver(() => String, { description: 'Its Atom feed: the newest experiments matching it (public, no sign-in).' })
  feedUrl(@Root() saved: SavedSearch, @Ctx() { services }: Context): string {
    return `${services.config.publicUrl}/feeds/search.atom?${searchParamsOf(saved.query, saved.filter)}`;
  }
}
