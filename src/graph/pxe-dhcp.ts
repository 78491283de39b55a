import { parseDhcpHostValue, StaticLease } from '../net/static-lease';

/** What a Matchbox server's dnsmasq hands out, read back from its rendered configuration. */
export interface PxeDhcp {
  readonly interface?: string;
  /** `full`: it leases addresses; `proxy`: it only adds PXE options beside another DHCP server. */
  readonly mode: 'full' | 'proxy';
  /** The dynamic range (full mode), or the network it answers for (proxy mode). */
  readonly range?: { readonly start: string; readonly end?: string; readonly netmask?: string };
  readonly router?: string;
  readonly leases: readonly StaticLease[];
}

/** The DHCP side of a PXE dnsmasq configuration (as src/dnsmasq renders it). */
export function pxeDhcpOf(config: string): PxeDhcp {
  const values = (key: string) =>
    config
      .split('\n')
      .filter((l) => l.startsWith(`${key}=`))
      .map((l) => l.slice(key.length + 1).trim());
  const range = values('dhcp-range')
    .map((v) => v.split(','))
    .find((p) => !p.some((x) => x.includes('ra-only') || x.includes(':')));
  const proxy = range?.[1] === 'proxy';
  return {
    interface: values('interface')[0],
    mode: proxy ? 'proxy' : 'full',
    range: range
      ? proxy
        ? { start: range[0], netmask: range[2] }
        : { start: range[0], end: range[1], netmask: range[2] }
      : undefined,
    router: values('dhcp-option')
      .map((v) => /^option:router,(.+)$/.exec(v)?.[1])
      .find((x) => x),
    leases: values('dhcp-host').flatMap((v) => parseDhcpHostValue(v) ?? []),
  };
}
