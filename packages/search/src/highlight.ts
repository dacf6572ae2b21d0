import { escapeHtml } from '@synapse/domain';
import { searchedForm } from './text.js';

// A word as in text.ts (letters and digits, an inner apostrophe or ampersand kept), and what lies between words.
const WORD_HERE = /[\p{L}\p{N}]+(?:['&][\p{L}\p{N}]+)*/uy;
const GAP = /[^\p{L}\p{N}]*/uy;

/** The two rows of the edit-distance table, reused from call to call (grown for a longer word). */
let rows = [new Int32Array(32), new Int32Array(32)] as const;

/** Edit distance, capped: enough to accept a typed typo ("homelessnes") the engine also accepted. */
function within(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    const char = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (char === b.charCodeAt(j - 1) ? 0 : 1));
      current[j] = cost;
      if (cost < best) best = cost;
    }
    if (best > max) return false;
    [previous, current] = [current, previous];
  }
  return previous[b.length]! <= max;
}

/**
 * Whether a word of a document matches the query: the same stem as a searched word or one of its meanings, or a
 * stem a typo or two away from a word that was typed (as the engine allows); never a stop word. Typo answers are
 * remembered per stem for this query, since the same words recur across fields and hits.
 */
export function wordMatcher(stems: readonly string[], typed: readonly string[] = stems): (word: string) => boolean {
  const exact = new Set(stems);
  const fuzzy = typed.filter((s) => s.length >= 5);
  const near = new Map<string, boolean>();
  return (word) => {
    const stem = searchedForm(word);
    if (stem === null) return false;
    if (exact.has(stem)) return true;
    if (stem.length < 5 || fuzzy.length === 0) return false;
    let answer = near.get(stem);
    if (answer === undefined) near.set(stem, (answer = fuzzy.some((s) => within(s, stem, stem.length >= 8 ? 2 : 1))));
    return answer;
  };
}

/** Where each word of the text being read starts and ends, two entries a word: reused from call to call. */
let bounds = new Int32Array(1024);
const BOUNDS_KEPT = 1 << 16;

/**
 * A passage of `text` around its first match as safe HTML: escaped, whole matching words wrapped in <mark>, about
 * `size` words long, with "…" where it was cut. Null when nothing in the text matches.
 */
export function highlightSnippet(text: string, matches: (word: string) => boolean, size = 24): string | null {
  // Words are only read up to the first match and then to the end of the passage shown (and one more, so the
  // passage knows it was cut): a long text, such as an uploaded file's words, is not scanned past it. Where each
  // word starts and ends is kept in one reused typed array, since most texts of a page of hits never match and
  // are read only to find that out (built for every text of every hit, objects per word were most of a search's
  // garbage).
  let count = 0;
  let first = -1;
  for (let at = 0; ; ) {
    // Sticky expressions tested, not executed: no match object per word.
    GAP.lastIndex = at;
    GAP.test(text);
    WORD_HERE.lastIndex = GAP.lastIndex;
    if (!WORD_HERE.test(text)) break;
    const wordStart = GAP.lastIndex;
    at = WORD_HERE.lastIndex;
    if (2 * count + 2 > bounds.length) {
      const grown = new Int32Array(bounds.length * 2);
      grown.set(bounds);
      bounds = grown;
    }
    bounds[2 * count] = wordStart;
    bounds[2 * count + 1] = at;
    count++;
    if (first < 0 && matches(text.slice(wordStart, at))) first = count - 1;
    if (first >= 0 && count > Math.max(0, first - 6) + size) break;
  }
  const snippet = first < 0 ? null : passage(text, matches, count, first, size);
  // A very long text that grew the list is not held on to.
  if (bounds.length > BOUNDS_KEPT) bounds = new Int32Array(1024);
  return snippet;
}

/** The passage of `size` words around word `first` (the first match), from the bounds of the `count` words read. */
function passage(text: string, matches: (word: string) => boolean, count: number, first: number, size: number): string {
  const from = Math.max(0, Math.min(first - 6, count - size));
  const to = Math.min(count, from + size);
  const start = from === 0 ? 0 : bounds[2 * from]!;
  const end = to === count ? text.length : bounds[2 * to - 1]!;
  // The text between marked words is escaped a stretch at a time.
  let html = from === 0 ? '' : '…';
  let cursor = start;
  for (let at = from; at < to; at++) {
    const wordStart = bounds[2 * at]!;
    const wordEnd = bounds[2 * at + 1]!;
    const word = text.slice(wordStart, wordEnd);
    if (!matches(word)) continue;
    html += `${escapeHtml(text.slice(cursor, wordStart))}<mark>${escapeHtml(word)}</mark>`;
    cursor = wordEnd;
  }
  html += escapeHtml(text.slice(cursor, end));
  return to === count ? html : `${html}…`;
}
