import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalise, words } from './text.js';

const LAY_FILE = fileURLToPath(new URL('../data/lay-vocabulary.json', import.meta.url));
const SYNONYMS_FILE = fileURLToPath(new URL('../data/synonyms.json', import.meta.url));

/** Everyday phrase → the words councils write, one way (data/lay-vocabulary.json). */
export function loadLayVocabulary(file: string = LAY_FILE): Record<string, string[]> {
  return (JSON.parse(readFileSync(file, 'utf8')) as { expansions: Record<string, string[]> }).expansions;
}

/**
 * A phrase in the normalised form queries reach the engine in; null when dropping its stop words would leave one
 * word that means something else ("getting online" → "online"): such an entry would fire on every use of that word.
 */
export function phraseKey(phrase: string): string | null {
  const key = normalise(phrase);
  const kept = key.split(' ').filter(Boolean).length;
  if (kept === 0 || (kept === 1 && words(phrase).length > 1)) return null;
  return key;
}

export interface VocabularyEntry {
  /** The phrase as written in the data, e.g. "asc" or "potholes". */
  phrase: string;
  /** What it is read as, e.g. ["adult social care", …]: the first is the one shown to people. */
  meanings: string[];
}

/**
 * The jargon synonyms and the lay vocabulary, merged and keyed by normalised (stop words dropped, stemmed)
 * phrase: the form queries and documents are searched in.
 */
export function vocabulary(): Map<string, VocabularyEntry> {
  const entries = new Map<string, VocabularyEntry>();
  const add = (phrase: string, meanings: string[]) => {
    const key = phraseKey(phrase);
    if (!key) return;
    const entry = entries.get(key) ?? { phrase, meanings: [] };
    for (const meaning of meanings) {
      const value = phraseKey(meaning);
      if (value && value !== key && !entry.meanings.includes(meaning)) entry.meanings.push(meaning);
    }
    entries.set(key, entry);
  };
  // Group order is kept, so the first meaning shown is the one the data lists first ("asc" → "adult social care").
  const jargon = JSON.parse(readFileSync(SYNONYMS_FILE, 'utf8')) as { groups: string[][]; oneWay?: Record<string, string[]> };
  for (const group of jargon.groups) for (const term of group) add(term, group.filter((other) => other !== term));
  for (const [phrase, meanings] of Object.entries(jargon.oneWay ?? {})) add(phrase, meanings);
  for (const [phrase, meanings] of Object.entries(loadLayVocabulary())) add(phrase, meanings);
  return entries;
}

/** The Meilisearch synonyms setting: the vocabulary in normalised form (queries reach the engine normalised). */
export function engineSynonyms(): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const [key, entry] of vocabulary()) {
    const values = [...new Set(entry.meanings.map((meaning) => phraseKey(meaning)!).filter((value) => value !== key))];
    if (values.length) map[key] = values.sort();
  }
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
}
