import { parseRanges } from '../lxd/addressing';
import { DhcpRange } from '../net/dhcp-range';
import { parseDhcpHostValue, StaticLease } from '../net/static-lease';
import { ObjectDrift } from '../lifecycle/drift';
import { DeclaredObject, LabManifest, MatchboxFact } from '../lifecycle/manifest';
import { LifecycleKind } from '../lifecycle/prune-plan';
import { addressPlan, AddressPlan, PlanClaim } from './address-plan';
import { pxeDhcpOf, PxeDhcp } from './pxe-dhcp';

/**
 * The lab as one graph, from the synthesized stacks' lab manifests (and, with `--live`, from one
 * read per daemon as `drift` makes it): daemons and their objects, address plans, Matchbox data.
 * Pure; the renderers (html, mermaid, dot) draw it.
 */

/** An object's state on its daemon, from the live read. */
export type LiveStatus = 'in sync' | 'changed' | 'missing' | 'undeclared';

/** What every node has. */
export interface GraphNode {
  /** Unique in the graph (a DOM id). */
  readonly id: string;
  readonly kind: LifecycleKind | 'matchbox-server' | 'matchbox-group' | 'matchbox-profile' | 'vm';
  readonly name: string;
  /** The construct that declares it. @default - none (found on the daemon only) */
  readonly path?: string;
  /** The kind and name `drift` reports it under. @default - none (not read) */
  readonly ref?: { readonly kind: LifecycleKind; readonly name: string };
  readonly stack: string;
  /** From `--live`. @default - not read */
  live?: { readonly status: LiveStatus; readonly differences: readonly string[] };
  /** Address conflicts that name it. */
  conflicts: string[];
}

export interface GraphPool extends GraphNode {
  readonly config: Readonly<Record<string, string>>;
}

export interface GraphNetwork extends GraphNode {
  /** Gateway address with prefix. @default - unknown */
  readonly cidr?: string;
  readonly ranges: readonly DhcpRange[];
  readonly leases: readonly StaticLease[];
  /** False when only referenced by the selected stacks. */
  readonly declared: boolean;
  readonly managed: boolean;
  /** Its address plan (when the subnet is known). @default - none */
  plan?: AddressPlan;
}

export interface GraphNic {
  readonly device: string;
  readonly network: string;
  readonly ipv4?: string;
  readonly mac?: string;
}

export interface GraphInstance extends GraphNode {
  readonly nics: readonly GraphNic[];
  readonly profiles: readonly string[];
  /** Root disk pool (its own, else its profiles'). @default - unknown */
  readonly pool?: string;
  /** The profile its root disk comes from. @default - its own root disk (or none) */
  readonly poolVia?: string;
  /** Proxy devices: `name listen -> connect`. */
  readonly proxies: readonly string[];
  /** Cluster member it is placed on. @default - not placed */
  readonly target?: string;
  readonly state?: string;
}

export interface GraphProfile extends GraphNode {
  readonly pool?: string;
  readonly networks: readonly string[];
}

export interface GraphMatchboxGroup extends GraphNode {
  readonly profile: string;
  readonly selector: Readonly<Record<string, string>>;
}

export interface GraphMatchbox extends GraphNode {
  readonly dataDir: string;
  /** The record store its files are written to. */
  readonly store: string;
  /** The records of its other parts (`matchbox-dnsmasq:…`, TLS, NAT, assets): their live state is the server's. */
  readonly parts: string[];
  /** e.g. `http://192.168.0.1:8080`. @default - unknown (a server other stacks declare) */
  readonly endpoint?: string;
  /** The PXE DHCP it runs. @default - none */
  readonly dhcp?: PxeDhcp;
  readonly groups: GraphMatchboxGroup[];
  readonly profiles: GraphNode[];
}

/** A multipass VM and the daemon it runs (its record lives on the deploying machine). */
export interface GraphVm extends GraphNode {
  readonly daemon?: string;
}

/** A daemon, or a record store: one box of the picture. */
export interface GraphDaemon {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  /** `lxc` or `incus`; undefined for a record store. */
  readonly client?: string;
  readonly members?: readonly string[];
  /** An instance used as a host: the daemon and instance it is in. */
  within?: { readonly daemon: string; readonly instance: string };
  readonly stacks: string[];
  readonly pools: GraphPool[];
  readonly networks: GraphNetwork[];
  readonly profiles: GraphProfile[];
  readonly instances: GraphInstance[];
  readonly images: GraphNode[];
  readonly matchbox: GraphMatchbox[];
  readonly vms: GraphVm[];
  /** Other records (and undeclared objects of kinds drawn nowhere else). */
  readonly other: GraphNode[];
}

export interface GraphStack {
  readonly name: string;
  readonly dependencies: readonly string[];
}

export interface LabGraph {
  readonly stacks: readonly GraphStack[];
  readonly daemons: readonly GraphDaemon[];
  /** Whether `live` was read. */
  readonly live: boolean;
}

/** One stack as the command read it: its cdktf manifest entry and its lab manifest. */
export interface StackInput {
  readonly name: string;
  readonly dependencies: readonly string[];
  /** @default - none: the stack declares nothing of this library */
  readonly manifest?: LabManifest;
}

/** What `drift` found for one stack on one daemon. */
export interface LiveInput {
  readonly stack: string;
  readonly key: string;
  readonly drift: readonly ObjectDrift[];
}

/** The graph of `stacks`, with the live state when `live` is given. */
export function buildGraph(stacks: readonly StackInput[], live?: readonly LiveInput[]): LabGraph {
  const b = new Builder();
  for (const s of stacks) if (s.manifest) b.addStack(s.manifest);
  if (live) b.overlay(live);
  b.finish();
  return {
    stacks: stacks.map((s) => ({ name: s.name, dependencies: s.dependencies })),
    daemons: b.ordered(),
    live: !!live,
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const strings = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(v)).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
const devicesOf = (s: Record<string, unknown>) =>
  Object.entries(obj(s.devices)).map(([name, d]) => [name, strings(d)] as const);
const parseJson = (text: unknown): Record<string, unknown> => {
  try {
    return obj(JSON.parse(String(text)));
  } catch {
    return {};
  }
};

class Builder {
  private readonly daemons = new Map<string, GraphDaemon>();
  private readonly facts: {
    matchbox: (MatchboxFact & { stack: string })[];
    bridges: { path: string; daemon: string; name: string; managed: boolean; ipv4Cidr?: string; stack: string }[];
    vmDaemons: Map<string, string>;
  } = {
    matchbox: [],
    bridges: [],
    vmDaemons: new Map(),
  };
  private seq = 0;

  private nodeId(): string {
    return `n${++this.seq}`;
  }

  private daemon(key: string, label: string, client?: string, members?: readonly string[]): GraphDaemon {
    let d = this.daemons.get(key);
    if (!d) {
      d = {
        id: `d${this.daemons.size + 1}`,
        key,
        label,
        client,
        members,
        stacks: [],
        pools: [],
        networks: [],
        profiles: [],
        instances: [],
        images: [],
        matchbox: [],
        vms: [],
        other: [],
      };
      this.daemons.set(key, d);
    } else if (client && !d.client) {
      Object.assign(d, { label, client, members });
    }
    return d;
  }

  addStack(m: LabManifest): void {
    for (const h of m.facts?.hosts ?? []) {
      this.facts.vmDaemons.set(h.path, h.daemon);
      if (h.within) this.daemon(h.daemon, h.machine).within ??= h.within;
    }
    for (const b of m.facts?.bridges ?? []) this.facts.bridges.push({ ...b, stack: m.stack });
    for (const x of m.facts?.matchbox ?? []) this.facts.matchbox.push({ ...x, stack: m.stack });
    for (const unit of m.units) {
      if (!unit.objects.length && !unit.daemon) continue;
      const d = this.daemon(unit.key, unit.label, unit.daemon?.client, unit.members);
      if (!d.stacks.includes(m.stack)) d.stacks.push(m.stack);
      for (const o of unit.objects) this.addObject(d, m.stack, o);
    }
  }

  private base(
    stack: string,
    o: Pick<DeclaredObject, 'kind' | 'name' | 'path'>,
    kind: GraphNode['kind'] = o.kind,
    name = o.name,
  ): GraphNode {
    return { id: this.nodeId(), kind, name, path: o.path, ref: { kind: o.kind, name: o.name }, stack, conflicts: [] };
  }

  private addObject(d: GraphDaemon, stack: string, o: DeclaredObject): void {
    const s = obj(o.settings);
    const config = strings(s.config);
    switch (o.kind) {
      case 'pool':
        d.pools.push({ ...this.base(stack, o), config });
        return;
      case 'network':
        d.networks.push({
          ...this.base(stack, o),
          cidr: config['ipv4.address'],
          ranges: parseRanges(config['ipv4.dhcp.ranges'] ?? ''),
          leases: (config['raw.dnsmasq'] ?? '').split('\n').flatMap((l) => {
            const lease = /^\s*dhcp-host=(.*)$/.exec(l);
            const parsed = lease ? parseDhcpHostValue(lease[1]) : undefined;
            return parsed ? [parsed] : [];
          }),
          declared: true,
          managed: true,
        });
        return;
      case 'profile': {
        const devices = devicesOf(s);
        d.profiles.push({
          ...this.base(stack, o),
          pool: devices.find(([, x]) => x.type === 'disk' && x.path === '/')?.[1].pool,
          networks: devices.filter(([, x]) => x.type === 'nic').map(([, x]) => x.network ?? x.parent ?? '?'),
        });
        return;
      }
      case 'instance': {
        const devices = devicesOf(s);
        d.instances.push({
          ...this.base(stack, o),
          nics: devices
            .filter(([, x]) => x.type === 'nic')
            .map(([device, x]) => ({
              device,
              network: x.network ?? x.parent ?? '?',
              ...(x['ipv4.address'] ? { ipv4: x['ipv4.address'] } : {}),
              ...(x.hwaddr ? { mac: x.hwaddr } : {}),
            })),
          profiles: Array.isArray(s.profiles) ? s.profiles.map(String) : [],
          pool: devices.find(([, x]) => x.type === 'disk' && x.path === '/')?.[1].pool,
          proxies: devices
            .filter(([, x]) => x.type === 'proxy')
            .map(([name, x]) => `${name} ${x.listen} -> ${x.connect}`),
          target: str(s.target),
          state: str(s.state),
        });
        return;
      }
      case 'image':
        d.images.push(this.base(stack, o));
        return;
      case 'record':
        this.addRecord(d, stack, o, s);
        return;
    }
  }

  private addRecord(d: GraphDaemon, stack: string, o: DeclaredObject, s: Record<string, unknown>): void {
    const colon = o.name.indexOf(':');
    const recordKind = o.name.slice(0, colon);
    const name = o.name.slice(colon + 1);
    const files = obj(s.files);
    const store = o.identity.daemon;
    const server = (dataDir: string) => {
      let x = d.matchbox.find((m) => m.dataDir === dataDir && m.store === store);
      if (!x)
        d.matchbox.push(
          (x = {
            ...this.base(stack, o, 'matchbox-server', dataDir),
            path: undefined,
            ref: undefined,
            dataDir,
            store,
            parts: [],
            groups: [],
            profiles: [],
          }),
        );
      return x;
    };
    const parent = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
    const leaf = (p: string) => p.slice(p.lastIndexOf('/') + 1);
    switch (recordKind) {
      case 'multipass-vm':
        d.vms.push({ ...this.base(stack, o, 'vm', name), daemon: this.facts.vmDaemons.get(o.path) });
        return;
      case 'matchbox-matchbox':
        Object.assign(server(name), { path: o.path, stack, ref: { kind: o.kind, name: o.name } });
        return;
      case 'matchbox-dnsmasq':
        Object.assign(server(name), { dhcp: pxeDhcpOf(String(s.config ?? '')) }).parts.push(o.name);
        return;
      case 'matchbox-group': {
        const g = parseJson(Object.entries(files).find(([f]) => f.startsWith('groups/'))?.[1]);
        server(parent(name)).groups.push({
          ...this.base(stack, o, 'matchbox-group', str(g.id) ?? leaf(name)),
          profile: str(g.profile) ?? '?',
          selector: strings(g.selector),
        });
        return;
      }
      case 'matchbox-profile':
        server(parent(name)).profiles.push(this.base(stack, o, 'matchbox-profile', leaf(name)));
        return;
      default:
        // Server parts (TLS, NAT, assets) and any other record.
        if (recordKind.startsWith('matchbox-')) {
          server(name).parts.push(o.name);
          return;
        }
        d.other.push(this.base(stack, o, 'record'));
    }
  }

  /** Each object's state from the live read; owned but undeclared objects are added. */
  overlay(live: readonly LiveInput[]): void {
    const found = new Map<string, ObjectDrift>();
    for (const r of live) for (const x of r.drift) found.set(`${r.stack}|${r.key}|${x.kind}|${x.name}`, x);
    const read = new Set(live.map((r) => `${r.stack}|${r.key}`));
    for (const d of this.daemons.values()) {
      for (const n of nodesOf(d)) {
        if (!n.ref || !read.has(`${n.stack}|${d.key}`)) continue;
        const at = (name: string) => found.get(`${n.stack}|${d.key}|record|${name}`);
        const x = found.get(`${n.stack}|${d.key}|${n.ref.kind}|${n.ref.name}`);
        n.live = { status: x?.status ?? 'in sync', differences: x?.differences ?? [] };
        // A server is as its worst part: missing, then changed.
        const parts = n.kind === 'matchbox-server' ? (n as GraphMatchbox).parts.flatMap((p) => at(p) ?? []) : [];
        if (parts.length) {
          const worst = [x, ...parts].find((y) => y?.status === 'missing') ?? [x, ...parts].find((y) => y)!;
          n.live = {
            status: worst.status,
            differences: [x, ...parts].flatMap((y) =>
              y ? y.differences.map((t) => `${y.name.slice(0, y.name.indexOf(':'))}: ${t}`) : [],
            ),
          };
        }
      }
    }
    for (const r of live) {
      const d = this.daemons.get(r.key);
      if (!d) continue;
      for (const x of r.drift.filter((y) => y.status === 'undeclared')) {
        const n: GraphNode = {
          id: this.nodeId(),
          kind: x.kind,
          name: x.name,
          path: x.path,
          stack: r.stack,
          conflicts: [],
          live: { status: 'undeclared', differences: x.differences },
        };
        if (x.kind === 'instance') d.instances.push({ ...n, nics: [], profiles: [], proxies: [] });
        else if (x.kind === 'network')
          d.networks.push({ ...n, ranges: [], leases: [], declared: false, managed: true });
        else if (x.kind === 'profile') d.profiles.push({ ...n, networks: [] });
        else if (x.kind === 'pool') d.pools.push({ ...n, config: {} });
        else d.other.push(n);
      }
    }
  }

  /** Referenced bridges, Matchbox endpoints, address plans and their conflicts. */
  finish(): void {
    for (const b of this.facts.bridges) {
      const d = this.daemons.get(b.daemon);
      if (!d) continue;
      const net = d.networks.find((n) => n.name === b.name);
      if (!net) {
        const used =
          d.instances.some((i) => i.nics.some((n) => n.network === b.name)) ||
          d.profiles.some((p) => p.networks.includes(b.name));
        if (used)
          d.networks.push({
            id: this.nodeId(),
            kind: 'network',
            name: b.name,
            path: b.path,
            stack: b.stack,
            conflicts: [],
            cidr: b.ipv4Cidr,
            ranges: [],
            leases: [],
            declared: false,
            managed: b.managed,
          });
      }
    }
    for (const d of this.daemons.values()) {
      for (const i of d.instances.filter((x) => !x.pool)) {
        const via = [...i.profiles].reverse().find((p) => d.profiles.find((x) => x.name === p)?.pool);
        if (via) Object.assign(i, { pool: d.profiles.find((x) => x.name === via)!.pool, poolVia: via });
      }
      for (const m of d.matchbox) {
        const fact = this.facts.matchbox.find((f) => f.dataDir === m.dataDir && f.store === m.store);
        if (fact) Object.assign(m, { endpoint: fact.httpEndpoint, path: m.path ?? fact.path });
      }
      for (const net of d.networks) this.plan(d, net);
    }
  }

  private plan(d: GraphDaemon, net: GraphNetwork): void {
    if (!net.cidr) return;
    const claims: (PlanClaim & { node: GraphNode })[] = net.leases.map((l) => ({
      kind: 'lease',
      node: net,
      stack: net.stack,
      path: net.path ?? net.name,
      property: `addStaticLease(${l.hostname ?? l.mac})`,
      label: l.hostname ?? l.mac ?? '?',
      ipv4: l.ipv4Address,
      mac: l.mac,
      hostname: l.hostname,
    }));
    for (const i of d.instances) {
      for (const nic of i.nics.filter((n) => n.network === net.name && (n.ipv4 || n.mac))) {
        claims.push({
          kind: 'reserved',
          node: i,
          stack: i.stack,
          path: i.path ?? i.name,
          property: `nics.${nic.device}.ipv4Address`,
          label: `${i.name} ${nic.device}`,
          ipv4: nic.ipv4,
          mac: nic.mac,
          hostname: i.name,
          macProperty: `nics.${nic.device}.hwaddr`,
          hostnameProperty: 'name',
        });
      }
    }
    net.plan = addressPlan(net.path ?? net.name, net.cidr, net.ranges, claims);
    for (const row of net.plan?.rows ?? []) {
      if (!row.conflicts.length) continue;
      const owner =
        claims.find((c) => c.path === row.path && c.label === row.label)?.node ??
        (row.path === net.path ? net : undefined);
      if (owner) owner.conflicts.push(...row.conflicts.filter((c) => !owner.conflicts.includes(c)));
    }
  }

  ordered(): GraphDaemon[] {
    return [...this.daemons.values()];
  }
}

/** Every node of a daemon (Matchbox groups and profiles included). */
export function nodesOf(d: GraphDaemon): GraphNode[] {
  return [
    ...d.pools,
    ...d.networks,
    ...d.profiles,
    ...d.instances,
    ...d.images,
    ...d.vms,
    ...d.other,
    ...d.matchbox.flatMap((m) => [m, ...m.groups, ...m.profiles]),
  ];
}
