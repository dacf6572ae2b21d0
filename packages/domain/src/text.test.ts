import { describe, expect, it } from 'vitest';
import { slugify } from './text.js';

describe('slugify', () => {
  it('makes readable, URL-safe slugs from titles and council names', () => {
    expect(slugify('Café & Co. pilot')).toBe('cafe-and-co-pilot');
    expect(slugify("Children's services: early help (phase 2)")).toBe('childrens-services-early-help-phase-2');
    expect(slugify('  --Ynys Môn--  ')).toBe('ynys-mon');
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script');
  });
});
