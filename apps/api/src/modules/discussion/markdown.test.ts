import { describe, expect, it } from 'vitest';
import { plainText, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('keeps ordinary formatting', () => {
    expect(renderMarkdown('We used **two** volunteers per ward.\n\n- one\n- two')).toBe(
      '<p>We used <strong>two</strong> volunteers per ward.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
  });

  it('shows raw HTML as text, never as markup', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)><b onclick="x()">hi</b>');
    expect(html).not.toMatch(/<script|<img|<b[ >]|<[a-z][^>]*\son\w+=/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops javascript:, data: and vbscript: links but keeps their text', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'java\tscript:alert(1)']) {
      const html = renderMarkdown(`[click me](${href})`);
      expect(html, href).not.toMatch(/href=|<a[ >]/i);
    }
    expect(renderMarkdown('[click me](javascript:alert(1))')).toContain('click me');
  });

  it('gives every link rel="nofollow ugc noopener", including auto-linked addresses', () => {
    expect(renderMarkdown('[our toolkit](https://example.org/toolkit)')).toBe('<p><a href="https://example.org/toolkit" rel="nofollow ugc noopener">our toolkit</a></p>');
    expect(renderMarkdown('see https://example.org/a')).toContain('<a href="https://example.org/a" rel="nofollow ugc noopener">');
  });

  it('renders no images, so no tracking pixels', () => {
    expect(renderMarkdown('![pixel](https://tracker.example/p.gif)')).not.toMatch(/<img/);
  });

  it('turns top-level headings into h3 so they sit under the page headings', () => {
    expect(renderMarkdown('# Big')).toBe('<h3>Big</h3>');
  });

  it('keeps right-to-left text and very long words as text', () => {
    const rtl = 'مرحبا بكم في التجربة';
    expect(renderMarkdown(rtl)).toBe(`<p>${rtl}</p>`);
    const long = 'a'.repeat(5000);
    expect(renderMarkdown(long)).toBe(`<p>${long}</p>`);
  });
});

describe('plainText', () => {
  it('strips formatting and markup for emails and feeds, and shortens', () => {
    expect(plainText('**Yes** — see <script>x</script> [this](https://example.org)')).toBe('Yes — see <script>x</script> this');
    expect(plainText('word '.repeat(200), 20)).toHaveLength(20);
  });
});
