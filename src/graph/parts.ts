import {
  GraphDaemon,
  GraphInstance,
  GraphMatchbox,
  GraphMatchboxGroup,
  GraphNetwork,
  GraphNode,
  GraphPool,
  GraphProfile,
  GraphVm,
  LabGraph,
} from './model';

/**
 * What every renderer draws the same way: the text lines of a node, the title of a daemon's box,
 * and the links between nodes.
 */

/** A link between two nodes (or a node and a daemon's box). */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'nic' | 'profile' | 'pool' | 'boots' | 'runs' | 'hosts';
  /** e.g. the NIC's address. @default - none */
  readonly label?: string;
}

/** What a daemon's box is called. */
export function daemonTitle(d: GraphDaemon): string {
  const lxd = [d.pools, d.networks, d.profiles, d.instances, d.images].some((x) => x.length);
  const what =
    d.client && lxd
      ? `${d.client === 'incus' ? 'Incus' : 'LXD'} ${d.members ? 'cluster' : 'daemon'}`
      : d.key.startsWith('local')
        ? 'deploying machine'
        : 'machine';
  return `${what} · ${d.label}`;
}

/** Lines of a daemon's box under its title. */
export function daemonLines(d: GraphDaemon): string[] {
  return [...(d.members ? [`members: ${d.members.join(', ')}`] : []), `stacks: ${d.stacks.join(', ') || '-'}`];
}

const kv = (o: Readonly<Record<string, string>>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
const shown = (config: Readonly<Record<string, string>>) =>
  Object.entries(config).filter(([k]) => !k.startsWith('user.cdktf.'));

/** The text lines of a node: its kind and name first. */
export function nodeLines(n: GraphNode): string[] {
  switch (n.kind) {
    case 'pool': {
      const p = n as GraphPool;
      return [`pool ${p.name}`, ...shown(p.config).map(([k, v]) => `${k}: ${v}`)];
    }
    case 'network': {
      const x = n as GraphNetwork;
      return [
        `bridge ${x.name}${x.declared ? '' : x.live ? '' : ' (referenced)'}${x.managed ? '' : ' (not managed by LXD)'}`,
        ...(x.cidr ? [`subnet ${x.cidr}`] : []),
        ...x.ranges.map((r) => `DHCP ${r.start}-${r.end}`),
        ...x.leases.map(
          (l) => `lease ${l.ipv4Address} ${l.hostname ?? ''}${l.hostname && l.mac ? ' ' : ''}${l.mac ?? ''}`,
        ),
      ];
    }
    case 'profile': {
      const p = n as GraphProfile;
      return [`profile ${p.name}`, ...(p.pool ? [`root on ${p.pool}`] : []), ...p.networks.map((x) => `nic on ${x}`)];
    }
    case 'instance': {
      const i = n as GraphInstance;
      return [
        `${i.name}`,
        ...i.nics.map((x) => `${x.device} ${x.ipv4 ?? 'DHCP'} on ${x.network}${x.mac ? ` ${x.mac}` : ''}`),
        ...(i.profiles.length ? [`profiles: ${i.profiles.join(', ')}`] : []),
        ...(i.pool ? [`pool: ${i.pool}${i.poolVia ? ` (profile ${i.poolVia})` : ''}`] : []),
        ...i.proxies.map((x) => `proxy ${x}`),
        ...(i.target ? [`member: ${i.target}`] : []),
        ...(i.state && i.state !== 'running' ? [`state: ${i.state}`] : []),
      ];
    }
    case 'matchbox-server': {
      const m = n as GraphMatchbox;
      const dhcp = m.dhcp;
      return [
        `Matchbox ${m.endpoint ?? m.dataDir}`,
        `data: ${m.dataDir}`,
        ...(dhcp
          ? [
              `PXE DHCP (${dhcp.mode})${dhcp.interface ? ` on ${dhcp.interface}` : ''}`,
              ...(dhcp.range
                ? [
                    dhcp.mode === 'proxy'
                      ? `for ${dhcp.range.start}/${dhcp.range.netmask ?? ''}`
                      : `range ${dhcp.range.start}-${dhcp.range.end}`,
                  ]
                : []),
              ...(dhcp.router ? [`router ${dhcp.router}`] : []),
              ...dhcp.leases.map((l) => `lease ${l.ipv4Address} ${l.mac ?? l.hostname ?? ''}`),
            ]
          : []),
      ];
    }
    case 'matchbox-group': {
      const g = n as GraphMatchboxGroup;
      return [
        `group ${g.name}`,
        Object.keys(g.selector).length ? `selector ${kv(g.selector)}` : 'selector: any machine',
      ];
    }
    case 'matchbox-profile':
      return [`profile ${n.name}`];
    case 'vm': {
      const v = n as GraphVm;
      return [`multipass VM ${v.name}`];
    }
    default:
      return [`${n.kind} ${n.name}`];
  }
}

/** Every link of the graph. */
export function edgesOf(g: LabGraph): GraphEdge[] {
  const out: GraphEdge[] = [];
  const byKey = new Map(g.daemons.map((d) => [d.key, d]));
  for (const d of g.daemons) {
    const net = (name: string) => d.networks.find((x) => x.name === name);
    const profile = (name: string) => d.profiles.find((x) => x.name === name);
    const pool = (name?: string) => (name ? d.pools.find((x) => x.name === name) : undefined);
    for (const i of d.instances) {
      for (const nic of i.nics) {
        const to = net(nic.network);
        if (to) out.push({ from: i.id, to: to.id, kind: 'nic', label: nic.ipv4 });
      }
      for (const p of i.profiles) {
        const to = profile(p);
        if (to) out.push({ from: i.id, to: to.id, kind: 'profile' });
      }
      const own = pool(i.pool);
      if (own && !i.poolVia) out.push({ from: i.id, to: own.id, kind: 'pool' });
    }
    for (const p of d.profiles) {
      const to = pool(p.pool);
      if (to) out.push({ from: p.id, to: to.id, kind: 'pool' });
      for (const n of p.networks) {
        const x = net(n);
        if (x) out.push({ from: p.id, to: x.id, kind: 'nic' });
      }
    }
    for (const m of d.matchbox) {
      for (const grp of m.groups) {
        const to = m.profiles.find((p) => p.name === grp.profile);
        if (to) out.push({ from: grp.id, to: to.id, kind: 'boots' });
      }
    }
    for (const v of d.vms) {
      const to = v.daemon ? byKey.get(v.daemon) : undefined;
      if (to) out.push({ from: v.id, to: to.id, kind: 'runs' });
    }
    if (d.within) {
      const inst = byKey.get(d.within.daemon)?.instances.find((x) => x.name === d.within!.instance);
      if (inst) out.push({ from: inst.id, to: d.id, kind: 'hosts' });
    }
  }
  return out;
}
