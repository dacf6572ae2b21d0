import { highlightSnippet } from '@synapse/search';
import type { HitColumns, HitText } from './search-hit-read.js';
import type { SearchHighlight } from './search.types.js';

/** An experiment's own text (an entity or its columns read in plain SQL). */
type OwnText = Pick<HitColumns, 'title' | 'themes' | 'summary' | 'problem' | 'whatIsNew' | 'approach' | 'whoItServes'>;

function fieldsOf(experiment: OwnText, hit: HitText): [string, string[]][] {
  return [
    ['title', [experiment.title]],
    ['themes', experiment.themes],
    ['serviceAreaNames', hit.serviceAreaNames ?? []],
    ['summary', [experiment.summary]],
    ['outcomeTitles', hit.outcomeTitles ?? []],
    ['problem', [experiment.problem ?? '']],
    ['whatIsNew', [experiment.whatIsNew ?? '']],
    ['approach', [experiment.approach ?? '']],
    ['lessons', hit.lessons ?? []],
    ['measures', hit.measures ?? []],
    ['artefactTitles', hit.artefactTitles ?? []],
    ['whoItServes', [experiment.whoItServes ?? '']],
    ['documentText', hit.documentText ?? []],
  ];
}

/** The fields a snippet is shown for, in the order they are worth reading. */
const HIGHLIGHTED = new Set(['title', 'summary', 'problem', 'approach', 'outcomeTitles', 'lessons', 'artefactTitles', 'themes', 'documentText']);

/**
 * The passages that matched, as safe HTML (whole words marked: the stem or a typo of what was searched, never a
 * stop word; cut to about 24 words around the first match), and which fields matched, e.g. ["title", "lessons"].
 */
export function matchesOf(experiment: OwnText, hit: HitText, matches: (word: string) => boolean): { highlights: SearchHighlight[]; matchedFields: string[] } {
  const highlights: SearchHighlight[] = [];
  const matchedFields: string[] = [];
  for (const [field, texts] of fieldsOf(experiment, hit)) {
    let matched = false;
    for (const text of texts) {
      const snippet = text ? highlightSnippet(text, matches) : null;
      if (!snippet) continue;
      matched = true;
      if (HIGHLIGHTED.has(field)) highlights.push({ field, snippet });
    }
    if (matched) matchedFields.push(field);
  }
  return { highlights, matchedFields };
}
