import { parseIpv4 } from './ipv4';
import { Verdict } from '../validation/errors';

const GROUP = /^[0-9a-fA-F]{1,4}$/;

/**
 * Parses an IPv6 address as written in RFC 4291 (groups of up to four hex digits, one `::`,
 * an optional dotted-quad tail); the eight 16-bit groups, or undefined when invalid.
 */
export function parseIpv6(text: string): number[] | undefined {
  if (typeof text !== 'string' || text.split('::').length > 2) return undefined;
  const groups = (part: string, last: boolean): number[] | undefined => {
    if (part === '') return [];
    const words = part.split(':');
    const out: number[] = [];
    for (const [i, w] of words.entries()) {
      if (last && i === words.length - 1 && w.includes('.')) {
        const v4 = parseIpv4(w);
        if (v4 === undefined) return undefined;
        out.push(Math.floor(v4 / 65536), v4 % 65536);
      } else if (GROUP.test(w)) {
        out.push(parseInt(w, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const [head, tail] = text.split('::');
  const before = groups(head, tail === undefined);
  const after = tail === undefined ? [] : groups(tail, true);
  if (!before || !after) return undefined;
  if (tail === undefined) return before.length === 8 ? before : undefined;
  // `::` stands for at least one group of zeros.
  return before.length + after.length <= 7
    ? [...before, ...new Array(8 - before.length - after.length).fill(0), ...after]
    : undefined;
}

/** Rule: an IPv6 address with a prefix length of 0-128 (`fd42::1/64`). */
export function checkIpv6Cidr(value: unknown): Verdict | undefined {
  const m = typeof value === 'string' ? /^([^/]+)\/(\d{1,3})$/.exec(value) : null;
  if (!m || parseIpv6(m[1]) === undefined) {
    return {
      reason: 'not an IPv6 address with a prefix length',
      fix: 'use none, auto or an address such as fd42::1/64',
    };
  }
  if (Number(m[2]) > 128)
    return {
      reason: `the prefix length ${m[2]} is more than 128 bits`,
      fix: `use a prefix of 128 or less, e.g. ${m[1]}/64`,
    };
  return undefined;
}
