import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Whether the query asks for a field at `path` below the field being resolved (e.g. ["hits", "highlights"]),
 * through aliases, inline fragments and named fragments alike. Lets a resolver skip work nobody asked for.
 * Directives are not evaluated: a field under `@skip`/`@include` counts as asked for, which is the safe side.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return selectedFields(info, path.slice(0, -1)).has(path.at(-1)!);
}

/**
 * The names of the fields the query asks for directly under `path` (e.g. ["hits", "experiment"]), through aliases
 * and fragments; empty when the path is not selected. Directives are not evaluated (a skipped field counts).
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const node of info.fieldNodes) collect(node.selectionSet, path, info, new Set(), names);
  return names;
}

function collect(set: SelectionSetNode | undefined, path: readonly string[], info: GraphQLResolveInfo, visited: Set<string>, names: Set<string>): void {
  if (!set) return;
  const [name, ...rest] = path;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (name === undefined) names.add(selection.name.value);
      else if (selection.name.value === name) collect(selection.selectionSet, rest, info, visited, names);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, path, info, visited, names);
    } else if (!visited.has(selection.name.value)) {
      collect(info.fragments[selection.name.value]?.selectionSet, path, info, new Set([...visited, selection.name.value]), names);
    }
  }
}
