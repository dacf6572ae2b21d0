import { describe, expect, it } from 'vitest';
import { documentVersion } from './document-version.js';

describe('documentVersion', () => {
  const content = { id: 'a', title: 'Warm spaces', places: ['Leeds', 'Bradford'], years: [2024, 2025], region: null };

  it('is the same whatever order a relation’s rows came back in', () => {
    expect(documentVersion({ ...content, places: ['Bradford', 'Leeds'], years: [2025, 2024] })).toBe(documentVersion(content));
  });

  it('changes when any value changes, including an item of a list or a null becoming empty text', () => {
    const version = documentVersion(content);
    expect(documentVersion({ ...content, title: 'Warm spaces in libraries' })).not.toBe(version);
    expect(documentVersion({ ...content, places: ['Leeds', 'Bradford', 'York'] })).not.toBe(version);
    expect(documentVersion({ ...content, region: '' })).not.toBe(version);
    expect(version).toMatch(/^[\w-]{22}$/);
  });
});
