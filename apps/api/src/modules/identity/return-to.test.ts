import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.js';

describe('returning to the page someone signed in from', () => {
  it('keeps a page of the service, with its query', () => {
    expect(safeReturnTo('/experiments/text-reminders')).toBe('/experiments/text-reminders');
    expect(safeReturnTo('/search?q=hospital')).toBe('/search?q=hospital');
  });

  it('never redirects elsewhere: other sites, protocol-relative and backslash tricks, non-pages and sign-in itself go home', () => {
    for (const value of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '/no-such-page', '/sign-in', 'experiments/x', 42, null]) {
      expect(safeReturnTo(value), String(value)).toBe('/');
    }
  });
});
