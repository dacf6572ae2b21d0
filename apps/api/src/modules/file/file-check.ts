import { basename } from 'node:path';
import { unzipSync } from 'fflate';
import { fileTypeFromBuffer } from 'file-type';

/** The accepted types, checked from the content, with the format word shown to readers. */
export const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
  'text/csv': 'CSV',
  'text/plain': 'Text',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/zip': 'ZIP',
};

/** Stable reason codes for refused uploads (docs/api.md). */
export const UploadRefusal = {
  TOO_LARGE: 'FILE_TOO_LARGE',
  EMPTY: 'FILE_EMPTY',
  TYPE_NOT_ALLOWED: 'FILE_TYPE_NOT_ALLOWED',
  INCOMPLETE: 'UPLOAD_INCOMPLETE',
  NOT_FOUND: 'UPLOAD_NOT_FOUND',
  USED: 'UPLOAD_ALREADY_USED',
  EXPIRED: 'UPLOAD_EXPIRED',
} as const;
export type UploadRefusal = (typeof UploadRefusal)[keyof typeof UploadRefusal];

// Control characters are what is being removed here.
// oxlint-disable-next-line no-control-regex
const BIDI_AND_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * A safe display name: no folders, no control characters or bidirectional overrides ("invoice\u202Efdp.exe"
 * would read as "invoiceexe.pdf"), no leading dots, at most 200 characters keeping the extension.
 */
export function sanitiseFileName(raw: string): string {
  const withoutPath = basename(raw.replace(/\\/g, '/'));
  let name = withoutPath.normalize('NFC').replace(BIDI_AND_CONTROL, '').replace(/[<>:"|?*]/g, '_').trim().replace(/^\.+/, '');
  if (name.length > 200) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, 200 - extension.length) + extension;
  }
  return name || 'file';
}

const ZIP_ENTRY_LIMIT = 200 * 1024 * 1024;

/** The names in a ZIP (central directory only), or null when it is not a readable ZIP. */
function zipEntries(bytes: Buffer, wanted: (name: string) => boolean): Record<string, Uint8Array> | null {
  try {
    return unzipSync(bytes, { filter: (entry) => wanted(entry.name) && entry.originalSize < ZIP_ENTRY_LIMIT });
  } catch {
    return null;
  }
}

const OOXML_MAIN: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'spreadsheetml.sheet.main+xml',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'presentationml.presentation.main+xml',
};

/** Confirms an Office or OpenDocument file from inside the ZIP: its declared part or `mimetype` entry. */
function confirmZipFormat(mime: string, bytes: Buffer): boolean {
  const mainPart = OOXML_MAIN[mime];
  if (mainPart) {
    const entries = zipEntries(bytes, (name) => name === '[Content_Types].xml');
    const types = entries?.['[Content_Types].xml'];
    return !!types && Buffer.from(types).toString('utf8').includes(mainPart);
  }
  if (mime.startsWith('application/vnd.oasis.opendocument.')) {
    const entries = zipEntries(bytes, (name) => name === 'mimetype');
    return !!entries?.mimetype && Buffer.from(entries.mimetype).toString('ascii').trim() === mime;
  }
  if (mime === 'application/zip') return zipEntries(bytes, () => false) !== null;
  return true;
}

/** Text when it decodes as UTF-8 and has no NUL or other binary control bytes. */
function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.some((byte) => byte === 0 || (byte < 9) || (byte > 13 && byte < 32 && byte !== 27))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.length > sample.length ? bytes.subarray(0, sample.length - 4) : sample);
    return true;
  } catch {
    return false;
  }
}

export type TypeCheck = { ok: true; contentType: string; format: string } | { ok: false; detected: string | null };

/** The file's real type, from its bytes (file-type's magic numbers; ZIP-based formats confirmed from inside). */
export async function checkFileType(bytes: Buffer, fileName: string, declaredType: string): Promise<TypeCheck> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    const format = ALLOWED_TYPES[detected.mime];
    if (!format || !confirmZipFormat(detected.mime, bytes)) return { ok: false, detected: detected.mime };
    return { ok: true, contentType: detected.mime, format };
  }
  if (!looksLikeText(bytes)) return { ok: false, detected: null };
  const csv = declaredType === 'text/csv' || /\.csv$/i.test(fileName);
  return csv ? { ok: true, contentType: 'text/csv', format: 'CSV' } : { ok: true, contentType: 'text/plain', format: 'Text' };
}
