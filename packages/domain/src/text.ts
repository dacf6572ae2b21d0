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

/** URL-safe lower-case slug: "Café & Co. pilot" → "cafe-and-co-pilot". */
export function slugify(text: string): string {
  return foldText(text).replace(/ /g, '-');
}
