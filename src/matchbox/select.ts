import { parseMatchboxMac } from './mac';
import { normalizeSelector } from './render';
import { MatchboxGroupSpec } from './model';

/** Go string comparison: byte-wise over UTF-8. */
function goCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Matchbox's `selectorString`: sorted `k=v` pairs joined with `,` (mac values normalized). */
export function selectorString(selector: Readonly<Record<string, string>> | undefined): string {
  const s = normalizeSelector(selector);
  return Object.keys(s)
    .map((k) => `${k}=${s[k]}`)
    .sort(goCompare)
    .join(',');
}

/**
 * Groups in the order Matchbox tries them (`sort.Reverse(ByReqs)`): most selector pairs first,
 * then, for equal counts, the selector string that sorts last first. Ties keep input order here;
 * Matchbox leaves them undefined (see validateMatchbox).
 */
export function orderGroups<G extends MatchboxGroupSpec>(groups: readonly G[]): G[] {
  return groups
    .map((g, i) => ({ g, i, n: Object.keys(g.selector ?? {}).length, s: selectorString(g.selector) }))
    .sort((a, b) => b.n - a.n || goCompare(b.s, a.s) || a.i - b.i)
    .map((x) => x.g);
}

/**
 * Request labels the way Matchbox builds them (`labelsFromRequest`): every query parameter,
 * first value only; a `mac` key (any case) is normalized or dropped when unparseable.
 */
export function labelsFromQuery(query: string | URLSearchParams): Record<string, string> {
  const params = typeof query === 'string' ? new URLSearchParams(query.replace(/^\?/, '')) : query;
  const labels: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const value = params.get(key)!;
    if (key.toLowerCase() === 'mac') {
      const mac = parseMatchboxMac(value);
      if (mac !== undefined) labels[key] = mac;
    } else labels[key] = value;
  }
  return labels;
}

/** True when every selector pair is present in the labels with the same key and value. */
export function groupMatches(group: MatchboxGroupSpec, labels: Readonly<Record<string, string>>): boolean {
  const s = normalizeSelector(group.selector);
  return Object.keys(s).every((k) => Object.prototype.hasOwnProperty.call(labels, k) && labels[k] === s[k]);
}

/** Matchbox's `SelectGroup`: the first group, in {@link orderGroups} order, that matches. */
export function selectGroup<G extends MatchboxGroupSpec>(
  groups: readonly G[],
  labels: Readonly<Record<string, string>>,
): G | undefined {
  return orderGroups(groups).find((g) => groupMatches(g, labels));
}
