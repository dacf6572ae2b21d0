import { describe, expect, it } from 'vitest';
import { highlightSnippet, wordMatcher } from './highlight.js';
import { normalise, stemWord } from './text.js';
import { readQuery } from './understand.js';
import { engineSynonyms, vocabulary } from './vocabulary.js';

describe('reading a query', () => {
  it('drops stop and question words, so the topic words of a question are what is searched', () => {
    const reading = readQuery('How do we reduce SEND transport costs?');
    expect(reading.engineQuery.trim()).toBe('send transport cost');
    expect(reading.keywords).toEqual(['send', 'transport', 'costs']);
    expect(reading.ignored).toEqual(expect.arrayContaining(['how', 'do', 'we', 'reduce']));
    expect(readQuery('has anyone tried befriending for older people').engineQuery.trim()).toBe('befriend older peopl');
  });

  it('ends the engine query with a space, so the last word is not searched as a prefix ("care" is not "carers")', () => {
    expect(readQuery('kids in care').engineQuery).toBe('kid care ');
  });

  it('stems words, at index and query time alike, so word forms meet', () => {
    expect(stemWord('homelessness')).toBe(stemWord('homeless'));
    expect(stemWord('families')).toBe(stemWord('family'));
    expect(normalise('Preventing evictions of tenants')).toBe(normalise('prevent eviction tenant'));
    expect(normalise("Children’s homes")).toBe(normalise("children's home"));
  });

  it('reads everyday words as the words councils write, and lists them', () => {
    expect(readQuery('potholes').expansions).toEqual([{ term: 'potholes', meaning: 'carriageway defects' }]);
    expect(readQuery('kids in care').expansions).toEqual([{ term: 'kids in care', meaning: 'children in care' }]);
    expect(readQuery('old people lonely').expansions.map((e) => e.meaning)).toEqual(['older people', 'loneliness']);
    expect(readQuery('stop families going into B&B').expansions).toContainEqual({ term: 'b&b', meaning: 'bed and breakfast' });
    expect(readQuery('ASC').expansions).toEqual([{ term: 'asc', meaning: 'adult social care' }]);
  });

  it('expands lay words one way only', () => {
    const synonyms = engineSynonyms();
    expect(synonyms[normalise('potholes')]).toContain(normalise('carriageway defects'));
    expect(synonyms[normalise('carriageway defects')]).toBeUndefined();
    expect(vocabulary().get(normalise('older people'))).toBeUndefined();
  });

  it('keeps false friends out: loneliness is not self-isolation, and "getting online" is not every use of "online"', () => {
    const synonyms = engineSynonyms();
    expect(synonyms[normalise('loneliness')]).not.toContain(normalise('isolation'));
    expect(synonyms[normalise('online')]).toBeUndefined();
    expect(synonyms[normalise('prevention')]).toBeUndefined();
  });

  it('reads failure intent and takes its words out of the search', () => {
    for (const query of ["what didn't work for fly-tipping", 'fly-tipping that did not work', 'failed fly-tipping pilots', 'fly-tipping lessons learned', 'fly-tipping no effect']) {
      const reading = readQuery(query);
      expect(reading.intents.map((i) => i.intent), query).toEqual(['FAILED_FIRST']);
      expect(reading.engineQuery.trim(), query).toBe('fli tip');
    }
  });

  it('reads evidence and cost intent', () => {
    expect(readQuery('RCT smoking').intents).toEqual([{ intent: 'STRONG_EVIDENCE_FIRST', term: 'rct' }]);
    expect(readQuery('evaluated edge of care').intents.map((i) => i.intent)).toEqual(['STRONG_EVIDENCE_FIRST']);
    expect(readQuery('proven ways to reduce falls').intents.map((i) => i.intent)).toEqual(['STRONG_EVIDENCE_FIRST']);
    expect(readQuery('cheap ways to tackle loneliness').intents.map((i) => i.intent)).toEqual(['LOW_COST_FIRST']);
    expect(readQuery('low cost fly-tipping ideas').intents.map((i) => i.intent)).toEqual(['LOW_COST_FIRST']);
    expect(readQuery('free school meals').intents).toEqual([]);
  });

  it('reads nations and regions as places and takes them out of the words; rural stays a word too', () => {
    const wales = readQuery('digital inclusion in Wales');
    expect(wales.nations).toEqual([{ value: 'WALES', term: 'in wales' }]);
    expect(wales.engineQuery.trim()).toBe('digit inclus');
    expect(readQuery('potholes Scotland').nations.map((n) => n.value)).toEqual(['SCOTLAND']);
    expect(readQuery('housing first Northern Ireland').nations.map((n) => n.value)).toEqual(['NORTHERN_IRELAND']);
    expect(readQuery('befriending in the North West').regions.map((r) => r.value)).toEqual(['North West']);
    const rural = readQuery('rural transport');
    expect(rural.intents.map((i) => i.intent)).toEqual(['RURAL_FIRST']);
    expect(rural.engineQuery.trim()).toBe('rural transport');
  });

  it('asks the caller about other places, such as councils', () => {
    const reading = readQuery('school streets in Cornwall', (tokens, at) => (tokens[at] === 'cornwall' ? { length: 1, value: 'E06000052' } : null));
    expect(reading.places).toEqual([{ value: 'E06000052', term: 'in cornwall' }]);
    expect(reading.engineQuery.trim()).toBe('school street');
  });
});

describe('snippets', () => {
  const matches = wordMatcher(readQuery('homeless in the city').highlightStems);

  it('marks whole words that share a stem, never a stop word, and escapes the text', () => {
    expect(highlightSnippet('Ending homelessness in the city <b>now</b>', matches)).toBe('Ending <mark>homelessness</mark> in the <mark>city</mark> &#60;b&#62;now&#60;/b&#62;');
  });

  it('keeps inner apostrophes and ampersands within a word, escaped, and reads letters beyond English', () => {
    const children = wordMatcher(readQuery('children').highlightStems);
    expect(highlightSnippet('Rooms at a B&B — children’s homes, “café” 2024', children)).toBe('Rooms at a B&#38;B — <mark>children</mark>’s homes, “café” 2024');
    expect(highlightSnippet("Plant ar gyfer plant's cynllun", wordMatcher(readQuery('plant').highlightStems))).toBe(
      "<mark>Plant</mark> ar gyfer <mark>plant&#39;s</mark> cynllun",
    );
    expect(highlightSnippet('B&B', children)).toBeNull();
  });

  it('marks a word the engine accepted as a typo', () => {
    expect(highlightSnippet('Preventing homelessness among care leavers', wordMatcher(readQuery('homelessnes').highlightStems))).toBe(
      'Preventing <mark>homelessness</mark> among care leavers',
    );
  });

  it('cuts long text around the first match, at word boundaries', () => {
    const text = `${'word '.repeat(40)}homeless ${'after '.repeat(40)}`.trim();
    const snippet = highlightSnippet(text, matches)!;
    expect(snippet.startsWith('…word')).toBe(true);
    expect(snippet.endsWith('after…')).toBe(true);
    expect(snippet).toContain('<mark>homeless</mark>');
  });

  it('shows the same passage wherever the match falls, and reads a long text no further than the passage', () => {
    const text = (at: number) => Array.from({ length: 100 }, (_, n) => (n === at ? 'target' : `w${n}`)).join(' ');
    const asked: string[] = [];
    const target = (word: string) => {
      asked.push(word);
      return word === 'target';
    };
    const words = (from: number, to: number, at: number) => Array.from({ length: to - from }, (_, k) => (from + k === at ? '<mark>target</mark>' : `w${from + k}`)).join(' ');
    expect(highlightSnippet(text(2), target)).toBe(`${words(0, 24, 2)}…`);
    expect(highlightSnippet(text(50), target)).toBe(`…${words(44, 68, 50)}…`);
    expect(highlightSnippet(text(95), target)).toBe(`…${words(76, 100, 95)}`);
    asked.length = 0;
    highlightSnippet(text(10), target);
    expect(asked.length).toBeLessThan(40); // up to the match, then only the passage shown
  });

  it('answers each query for itself, though what words stem to is remembered across queries', () => {
    const text = 'Homelessness prevention in the city centre';
    expect(highlightSnippet(text, wordMatcher(readQuery('homeless').highlightStems))).toBe('<mark>Homelessness</mark> prevention in the city centre');
    expect(highlightSnippet(text, wordMatcher(readQuery('city').highlightStems))).toBe('Homelessness prevention in the <mark>city</mark> centre');
    expect(highlightSnippet(text, wordMatcher(readQuery('parking').highlightStems))).toBeNull();
    // A text longer than the list of word bounds first kept, read to its end, then a short one.
    const long = `${'nothing '.repeat(5000)}homeless`;
    expect(highlightSnippet(long, matches)).toMatch(/<mark>homeless<\/mark>$/);
    expect(highlightSnippet('the city', matches)).toBe('the <mark>city</mark>');
  });

  it('marks the meanings of expanded words too', () => {
    const potholes = wordMatcher(readQuery('potholes').highlightStems);
    expect(highlightSnippet('Fixing carriageway defects first time', potholes)).toBe('Fixing <mark>carriageway</mark> <mark>defects</mark> first time');
  });
});
