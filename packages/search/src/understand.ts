import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isStopWord, stemWord, words } from './text.js';
import { vocabulary, type VocabularyEntry } from './vocabulary.js';

const INTENTS_FILE = fileURLToPath(new URL('../data/intents.json', import.meta.url));

/** What kind of result a query asks for, besides its topic. */
export type SearchIntent = 'FAILED_FIRST' | 'STRONG_EVIDENCE_FIRST' | 'LOW_COST_FIRST' | 'RURAL_FIRST';

interface IntentData {
  intents: Record<Exclude<SearchIntent, 'RURAL_FIRST'>, string[]>;
  rural: string[];
  nations: Record<string, string[]>;
  regions: Record<string, string[]>;
}

type PhraseKind = { kind: 'intent'; intent: SearchIntent } | { kind: 'nation' | 'region'; value: string } | { kind: 'rural' };
interface Phrase {
  tokens: string[];
  meaning: PhraseKind;
}

function loadPhrases(): Phrase[] {
  const phraseData = JSON.parse(readFileSync(INTENTS_FILE, 'utf8')) as IntentData;
  const phrases: Phrase[] = [];
  for (const [intent, list] of Object.entries(phraseData.intents)) for (const p of list) phrases.push({ tokens: words(p), meaning: { kind: 'intent', intent: intent as SearchIntent } });
  for (const p of phraseData.rural) phrases.push({ tokens: words(p), meaning: { kind: 'rural' } });
  for (const [value, list] of Object.entries(phraseData.nations)) for (const p of list) phrases.push({ tokens: words(p), meaning: { kind: 'nation', value } });
  for (const [value, list] of Object.entries(phraseData.regions)) for (const p of list) phrases.push({ tokens: words(p), meaning: { kind: 'region', value } });
  // Longest first, so "did not work" wins over "work" and "north east" over "east".
  return phrases.sort((a, b) => b.tokens.length - a.tokens.length);
}

let cache: { phrases: Phrase[]; vocabulary: Map<string, VocabularyEntry>; longestKey: number } | null = null;
function data() {
  if (!cache) {
    const vocab = vocabulary();
    cache = { phrases: loadPhrases(), vocabulary: vocab, longestKey: Math.max(...[...vocab.keys()].map((key) => key.split(' ').length)) };
  }
  return cache;
}

export interface Expansion {
  /** The words as typed, e.g. "ASC" or "kids in care". */
  term: string;
  /** What they are also read as, e.g. "adult social care" or "children in care". */
  meaning: string;
}

export interface PlaceReading {
  value: string;
  /** The words as typed, e.g. "in Wales". */
  term: string;
}

/** A place named in a query that is not a nation or region (e.g. a council): supplied by the caller. */
export type PlaceFinder = (tokens: string[], at: number) => { length: number; value: string } | null;

export interface QueryReading {
  /** The words sent to the engine: the topic words, stop words dropped, stemmed. Empty when nothing but intent was typed. */
  engineQuery: string;
  /** The topic words as typed (folded), stop, question, intent and place words taken out. */
  keywords: string[];
  /** The stems of the topic words and of every expansion: what snippets highlight. */
  highlightStems: string[];
  /** The stems of the topic words alone (a typo in them is highlighted too). */
  typedStems: string[];
  expansions: Expansion[];
  intents: { intent: SearchIntent; term: string }[];
  nations: PlaceReading[];
  regions: PlaceReading[];
  places: PlaceReading[];
  /** Words dropped as stop or question words. */
  ignored: string[];
}

const PLACE_PREPOSITIONS = new Set(['in', 'across', 'from', 'for', 'within', 'around']);

function matchAt(tokens: string[], at: number, phrase: string[]): boolean {
  return phrase.length > 0 && phrase.every((token, i) => tokens[at + i] === token);
}

/**
 * Reads a query as an officer means it: intent phrases ("didn't work", "evidence", "cheap") and places ("in Wales",
 * "North West", "rural") are recognised and taken out of the words searched; stop and question words are dropped;
 * the rest is stemmed; vocabulary entries (jargon and lay words) found among them are listed as expansions.
 */
export function readQuery(text: string, findPlace?: PlaceFinder): QueryReading {
  const { phrases, vocabulary: vocab, longestKey } = data();
  const tokens = words(text);
  const reading: QueryReading = { engineQuery: '', keywords: [], highlightStems: [], typedStems: [], expansions: [], intents: [], nations: [], regions: [], places: [], ignored: [] };
  const topic: string[] = [];
  const topicAt: number[] = [];
  for (let at = 0; at < tokens.length; ) {
    const phrase = phrases.find((p) => matchAt(tokens, at, p.tokens));
    const place = phrase ? null : findPlace?.(tokens, at);
    if (phrase || place) {
      const length = phrase ? phrase.tokens.length : place!.length;
      const before = tokens[at - 1];
      const preposition = before !== undefined && PLACE_PREPOSITIONS.has(before) ? `${before} ` : '';
      const term = tokens.slice(at, at + length).join(' ');
      const meaning = phrase?.meaning;
      if (place) reading.places.push({ value: place.value, term: preposition + term });
      else if (meaning?.kind === 'intent') reading.intents.push({ intent: meaning.intent, term });
      else if (meaning?.kind === 'nation') reading.nations.push({ value: meaning.value, term: preposition + term });
      else if (meaning?.kind === 'region') reading.regions.push({ value: meaning.value, term: preposition + term });
      else if (meaning?.kind === 'rural') {
        reading.intents.push({ intent: 'RURAL_FIRST', term });
        // "rural" is also what the query is about
        tokens.slice(at, at + length).forEach((token, offset) => {
          topic.push(token);
          topicAt.push(at + offset);
        });
      }
      at += length;
      continue;
    }
    topic.push(tokens[at]!); // at < tokens.length
    topicAt.push(at);
    at++;
  }
  const keptAt: number[] = [];
  const kept = topic.filter((token, i) => {
    if (!isStopWord(token)) return keptAt.push(topicAt[i]!) > 0; // topicAt has one position per topic token
    reading.ignored.push(token);
    return false;
  });
  reading.keywords = kept;
  const stems = kept.map(stemWord);
  // A trailing space tells the engine the last word is complete: "care" must not find "carers" as a prefix.
  reading.engineQuery = stems.length ? `${stems.join(' ')} ` : '';
  const highlight = new Set(stems);
  // Vocabulary: longest phrases first, not overlapping.
  for (let at = 0; at < stems.length; ) {
    let found = 0;
    for (let length = Math.min(longestKey, stems.length - at); length > 0 && !found; length--) {
      const entry = vocab.get(stems.slice(at, at + length).join(' '));
      const firstMeaning = entry?.meanings[0];
      if (!entry || firstMeaning === undefined) continue;
      found = length;
      // The term as typed, with any stop words inside it ("kids in care").
      reading.expansions.push({ term: tokens.slice(keptAt[at], keptAt[at + length - 1]! + 1).join(' '), meaning: firstMeaning });
      for (const meaning of entry.meanings) for (const word of words(meaning)) if (!isStopWord(word)) highlight.add(stemWord(word));
    }
    at += found || 1;
  }
  reading.intents = reading.intents.filter((item, i, all) => all.findIndex((other) => other.intent === item.intent) === i);
  reading.highlightStems = [...highlight];
  reading.typedStems = stems;
  return reading;
}
