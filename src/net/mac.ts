import { Verdict } from '../validation/errors';

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

/** Rule: a colon-separated 48-bit MAC address. */
export function checkMac(value: unknown): Verdict | undefined {
  return typeof value === 'string' && MAC.test(value)
    ? undefined
    : { reason: 'not a valid MAC address', fix: 'use six colon-separated hex pairs such as 52:54:00:12:34:56' };
}

/** Lower-cases a MAC so that equal addresses compare equal. */
export function normalizeMac(mac: string): string {
  return mac.toLowerCase();
}
