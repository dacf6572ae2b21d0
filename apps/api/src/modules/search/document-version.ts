import { createHash } from 'node:crypto';

/** A document as a comparable string: keys and array items sorted (engines and databases may reorder them). */
export function fingerprint(document: object): string {
  const normal = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(normal).map((item) => JSON.stringify(item)).sort();
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, normal(v)]));
    return value ?? null;
  };
  return JSON.stringify(normal(document));
}

/**
 * The content version of a search document: a short hash (128 bits, base64url) of its values in key order, each
 * list sorted (databases may return a relation's rows in any order). Stored in the document, so reconciliation
 * reads ids and versions from the engine (a few bytes each) instead of whole documents. The content is flat (text,
 * numbers, lists of them) and built by one function, so its key order is fixed. Changing how the version is
 * computed makes every document stale: bump DOCUMENT_SCHEMA with it, so the index is rebuilt rather than re-synced
 * one job per document.
 */
export function documentVersion(content: Record<string, unknown>): string {
  const values = Object.entries(content).map(([key, value]) => [key, Array.isArray(value) ? [...(value as unknown[])].sort() : (value ?? null)]);
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 22);
}
