import { describe, expect, it } from 'vitest';
import { isWebRoute } from './web-routes.js';

describe('the web client’s page addresses', () => {
  it('knows its pages, with any slug and anything under an editor section', () => {
    for (const path of ['/', '/search', '/experiments/text-reminders', '/experiments/text-reminders/', '/experiments/x/edit', '/experiments/x/edit/outcomes/new', '/accessibility']) {
      expect(isWebRoute(path), path).toBe(true);
    }
  });

  it('refuses addresses that are not pages: 404, not a page that says "not found" with a 200', () => {
    for (const path of ['/nope', '/experiments', '/experiments/x/y', '/organisations/x/manage/extra', '/search/more', '/wp-admin']) {
      expect(isWebRoute(path), path).toBe(false);
    }
  });
});
