/**
 * class-validator's messages rewritten the GOV.UK Design System's way, in one place: "Enter a summary",
 * "Summary must be 600 characters or fewer", "Each of the themes must be 60 characters or fewer". The field is
 * named in plain words from its property ("adaptationNotes" → "adaptation notes"); the web client swaps in the
 * label it shows when the sentence starts with those words. Messages this module does not recognise (our own
 * custom ones) keep their wording, with the field's words in place of the property name.
 */

/** "adaptationNotes" → "adaptation notes"; "placeGssCodes" → "place GSS codes". */
export function fieldWords(property: string): string {
  return property
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bgss\b/g, 'GSS')
    .replace(/\burl\b/g, 'web address');
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "a summary", "an email address", but "adaptation notes" (plurals take none). */
const article = (words: string) => (/[^s]s$/.test(words) ? words : /^[aeiou]/i.test(words) ? `an ${words}` : `a ${words}`);
const characters = (n: string) => `${n} character${n === '1' ? '' : 's'}`;

type Rule = [RegExp, (words: string, each: boolean, ...groups: string[]) => string];

// Each pattern is matched against the message after "$property " (and "each value in $property ").
const RULES: Rule[] = [
  [/^must not be blank$/, (w, each) => (each ? `Each of the ${w} must not be empty` : `Enter ${article(w)}`)],
  [/^must be shorter than or equal to (\d+) characters$/, (w, each, n) => `${each ? `Each of the ${w}` : capital(w)} must be ${characters(n)} or fewer`],
  [
    /^must be longer than or equal to (\d+) characters$/,
    (w, each, n) => (n === '1' ? (each ? `Each of the ${w} must not be empty` : `Enter ${article(w)}`) : `${each ? `Each of the ${w}` : capital(w)} must be ${characters(n)} or more`),
  ],
  [/^must not be less than (-?[\d.]+)$/, (w, each, n) => `${each ? `Each of the ${w}` : capital(w)} must be ${n} or more`],
  [/^must not be greater than (-?[\d.]+)$/, (w, each, n) => `${each ? `Each of the ${w}` : capital(w)} must be ${Number(n).toLocaleString('en-GB')} or less`],
  [/^must be an integer number$/, (w) => `${capital(w)} must be a whole number`],
  [/^must be a number conforming to the specified constraints$/, (w) => `${capital(w)} must be a number`],
  [/^must contain no more than (\d+) elements$/, (w, _each, n) => `Choose no more than ${n} ${w}`],
  [/^must contain at least (\d+) elements$/, (w, _each, n) => `Choose at least ${n} ${w}`],
  [/^must be an email address$/, () => 'Enter an email address in the correct format, like name@council.gov.uk'],
  [/^must be one of the following values: .*$/s, (w) => `Select ${article(w)} from the list`],
  [/^must be a string$/, (w) => `${capital(w)} must be text`],
  [/^must be a boolean value$/, (w) => `${capital(w)} must be yes or no`],
  [/^must be an array$/, (w) => `${capital(w)} must be a list`],
  [/^must be a date like 2024-03-31$/, (w) => `${capital(w)} must be a real date`],
  [/^must be a real calendar date$/, (w) => `${capital(w)} must be a real date`],
  [/^must be an http or https link$/, (w) => `${capital(w)} must be a web address starting with https://`],
];

/** One constraint's message in GOV.UK words, for the field at `property`. */
export function govukMessage(property: string, message: string): string {
  const words = fieldWords(property);
  const each = message.startsWith(`each value in ${property} `);
  const rest = each ? message.slice(`each value in ${property} `.length) : message.startsWith(`${property} `) ? message.slice(property.length + 1) : null;
  if (rest === null) return message;
  for (const [pattern, write] of RULES) {
    const match = pattern.exec(rest);
    if (match) return write(words, each, ...match.slice(1));
  }
  return `${each ? `Each of the ${words}` : capital(words)} ${rest}`;
}
