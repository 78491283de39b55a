import { Verdict } from './errors';
import { Rule } from './rule';

const LXD_UNITS: Record<string, number> = {
  '': 1,
  B: 1,
  kB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  PB: 1e15,
  EB: 1e18,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
  PiB: 2 ** 50,
  EiB: 2 ** 60,
};

/** Parses an LXD byte size (`10GiB`, `80GB`, `512MiB`); undefined when invalid. */
export function parseLxdSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(B|kB|MB|GB|TB|PB|EB|KiB|MiB|GiB|TiB|PiB|EiB)?$/.exec(text);
  return m ? Number(m[1]) * LXD_UNITS[m[2] ?? ''] : undefined;
}

/** Rule: an LXD byte size; with `positive`, also more than zero bytes (a pool, disk or memory size). */
export function checkLxdSize(value: unknown, options: { readonly positive?: boolean } = {}): Verdict | undefined {
  const bytes = typeof value === 'string' ? parseLxdSize(value) : undefined;
  if (bytes === undefined)
    return { reason: 'not an LXD size', fix: 'use a number with a unit such as 512MiB, 10GiB or 80GB' };
  if (options.positive && !(bytes >= 1))
    return {
      reason: 'the size must be more than zero bytes',
      fix: 'use a positive size such as 512MiB, 10GiB or 80GB',
    };
  return undefined;
}

/** Parses a multipass size (`4G`, `512M`, `100GiB`, `1024` bytes); undefined when invalid. */
export function parseMultipassSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([KMG])?(i?B)?$/i.exec(text);
  if (!m || (m[3] && !m[2])) return undefined;
  const unit = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30 }[(m[2] ?? '').toUpperCase()] as number;
  return Math.floor(Number(m[1]) * unit);
}

/** Rule: a multipass size of at least `minimum` bytes (`label` names it in messages). */
export function checkMultipassSize(value: unknown, minimum: number, label: string): Verdict | undefined {
  const bytes = typeof value === 'string' ? parseMultipassSize(value) : undefined;
  if (bytes === undefined)
    return { reason: 'not a multipass size', fix: 'use a number with K, M or G such as 4G or 512M' };
  if (bytes < minimum) return { reason: `multipass requires at least ${label}`, fix: `use ${label} or more` };
  return undefined;
}

/** Rule: an LXD byte size (see {@link checkLxdSize}). */
export function lxdSize(options: { readonly positive?: boolean } = {}): Rule<unknown> {
  return (value) => checkLxdSize(value, options);
}

/** Rule: a multipass size of at least `minimum` bytes (see {@link checkMultipassSize}). */
export function multipassSize(minimum: number, label: string): Rule<unknown> {
  return (value) => checkMultipassSize(value, minimum, label);
}
