import type { Harness } from './harness.js';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface IntrospectedField {
  name: string;
  args: { type: TypeRef; defaultValue: string | null }[];
  type: TypeRef;
}
type Types = Map<string, { kind: string; fields: IntrospectedField[] | null }>;

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';

/** The schema's types, as a client sees them (introspection through the real schema). */
export async function schemaTypes(h: Harness): Promise<Types> {
  const result = await h.run(`{ __schema { types { name kind fields { name type { ${TYPE_REF} } args { defaultValue type { ${TYPE_REF} } } } } } }`);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const types: { name: string; kind: string; fields: IntrospectedField[] | null }[] = result.data.__schema.types;
  return new Map(types.map((type) => [type.name, type]));
}

function named(ref: TypeRef): TypeRef {
  return ref.ofType ? named(ref.ofType) : ref;
}

/**
 * A selection of every field of a type, `depth` object levels deep (below that, leaf fields and ids only): what a
 * client asking for everything would send. Fields with arguments no caller may leave out are skipped.
 */
export function everyField(types: Types, typeName: string, depth: number): string {
  const parts = fieldSelections(types, typeName, depth);
  return parts.length ? parts.join(' ') : '__typename';
}

/** The selections of `everyField`, one per field. */
export function fieldSelections(types: Types, typeName: string, depth: number): string[] {
  const type = types.get(typeName);
  if (!type?.fields) return [];
  const parts: string[] = [];
  for (const field of type.fields) {
    if (field.args.some((arg) => arg.type.kind === 'NON_NULL' && arg.defaultValue === null)) continue;
    const target = named(field.type);
    const kind = types.get(target.name!)?.kind;
    if (kind === 'SCALAR' || kind === 'ENUM') parts.push(field.name);
    else if (depth > 0) parts.push(`${field.name} { ${everyField(types, target.name!, depth - 1)} }`);
    else if (types.get(target.name!)?.fields?.some((f) => f.name === 'id')) parts.push(`${field.name} { id }`);
  }
  return parts;
}
