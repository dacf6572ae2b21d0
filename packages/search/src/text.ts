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
 * A pure function of a word, remembered. A vocabulary is small beside the text it is used in (the same words recur
 * across documents, fields, hits and searches), so most calls are answered from memory. Bounded: emptied when
 * full, so a stream of unusual words (codes, typos) cannot grow it without limit; `keep` can leave words out.
 */
function remembered<T extends string | null>(work: (word: string) => T, keep: (word: string) => boolean = () => true): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    let answer = known.get(word);
    if (answer !== undefined) return answer;
    answer = work(word);
    if (keep(word)) {
      if (known.size >= 50_000) known.clear();
      known.set(word, answer);
    }
    return answer;
  };
}

/** The stem of one folded word: Porter2 (Snowball English, `wink-porter2-stemmer`), possessives dropped. */
export const stemWord = remembered((word: string): string => {
  const plain = word.replace(/'s$/, '');
  return /^[\p{L}]+$/u.test(plain) ? stem(plain) : plain;
});

/**
 * What a word as written in a text is searched as: its stem once folded, or null for a stop word. Only short words
 * are remembered: V8 makes a longer slice of a text a view that would keep the whole text alive.
 */
export const searchedForm = remembered(
  (word: string): string | null => {
    const folded = fold(word);
    return isStopWord(folded) ? null : stemWord(folded);
  },
  (word) => word.length <= 12,
);

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
