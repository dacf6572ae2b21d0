import type { IntrospectionInputTypeRef, IntrospectionObjectType, IntrospectionType, IntrospectionTypeRef } from 'graphql';

/** An item taken from a list, which must not be empty. */
function picked<T>(item: T | undefined): T {
  if (item === undefined) throw new Error('Cannot pick from an empty list');
  return item;
}

/** A small seeded generator (mulberry32), so a run can be repeated exactly. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const rand = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { rand, pick: <T>(items: readonly T[]): T => picked(items[Math.floor(rand() * items.length)]), chance: (p: number) => rand() < p };
}

export type Random = ReturnType<typeof createRandom>;

export const HOSTILE_STRINGS = [
  '',
  ' ',
  'a',
  'Housing First',
  'x'.repeat(10_001),
  'y'.repeat(200_000),
  'nul\u0000byte',
  'lone \uD800 surrogate',
  'lone \uDFFF low',
  '🏠 emoji',
  "' OR 1=1 --",
  '"; DROP TABLE experiment; --',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example")',
  '../../../etc/passwd',
  '%00%27',
  '${7*7}{{7*7}}',
  '\\u0000',
  'https://example.org/',
  'http://127.0.0.1:22/',
  'javascript:alert(1)',
  'officer@example.gov.uk',
  '2024-02-30',
  '2024-03-31',
  'E08000010',
  'adult-social-care',
  'b2ZmZnNldDo1',
  Buffer.from(JSON.stringify({ $gt: 1 })).toString('base64url'),
  Buffer.from(JSON.stringify(['not-a-date', 'x'])).toString('base64url'),
  '-1',
  '1e309',
];
export const HOSTILE_INTS = [0, 1, -1, 5, 20, 50, 100, 101, 2_147_483_647, -2_147_483_648, 2_147_483_648, 1.5, '7', null, true];
export const HOSTILE_FLOATS = [0, -1, 1.5, 1e308, -1e308, Number.MIN_VALUE, '1.5', null];

/** Argument values and selections generated from the introspected schema. */
export function schemaGenerators(types: Map<string, IntrospectionType>, { rand, pick, chance }: Random, realIds: string[], realSlugs: string[]) {
  const named = (ref: IntrospectionTypeRef): { name: string; list: boolean; nonNull: boolean } => {
    let current = ref;
    let list = false;
    const nonNull = current.kind === 'NON_NULL';
    while (current.kind === 'NON_NULL' || current.kind === 'LIST') {
      if (current.kind === 'LIST') list = true;
      current = (current as { ofType: IntrospectionTypeRef }).ofType;
    }
    return { name: (current as { name: string }).name, list, nonNull };
  };

  /** A value for an input type: mostly plausible, often hostile, sometimes the wrong type altogether. */
  const valueFor = (ref: IntrospectionInputTypeRef, depth = 0): unknown => {
    const { name, list, nonNull } = named(ref);
    if (!nonNull && chance(0.1)) return null;
    if (chance(0.03)) return pick([null, 'wrong', 42, true, {}, []]); // wrong type
    if (list && depth < 3) {
      const length = chance(0.05) ? 1000 : Math.floor(rand() * 3);
      return Array.from({ length }, () => scalarOrObject(name, depth + 1));
    }
    return scalarOrObject(name, depth);
  };
  const scalarOrObject = (name: string, depth: number): unknown => {
    const type = types.get(name);
    switch (name) {
      case 'String':
        return chance(0.2) ? pick(realSlugs) : pick(HOSTILE_STRINGS);
      case 'ID':
        return chance(0.5) ? pick(realIds) : pick(HOSTILE_STRINGS);
      case 'Int':
        return pick(HOSTILE_INTS);
      case 'Float':
        return pick(HOSTILE_FLOATS);
      case 'Boolean':
        return chance(0.95) ? chance(0.5) : 'yes';
    }
    if (type?.kind === 'ENUM') return chance(0.9) ? pick(type.enumValues).name : 'NOT_A_VALUE';
    if (type?.kind === 'INPUT_OBJECT') {
      const value: Record<string, unknown> = {};
      for (const field of type.inputFields) {
        const required = field.type.kind === 'NON_NULL';
        if (!required && chance(0.4)) continue;
        if (required && chance(0.03)) continue; // a required field left out
        value[field.name] = depth > 4 ? null : valueFor(field.type, depth + 1);
      }
      if (chance(0.03)) value.notAField = 'x';
      return value;
    }
    return pick(HOSTILE_STRINGS); // custom scalars (LocalDate…)
  };

  /** A selection for a return type: its scalar fields, and one level of objects. */
  const selectionFor = (ref: IntrospectionTypeRef, depth = 0): string => {
    const type = types.get(named(ref).name);
    if (!type || (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE' && type.kind !== 'UNION')) return '';
    if (type.kind === 'UNION') return '{ __typename }';
    const fields = (type as IntrospectionObjectType).fields.filter((field) => field.args.every((arg) => arg.type.kind !== 'NON_NULL'));
    const chosen = fields.filter(() => chance(0.6)).slice(0, 12);
    const parts = chosen.map((field) => {
      const inner = depth < 2 ? selectionFor(field.type, depth + 1) : '';
      const leaf = !['OBJECT', 'INTERFACE', 'UNION'].includes(types.get(named(field.type).name)?.kind ?? '');
      if (!leaf && !inner) return '';
      return `${field.name} ${inner}`;
    });
    return `{ __typename ${parts.join(' ')} }`;
  };

  const typeString = (ref: IntrospectionTypeRef): string =>
    ref.kind === 'NON_NULL' ? `${typeString(ref.ofType)}!` : ref.kind === 'LIST' ? `[${typeString(ref.ofType)}]` : ref.name;

  return { valueFor, selectionFor, typeString };
}
