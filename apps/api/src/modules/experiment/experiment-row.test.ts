import { describe, expect, it } from 'vitest';
import { rowsAnswer } from './experiment-row.js';

/** `asked` for a selection written as nested records: { title: true, outcomes: { verdict: true } }. */
function asking(selection: Record<string, unknown>) {
  return (path: string[]): ReadonlySet<string> => {
    let level: unknown = selection;
    for (const name of path) level = (level as Record<string, unknown>)[name];
    return new Set(typeof level === 'object' && level ? Object.keys(level) : []);
  };
}

describe('which experiment selections rows answer', () => {
  it('answers a results page: own columns, registration, counts, lead organisation, outcomes and interest counts', () => {
    expect(
      rowsAnswer(
        asking({
          id: true,
          title: true,
          summary: true,
          stage: true,
          registered: true,
          discussionCount: true,
          leadOrganisation: { id: true, name: true },
          outcomes: { id: true, verdict: true, evidenceLevel: true },
          interest: { total: true, planning: true },
        }),
      ),
    ).toBe(true);
  });

  it('asks for entities as soon as one field, at any level, is beyond a row', () => {
    expect(rowsAnswer(asking({ title: true, version: true }))).toBe(false);
    expect(rowsAnswer(asking({ leadOrganisation: { name: true, officialName: true } }))).toBe(false);
    expect(rowsAnswer(asking({ outcomes: { verdict: true, measures: { name: true } } }))).toBe(false);
    expect(rowsAnswer(asking({ interest: { total: true, entries: { id: true } } }))).toBe(false);
    expect(rowsAnswer(asking({ places: { name: true } }))).toBe(false);
    expect(rowsAnswer(asking({ constructor: true }))).toBe(false);
  });
});
