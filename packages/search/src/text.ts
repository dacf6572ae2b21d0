import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import stem from 'wink-porter2-stemmer';

const STOP_WORDS_FILE = fileURLToPath(new URL('../data/stop-words.json', import.meta.url));

/** English function words and question words (data/stop-words.json). */
export const STOP_WORDS: ReadonlySet<string> = new Set((JSON.parse(readFileSync(STOP_WORDS_FILE, 'utf8')) as { words: string[] }).words);

// A word is letters and digits, with an inner apostrophe ("didn't") or ampersand ("b&b") kept.
const WORD = /[\p{L}\p{N}]+(?:['&][\p{L}\p{N}]+)*/gu;

/** Lower case, with curly apostrophes straightened, so "Children’s" and "children's" are one word. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** The words of a text, folded, in order. */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/**
 * Stems already worked out. A vocabulary is small beside the text it is used in (the same words recur across
 * documents, fields and hits), and Porter2 is a chain of regular expressions, so most calls are answered here.
 * Bounded: emptied when full, so a stream of unusual words (codes, typos) cannot grow it without limit.
 */
const STEMS = new Map<string, string>();
const STEMS_MAX = 50_000;

/** The stem of one folded word: Porter2 (Snowball English, `wink-porter2-stemmer`), possessives dropped. */
export function stemWord(word: string): string {
  let stemmed = STEMS.get(word);
  if (stemmed === undefined) {
    const plain = word.replace(/'s$/, '');
    stemmed = /^[\p{L}]+$/u.test(plain) ? stem(plain) : plain;
    if (STEMS.size >= STEMS_MAX) STEMS.clear();
    STEMS.set(word, stemmed);
  }
  return stemmed;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * The searchable form of a text: its words, stop words dropped, each stemmed. Documents (at index time) and
 * queries (at search time) go through this same function, so "lonely residents" and "loneliness among residents"
 * meet on "lone"/"resid", and "children's homes" on "children home".
 */
export function normalise(text: string): string {
  return words(text)
    .filter((word) => !isStopWord(word))
    .map(stemWord)
    .join(' ');
}
