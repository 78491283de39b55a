/** Drops undefined fields, so rendered documents hold only what was given. */
export function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Returns the entries of `map` sorted by key, so renderings are deterministic. */
export function sortedEntries<T>(map: Readonly<Record<string, T>>): [string, T][] {
  return Object.keys(map)
    .sort()
    .map((k) => [k, map[k]]);
}

/** Returns a copy of `map` with keys sorted. */
export function sortedMap<T>(map: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(sortedEntries(map));
}
