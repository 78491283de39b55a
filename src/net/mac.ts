import { Verdict } from '../validation/errors';

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

/** Rule: a colon-separated 48-bit MAC address. */
export function checkMac(value: unknown): Verdict | undefined {
  if (typeof value !== 'string' || !MAC.test(value)) {
    return { reason: 'not a valid MAC address', fix: 'use six colon-separated hex pairs such as 52:54:00:12:34:56' };
  }
  // The low bit of the first octet marks a group address (01:00:5e:... is IPv4 multicast):
  // no interface can have one, and DHCP never sees one as a client.
  if (parseInt(value.slice(0, 2), 16) & 1) {
    return {
      reason: 'a multicast (group) address: the low bit of the first octet is set',
      fix: 'use a unicast address such as 52:54:00:12:34:56 (an even first octet)',
    };
  }
  return undefined;
}

/** Lower-cases a MAC so that equal addresses compare equal. */
export function normalizeMac(mac: string): string {
  return mac.toLowerCase();
}
