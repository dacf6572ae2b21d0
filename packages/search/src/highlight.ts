import { escapeHtml } from '@synapse/domain';
import { fold, isStopWord, stemWord } from './text.js';

const WORD = /[\p{L}\p{N}]+(?:['&][\p{L}\p{N}]+)*/gu;

/** Edit distance, capped: enough to accept a typed typo ("homelessnes") the engine also accepted. */
function within(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    // Both rows hold b.length + 1 numbers, so every index here is in range.
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...current) > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/**
 * Whether a word of a document matches the query: the same stem as a searched word or one of its meanings, or a
 * stem a typo or two away from a word that was typed (as the engine allows); never a stop word. Answers are
 * remembered per word, since the same words recur across fields and hits.
 */
export function wordMatcher(stems: readonly string[], typed: readonly string[] = stems): (word: string) => boolean {
  const exact = new Set(stems);
  const fuzzy = typed.filter((s) => s.length >= 5);
  const seen = new Map<string, boolean>();
  return (word) => {
    let answer = seen.get(word);
    if (answer === undefined) {
      const folded = fold(word);
      answer = false;
      if (!isStopWord(folded)) {
        const stem = stemWord(folded);
        answer = exact.has(stem) || (stem.length >= 5 && fuzzy.some((s) => within(s, stem, stem.length >= 8 ? 2 : 1)));
      }
      seen.set(word, answer);
    }
    return answer;
  };
}

/**
 * A passage of `text` around its first match as safe HTML: escaped, whole matching words wrapped in <mark>, about
 * `size` words long, with "…" where it was cut. Null when nothing in the text matches.
 */
export function highlightSnippet(text: string, matches: (word: string) => boolean, size = 24): string | null {
  // Words are only read up to the first match and then to the end of the passage shown (and one more, so the
  // passage knows it was cut): a long text, such as an uploaded file's words, is not scanned past it.
  const spans: { start: number; end: number; word: string }[] = [];
  let first = -1;
  for (const m of text.matchAll(WORD)) {
    spans.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
    if (first < 0 && matches(m[0])) first = spans.length - 1;
    if (first >= 0 && spans.length > Math.max(0, first - 6) + size) break;
  }
  if (first < 0) return null;
  const from = Math.max(0, Math.min(first - 6, spans.length - size));
  const to = Math.min(spans.length, from + size);
  const start = from === 0 ? 0 : (spans[from]?.start ?? 0);
  const end = to === spans.length ? text.length : (spans[to - 1]?.end ?? text.length);
  let html = from === 0 ? '' : '…';
  let cursor = start;
  for (const span of spans.slice(from, to)) {
    html += escapeHtml(text.slice(cursor, span.start));
    const word = escapeHtml(span.word);
    html += matches(span.word) ? `<mark>${word}</mark>` : word;
    cursor = span.end;
  }
  html += escapeHtml(text.slice(cursor, end));
  return to === spans.length ? html : `${html}…`;
}
