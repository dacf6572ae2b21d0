import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SYNONYMS_FILE = fileURLToPath(new URL('../data/synonyms.json', import.meta.url));

interface SynonymData {
  groups: string[][];
  oneWay: Record<string, string[]>;
}

/**
 * The Meilisearch synonyms map built from data/synonyms.json: every term of a group finds every other
 * term of that group (and of other groups it belongs to); one-way entries expand their key only.
 */
export function loadSynonyms(file: string = SYNONYMS_FILE): Record<string, string[]> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as SynonymData;
  const map = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    const key = from.toLowerCase();
    if (key === to.toLowerCase()) return;
    if (!map.has(key)) map.set(key, new Set());
    map.get(key)!.add(to.toLowerCase());
  };
  for (const group of data.groups) for (const term of group) for (const other of group) add(term, other);
  for (const [term, expansions] of Object.entries(data.oneWay ?? {})) for (const other of expansions) add(term, other);
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, set]) => [key, [...set].sort()]));
}
