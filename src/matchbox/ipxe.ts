import { MatchboxBootSpec } from './model';
import { bootIpxe, DEFAULT_MATCHBOX_VERSION, releaseOf } from './release';

/** The script Matchbox v0.11 serves at `/boot.ipxe` (verbatim from `http/ipxe.go`). */
export const BOOT_IPXE = bootIpxe(releaseOf(DEFAULT_MATCHBOX_VERSION));

/** The `/boot.ipxe` script of a modelled Matchbox release (v0.9 and v0.10 send no `arch`). */
export function renderBootIpxe(version: string = DEFAULT_MATCHBOX_VERSION): string {
  return bootIpxe(releaseOf(version));
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
