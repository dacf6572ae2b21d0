import { describe, expect, it } from 'vitest';
import { escapeHtml, slugify } from './text.js';

describe('slugify', () => {
  it('makes readable, URL-safe slugs from titles and council names', () => {
    expect(slugify('Café & Co. pilot')).toBe('cafe-and-co-pilot');
    expect(slugify("Children's services: early help (phase 2)")).toBe('childrens-services-early-help-phase-2');
    expect(slugify('  --Ynys Môn--  ')).toBe('ynys-mon');
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script');
  });
});

describe('escapeHtml', () => {
  it('turns the characters that start markup, attributes or a CDATA end into references', () => {
    expect(escapeHtml(`<img src="x" onerror='alert(1)'> & ]]>`)).toBe('&#60;img src=&#34;x&#34; onerror=&#39;alert(1)&#39;&#62; &#38; ]]&#62;');
    expect(escapeHtml('Plain words stay as they are')).toBe('Plain words stay as they are');
  });
});
