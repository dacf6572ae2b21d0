import { fold, isStopWord, normalise, stemWord, words } from '@synapse/search';
import type { SearchIndex } from './search-index.js';

export interface SuggestionCandidate {
  id: string;
  title: string;
  slug: string;
}

/** Whether a title has a word that the partly typed word begins, as written or as a stem ("hous" → "Housing"). */
function titleContinues(title: string, partial: string): boolean {
  const stem = stemWord(partial);
  return words(title).some((word) => word.startsWith(partial) || stemWord(word).startsWith(stem));
}

/**
 * Titles for what has been typed so far: the finished words matched by meaning (stems, vocabulary) and the word
 * being typed as the beginning of a word of the title. No typo is tolerated in a word being typed, so "hous"
 * suggests housing, never a hospital.
 */
export async function engineSuggestions(index: SearchIndex, text: string, limit: number): Promise<SuggestionCandidate[]> {
  const typed = words(text);
  const finished = /\s$/.test(text) ? typed : typed.slice(0, -1);
  const partial = /\s$/.test(text) ? '' : fold(typed.at(-1) ?? '');
  const query = [normalise(finished.join(' ')), partial && !isStopWord(partial) ? stemWord(partial) : ''].filter(Boolean).join(' ');
  if (!query) return [];
  const response = await index.search(query, {
    limit: limit * 3,
    attributesToRetrieve: ['id', 'title', 'slug'],
    attributesToSearchOn: ['stems.title', 'stems.themes'],
    matchingStrategy: 'all',
  });
  return (response.hits as SuggestionCandidate[]).filter((hit) => !partial || isStopWord(partial) || titleContinues(hit.title, partial)).slice(0, limit);
}
