import { Verdict } from '../validation/errors';

/** The MTUs a bridge can take: IPv4's minimum (68, RFC 791) to the kernel's ETH_MAX_MTU (65535). */
export const MIN_MTU = 68;
export const MAX_MTU = 65535;

/**
 * Rule: a bridge MTU (`bridge.mtu`). LXD only asks for an integer and hands it to the kernel,
 * which refuses values outside 68-65535 for an IPv4-carrying bridge, so the apply would fail.
 */
export function checkMtu(value: unknown): Verdict | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_MTU && value <= MAX_MTU
    ? undefined
    : {
        reason: `not an MTU from ${MIN_MTU} to ${MAX_MTU}`,
        fix: 'use e.g. 1500 (Ethernet), 1450 (inside a VXLAN) or 9000 (jumbo frames), or leave it unset',
      };
}
