import { unzipSync } from 'fflate';

/** Extracted text is capped: enough to find a document by its words, bounded for the search index. */
export const MAX_TEXT_CHARS = 100_000;
const MAX_PART_BYTES = 50 * 1024 * 1024;

function xmlText(xml: string): string {
  return xml
    .replace(/<(text:p|text:h|a:p|w:p|row|si)\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** The XML parts of a ZIP-based document matching `wanted`, in name order, as text (zip bombs bounded). */
function zipXmlText(bytes: Buffer, wanted: (name: string) => boolean): string {
  let budget = MAX_PART_BYTES * 2;
  const parts = unzipSync(bytes, {
    filter: (entry) => {
      if (!wanted(entry.name) || entry.originalSize > MAX_PART_BYTES || entry.originalSize > budget) return false;
      budget -= entry.originalSize;
      return true;
    },
  });
  const inOrder = Object.entries(parts).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  return inOrder.map(([, part]) => xmlText(Buffer.from(part).toString('utf8'))).join('\n');
}

async function pdfText(bytes: Buffer): Promise<string> {
  const unpdf = await import('unpdf');
  const pdf = await unpdf.getDocumentProxy(new Uint8Array(bytes));
  const { text } = await unpdf.extractText(pdf, { mergePages: true });
  return text;
}

async function docxText(bytes: Buffer): Promise<string> {
  const mammoth = await import('mammoth');
  const { value } = await mammoth.default.extractRawText({ buffer: bytes });
  return value;
}

const EXTRACTORS: Record<string, (bytes: Buffer) => Promise<string> | string> = {
  'application/pdf': pdfText,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': docxText,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': (bytes) => zipXmlText(bytes, (name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (bytes) =>
    zipXmlText(bytes, (name) => name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(name)),
  'application/vnd.oasis.opendocument.text': (bytes) => zipXmlText(bytes, (name) => name === 'content.xml'),
  'application/vnd.oasis.opendocument.spreadsheet': (bytes) => zipXmlText(bytes, (name) => name === 'content.xml'),
  'application/vnd.oasis.opendocument.presentation': (bytes) => zipXmlText(bytes, (name) => name === 'content.xml'),
  'text/csv': (bytes) => bytes.toString('utf8'),
  'text/plain': (bytes) => bytes.toString('utf8'),
};

export function hasExtractor(contentType: string): boolean {
  return contentType in EXTRACTORS;
}

/** The words in a document, whitespace collapsed and capped; throws on failure or after `timeoutMs`. */
export async function extractText(contentType: string, bytes: Buffer, timeoutMs = 30_000): Promise<string> {
  const extractor = EXTRACTORS[contentType];
  if (!extractor) return '';
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`text extraction took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const text = await Promise.race([Promise.resolve().then(() => extractor(bytes)), timeout]);
    // Control characters are what is being removed here.
    // oxlint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').replace(/[ \t\r\f\v]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim().slice(0, MAX_TEXT_CHARS);
  } finally {
    clearTimeout(timer);
  }
}
