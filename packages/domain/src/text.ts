/** Lower case, no accents or punctuation, "&" as "and", single spaces: "Café & Co." → "cafe and co". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Text made safe to put in HTML, in an attribute or in Atom's type="html" elements: the five special characters as
 * numeric references, so neither "<" nor "]]>" survives. One escaper for every place that writes HTML.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** URL-safe lower-case slug: "Café & Co. pilot" → "cafe-and-co-pilot". */
export function slugify(text: string): string {
  return foldText(text).replace(/ /g, '-');
}
