import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Markdown → HTML in two steps, each done by a well-kept library made for it:
//   markdown-it with raw HTML off (so <script> stays text) and images off (no tracking pixels, no hot-linking);
//   sanitize-html with an allow-list, as a second line of defence should the parser ever emit something odd.
// Links keep only http(s) and mailto (javascript:, data: and vbscript: go) and get rel="nofollow ugc noopener".
const markdown = new MarkdownIt('default', { html: false, linkify: true, typographer: false }).disable(['image', 'table']);

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'hr'];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    // Headings inside a post sit under the page's own h1/h2.
    h1: 'h3',
    h2: 'h3',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow ugc noopener' } }),
  },
  // A link whose address was dropped (a refused scheme) would be a dead <a>: keep its text only.
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};

/** Renders Markdown someone wrote to HTML that is safe to put in a page as it is. */
export function renderMarkdown(body: string): string {
  return sanitizeHtml(markdown.render(body), SANITIZE).trim();
}

/** The text of a post for plain-text places (emails, search, feed summaries): Markdown, without HTML. */
export function plainText(body: string, max = 400): string {
  const text = sanitizeHtml(markdown.render(body), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

