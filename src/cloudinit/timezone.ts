import { Verdict } from '../validation/errors';

/**
 * IANA names that Node's ICU may know under another name only (`Intl.supportedValuesOf` lists
 * ICU's canonical ids, e.g. Asia/Calcutta and Europe/Kiev, not their current names).
 */
const ALIASES: readonly string[] = [
  'UTC',
  'Etc/UTC',
  'GMT',
  'Etc/GMT',
  'Asia/Kolkata',
  'Europe/Kyiv',
  'America/Nuuk',
  'Pacific/Kanton',
];

let known: Set<string> | undefined;

/**
 * Rule: a time zone cloud-init can set (`/usr/share/zoneinfo/<name>` on the target).
 * Synth must not depend on the machine it runs on, so the zones come from Node's ICU data,
 * not from this machine's zoneinfo: the names `(Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }).supportedValuesOf('timeZone')` lists, a
 * small alias list (above), and any other IANA link ICU resolves (`US/Pacific`), written in
 * the case of the IANA name: zoneinfo paths are case-sensitive.
 */
export function checkTimezone(value: unknown): Verdict | undefined {
  const fix = 'use an IANA time zone such as UTC, Europe/Berlin or Asia/Tokyo';
  if (typeof value !== 'string') return { reason: 'not a time zone name', fix };
  known ??= new Set([
    ...(Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }).supportedValuesOf('timeZone'),
    ...ALIASES,
  ]);
  if (known.has(value)) return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return { reason: 'not a known IANA time zone', fix };
  }
  const caseOk =
    value.split('/').every((part) => /^[A-Z]/.test(part)) && resolved.toLowerCase() !== value.toLowerCase();
  if (caseOk || resolved === value) return undefined;
  return {
    reason: 'time zone names are case-sensitive (they are paths under /usr/share/zoneinfo)',
    fix: `write it as ${resolved}`,
  };
}
