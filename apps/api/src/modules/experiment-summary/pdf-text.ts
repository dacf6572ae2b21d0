// The PDF's standard fonts (Helvetica) draw only the WinAnsi (Windows-1252) characters. Untrusted text may hold
// anything — Welsh place names with circumflexes, emoji, control characters, right-to-left marks — so every string
// passes through here before it reaches the PDF: what the fonts can draw is kept, accented letters outside the set
// lose their accents ("ŵ" → "w"), typographic look-alikes are mapped, and the rest is dropped rather than crashing
// the renderer or drawing boxes.

/** The characters of Windows-1252 above 0x7f that are not Latin-1 (bytes 0x80–0x9f). */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const LOOK_ALIKES: Record<string, string> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '–', '\u2015': '—', '\u2212': '-',
  '\u201b': '‘', '\u201f': '“', '\u2032': "'", '\u2033': '"', '\u2039': '‹', '\u203a': '›',
  '\u2022': '•', '\u2023': '•', '\u2043': '•', '\u25cf': '•', '\u25e6': '•',
  '\u2026': '…', '\u2264': '<=', '\u2265': '>=', '\u2260': '!=', '\u2192': '->', '\u2190': '<-',
  '\u00a0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u202f': ' ',
};

function drawable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/** One line of text the standard fonts can draw: line breaks and tabs become spaces. */
export function pdfText(text: string | null | undefined): string {
  return pdfParagraphs(text).replace(/\n+/g, ' ');
}

/** Text the standard fonts can draw, keeping paragraph breaks (at most one blank line in a row). */
export function pdfParagraphs(text: string | null | undefined): string {
  if (!text) return '';
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (char === '\n' || drawable(char)) out += char;
    else if (LOOK_ALIKES[char]) out += LOOK_ALIKES[char];
    else {
      // Accented letters outside the set: the base letter (NFKD splits "ŵ" into "w" and a combining circumflex).
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      if (base !== char && [...base].every(drawable)) out += base;
    }
  }
  return out.replace(/[ ]{2,}/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** At most `max` characters, cut at a word where it can be, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
