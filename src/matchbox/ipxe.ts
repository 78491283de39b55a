import { MatchboxBootSpec } from './model';

/** The script Matchbox serves at `/boot.ipxe` (verbatim from `http/ipxe.go`). */
export const BOOT_IPXE =
  '#!ipxe\n' +
  'chain ipxe?uuid=${uuid}&mac=${mac:hexhyp}&domain=${domain}&hostname=${hostname}&serial=${serial}&arch=${buildarch:uristring}\n';

/** The `/boot.ipxe` script. */
export function renderBootIpxe(): string {
  return BOOT_IPXE;
}

/**
 * The `/ipxe` script Matchbox renders from a profile's `boot` (same output as its Go template):
 * `kernel <kernel> <args...>`, one `initrd` line per entry, then `boot`.
 */
export function renderProfileIpxe(boot: MatchboxBootSpec): string {
  const kernel = ['kernel', boot.kernel, ...(boot.args ?? [])].join(' ');
  const initrd = (boot.initrd ?? []).map((i) => `initrd ${i}`);
  return ['#!ipxe', kernel, ...initrd, 'boot', ''].join('\n');
}
