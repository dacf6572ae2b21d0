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
 * The content version of a search document: a short hash of its fingerprint (128 bits, base64url). Stored in the
 * document, so reconciliation reads ids and versions from the engine (a few bytes each) instead of whole documents.
 */
export function documentVersion(content: object): string {
  return createHash('sha256').update(fingerprint(content)).digest('base64url').slice(0, 22);
}
