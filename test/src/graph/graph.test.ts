/**
 * The graph command's pure core: the model built from synthesized lab manifests, the address plan
 * and its conflicts (the synth-time rules, across stacks), the live overlay, and the text forms.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../../constructs/core/cdk';
import { buildLab } from '../../../examples/default';
import { buildPxeWithLxd } from '../../../examples/pxe-with-lxd';
import { buildSeed001 } from '../../../examples/seed001-lvm-cluster';
import { buildSeed003 } from '../../../examples/seed003-matchbox';
import { Bridge, Container, LabStack, LocalHost } from '../../../index';
import { toDot } from '../../../src/graph/dot';
import { toHtml } from '../../../src/graph/html';
import { toMermaid } from '../../../src/graph/mermaid';
import {
  buildGraph,
  GraphDaemon,
  GraphInstance,
  GraphNetwork,
  LabGraph,
  nodesOf,
  StackInput,
} from '../../../src/graph/model';
import { edgesOf } from '../../../src/graph/parts';
import { pxeDhcpOf } from '../../../src/graph/pxe-dhcp';
import { formatRanges, parseRanges } from '../../../src/lxd/addressing';
import { MANIFEST_FILE } from '../../../src/lifecycle/manifest';
import { dhcpHostValue, parseDhcpHostValue } from '../../../src/net/static-lease';

/** Synthesizes an app and reads it as the command does (cdktf's manifest.json, then each lab manifest). */
function synth(build: (app: App) => void): StackInput[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-'));
  try {
    const app = new App({ outdir });
    build(app);
    app.synth();
    const stacks = Object.values(JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')).stacks) as {
      name: string;
      workingDirectory: string;
      dependencies: string[];
    }[];
    return stacks.map((s) => {
      const file = path.join(outdir, s.workingDirectory, MANIFEST_FILE);
      return {
        name: s.name,
        dependencies: s.dependencies,
        manifest: fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined,
      };
    });
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const daemon = (g: LabGraph, label: RegExp) => g.daemons.find((d) => label.test(d.label))!;
const named = (d: GraphDaemon, name: string) => nodesOf(d).find((n) => n.name === name)!;

describe('graph of the default example', () => {
  const stacks = synth((app) => buildLab(app));
  const g = buildGraph(stacks);
  const lxd = daemon(g, /^multipass lab-vm$/);

  it('has the deploying machine with the VM record, and the VM daemon with every declared object', () => {
    expect(g.daemons.map((d) => d.label)).toEqual(['multipass lab-vm', 'local']);
    const local = daemon(g, /^local$/);
    expect(local.vms.map((v) => [v.name, v.daemon])).toEqual([['lab-vm', 'multipass:lab-vm/lxd']]);
    expect(lxd).toMatchObject({ client: 'lxc', stacks: ['lab'] });
    expect(lxd.pools.map((p) => [p.name, p.config.size])).toEqual([['data', '20GiB']]);
    expect(lxd.networks).toEqual([
      expect.objectContaining({
        name: 'labbr0',
        path: 'lab/labbr0',
        cidr: '10.10.10.1/24',
        ranges: [{ start: '10.10.10.100', end: '10.10.10.199' }],
        leases: [{ hostname: 'printer', ipv4Address: '10.10.10.250' }],
        declared: true,
      }),
    ]);
    expect(lxd.profiles).toEqual([expect.objectContaining({ name: 'base', pool: 'data', networks: ['labbr0'] })]);
    expect(lxd.instances.map((i) => [i.name, i.nics, i.profiles, i.pool, i.poolVia, i.proxies])).toEqual([
      [
        'web',
        [{ device: 'eth0', network: 'labbr0', ipv4: '10.10.10.10' }],
        ['base'],
        'data',
        'base',
        ['http tcp:127.0.0.1:8080 -> tcp:127.0.0.1:80'],
      ],
      ['db', [{ device: 'eth0', network: 'labbr0', ipv4: '10.10.10.11' }], ['base'], 'data', 'base', []],
    ]);
  });

  it('links NICs to their bridge, instances and profiles to what they use, the VM to the daemon it runs', () => {
    const id = (name: string) => named(lxd, name).id;
    const edges = edgesOf(g).map((e) => `${e.kind} ${e.from} ${e.to} ${e.label ?? ''}`.trim());
    expect(edges).toEqual(
      expect.arrayContaining([
        `nic ${id('web')} ${id('labbr0')} 10.10.10.10`,
        `nic ${id('db')} ${id('labbr0')} 10.10.10.11`,
        `profile ${id('web')} ${id('base')}`,
        `pool ${id('base')} ${id('data')}`,
        `nic ${id('base')} ${id('labbr0')}`,
        `runs ${daemon(g, /^local$/).vms[0].id} ${lxd.id}`,
      ]),
    );
  });

  it('plans the bridge: gateway, DHCP range, lease, reserved addresses, free blocks; no conflict', () => {
    const plan = (lxd.networks[0] as GraphNetwork).plan!;
    expect(plan).toMatchObject({ cidr: '10.10.10.1/24', gateway: '10.10.10.1', usable: 254, free: 150, problems: [] });
    expect(plan.rows.map((r) => `${r.kind} ${r.start}-${r.end} ${r.count} ${r.label}`)).toEqual([
      'gateway 10.10.10.1-10.10.10.1 1 gateway (the bridge)',
      'free 10.10.10.2-10.10.10.9 8 free',
      'reserved 10.10.10.10-10.10.10.10 1 web eth0',
      'reserved 10.10.10.11-10.10.10.11 1 db eth0',
      'free 10.10.10.12-10.10.10.99 88 free',
      'dhcp 10.10.10.100-10.10.10.199 100 DHCP range',
      'free 10.10.10.200-10.10.10.249 50 free',
      'lease 10.10.10.250-10.10.10.250 1 printer',
      'free 10.10.10.251-10.10.10.254 4 free',
    ]);
  });

  it('the page is self-contained: inline SVG and CSS, no script, no URL to fetch', () => {
    const html = toHtml(g);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).not.toMatch(/<script|<link|@import|url\((?!#)|src=|href=/i);
    for (const text of [
      'labbr0',
      '10.10.10.1/24',
      '10.10.10.100-10.10.10.199',
      '10.10.10.250',
      'printer',
      '10.10.10.10',
      '10.10.10.11',
      'pool data',
      'profile base',
      'multipass VM lab-vm',
      'stack lab',
    ]) {
      expect(html).toContain(text);
    }
  });
});

describe('address conflicts: the synth-time rules, over the claims of every stack on a bridge', () => {
  const bad = { inRange: '10.77.0.150', leased: '10.77.0.50' };
  const declareBridge = (stack: LabStack, host: LocalHost) => {
    const br = new Bridge(stack, 'br', {
      host,
      ipv4Address: '10.77.0.1/24',
      ipv6Address: 'none',
      ipv4DhcpRanges: [{ start: '10.77.0.100', end: '10.77.0.199' }],
    });
    br.addStaticLease({ hostname: 'printer', ipv4Address: bad.leased });
    return br;
  };

  it('in one stack, synth refuses the two addresses', () => {
    expect(() =>
      synth((app) => {
        const s = new LabStack(app, 'one');
        const host = new LocalHost(s, 'host');
        const br = declareBridge(s, host);
        new Container(s, 'web', { host, image: 'busybox', nics: [{ bridge: br, ipv4Address: bad.inRange }] });
        new Container(s, 'dup', { host, image: 'busybox', nics: [{ bridge: br, ipv4Address: bad.leased }] });
      }),
    ).toThrow(
      /one\/web[\s\S]*inside the DHCP range 10\.77\.0\.100-10\.77\.0\.199[\s\S]*one\/dup[\s\S]*IPv4 address already claimed on bridge one\/br by one\/br addStaticLease\(printer\)/,
    );
  });

  // Across stacks each stack's checks pass (the other one's bridge is only referenced); the graph
  // puts the claims together and finds what synth would have refused in one stack.
  const stacks = synth((app) => {
    const lab = new LabStack(app, 'lab');
    declareBridge(lab, new LocalHost(lab, 'host'));
    const other = new LabStack(app, 'other');
    const host = new LocalHost(other, 'host');
    const br = Bridge.fromBridgeAttributes(other, 'br', { host, networkName: 'br', ipv4Cidr: '10.77.0.1/24' });
    new Container(other, 'web', { host, image: 'busybox', nics: [{ bridge: br, ipv4Address: bad.inRange }] });
    new Container(other, 'dup', { host, image: 'busybox', nics: [{ bridge: br, ipv4Address: bad.leased }] });
  });
  const g = buildGraph(stacks);
  const d = daemon(g, /^local$/);
  const net = d.networks[0];

  it('the plan reports both conflicts with the reasons and fixes of the synth-time checks', () => {
    expect(d.networks.map((n) => [n.name, n.stack, n.declared])).toEqual([['br', 'lab', true]]);
    expect(net.plan!.problems.map((p) => `${p.path} ${p.property} ${p.value}: ${p.reason}`)).toEqual([
      'other/web nics.eth0.ipv4Address 10.77.0.150: inside the DHCP range 10.77.0.100-10.77.0.199, so dnsmasq may hand it to another machine first',
      'other/dup nics.eth0.ipv4Address 10.77.0.50: IPv4 address already claimed on bridge lab/br by lab/br addStaticLease(printer)',
    ]);
    const conflicted = net.plan!.rows.filter((r) => r.conflicts.length).map((r) => `${r.kind} ${r.start} ${r.label}`);
    expect(conflicted).toEqual([
      'lease 10.77.0.50 printer',
      'reserved 10.77.0.50 dup eth0',
      'reserved 10.77.0.150 web eth0',
    ]);
    expect(named(d, 'web').conflicts).toEqual([
      expect.stringMatching(/^inside the DHCP range .*: use an address outside 10\.77\.0\.100-10\.77\.0\.199/),
    ]);
    expect(named(d, 'dup').conflicts).toHaveLength(1);
    expect(net.conflicts).toHaveLength(1);
  });

  it('the page highlights them in the picture and in the table; mermaid and dot mark them too', () => {
    const html = toHtml(g);
    expect(html).toContain('2 address conflict(s)');
    expect(html).toMatch(new RegExp(`<g class="node kind-instance conflict" id="${named(d, 'web').id}"`));
    expect(html.match(/<tr class="row-(lease|reserved) conflict">/g)).toHaveLength(3);
    expect(html).toContain('class="tick-conflict"');
    expect(toMermaid(g)).toContain(`class ${named(d, 'web').id} conflict`);
    expect(toDot(g)).toMatch(new RegExp(`${named(d, 'dup').id} \\[label=.*color="#c62828", penwidth=3`));
  });
});

describe('live overlay: the statuses drift reports', () => {
  const stacks = synth((app) => buildLab(app));
  const lab = stacks[0].manifest!;
  const key = 'multipass:lab-vm/lxd';
  const web = lab.units[0].objects.find((o) => o.name === 'web')!;
  const g = buildGraph(stacks, [
    {
      stack: 'lab',
      key,
      drift: [
        {
          kind: 'instance',
          name: 'web',
          path: 'lab/web',
          status: 'changed',
          differences: ['config limits.cpu is "2", declared "1"'],
          repair: web.converge,
        },
        {
          kind: 'instance',
          name: 'db',
          path: 'lab/db',
          status: 'missing',
          differences: ['instance db does not exist'],
          repair: 'x',
        },
        {
          kind: 'instance',
          name: 'old',
          path: 'lab/old',
          status: 'undeclared',
          differences: ['owned by lab but no longer declared'],
          repair: 'y',
        },
      ],
    },
    { stack: 'lab', key: 'local#', drift: [] },
  ]);
  const lxd = daemon(g, /^multipass lab-vm$/);

  it('every object read gets a state; an owned object no longer declared is added', () => {
    const states = nodesOf(lxd).map((n) => `${n.kind} ${n.name}: ${n.live?.status}`);
    expect(states).toEqual([
      'pool data: in sync',
      'network labbr0: in sync',
      'profile base: in sync',
      'instance web: changed',
      'instance db: missing',
      'instance old: undeclared',
    ]);
    expect(daemon(g, /^local$/).vms[0].live).toEqual({ status: 'in sync', differences: [] });
    expect((named(lxd, 'web') as GraphInstance).live!.differences).toEqual(['config limits.cpu is "2", declared "1"']);
  });

  it('the page shows each state in the picture and in a table', () => {
    const html = toHtml(g);
    for (const [name, status] of [
      ['web', 'changed'],
      ['db', 'missing'],
      ['old', 'undeclared'],
      ['base', 'in sync'],
    ]) {
      expect(html).toMatch(
        new RegExp(
          `<g class="node [^"]*status-${status.replace(' ', '-')}[^"]*" id="n\\d+" data-kind="\\w+" data-name="${name}"`,
        ),
      );
      expect(html).toMatch(new RegExp(`<td>${name}</td><td class="status">${status}</td>`));
    }
    expect(html).toContain('config limits.cpu is &quot;2&quot;, declared &quot;1&quot;');
  });
});

describe('Matchbox, nested hosts, clusters and stack links', () => {
  it('pxe-with-lxd: Matchbox in a container on the lab bridge; groups boot profiles; pxe depends on lab', () => {
    const g = buildGraph(synth((app) => buildPxeWithLxd(app)));
    expect(g.stacks).toEqual([
      { name: 'lab', dependencies: [] },
      { name: 'pxe', dependencies: ['lab'] },
    ]);
    const vm = daemon(g, /^multipass pxe-lab$/);
    const inside = daemon(g, /^instance matchbox on multipass pxe-lab$/);
    expect(inside.within).toEqual({ daemon: 'multipass:pxe-lab/lxd', instance: 'matchbox' });
    expect(vm.stacks).toEqual(['lab', 'pxe']);
    const [server] = inside.matchbox;
    expect(server).toMatchObject({
      path: 'pxe/server',
      endpoint: 'http://10.20.0.2:8080',
      dataDir: '/var/lib/matchbox',
      dhcp: { mode: 'proxy', interface: 'eth0' },
    });
    expect(server.groups.map((x) => [x.name, x.selector, x.profile])).toEqual([
      ['default', {}, 'flatcar-live'],
      ['node1', { mac: '52:54:00:20:00:11' }, 'flatcar-node1'],
    ]);
    const edges = edgesOf(g);
    expect(
      edges
        .filter((e) => e.kind === 'boots')
        .map((e) => [named(inside, 'default').id === e.from || named(inside, 'node1').id === e.from, e.to]),
    ).toEqual([
      [true, server.profiles[0].id],
      [true, server.profiles[1].id],
    ]);
    expect(edges).toContainEqual({ from: named(vm, 'matchbox').id, to: inside.id, kind: 'hosts' });
    // The lab's lease and the pxe stack's container on one bridge, in one plan.
    expect(
      vm.networks[0]
        .plan!.rows.filter((r) => r.kind === 'lease' || r.kind === 'reserved')
        .map((r) => `${r.start} ${r.label} ${r.mac ?? ''}`.trim()),
    ).toEqual(['10.20.0.2 matchbox eth0', '10.20.0.11 52:54:00:20:00:11 52:54:00:20:00:11']);
  });

  it('live: a Matchbox server is as its worst part (its dnsmasq missing); a group and a profile as drift reports them', () => {
    const stacks = synth((app) => buildPxeWithLxd(app));
    const key = 'multipass:pxe-lab/lxd/instance:matchbox/lxd';
    const drift = (name: string, status: 'missing' | 'changed', differences: string[]) => ({
      kind: 'record' as const,
      name,
      status,
      differences,
      repair: 'r',
    });
    const g = buildGraph(stacks, [
      {
        stack: 'pxe',
        key,
        drift: [
          drift('matchbox-dnsmasq:/var/lib/matchbox', 'missing', [
            'record matchbox-dnsmasq:/var/lib/matchbox does not exist',
          ]),
          drift('matchbox-group:/var/lib/matchbox/node1', 'changed', ['groups/node1.json differs']),
        ],
      },
    ]);
    const [server] = daemon(g, /^instance matchbox/).matchbox;
    expect(server.live).toEqual({
      status: 'missing',
      differences: ['matchbox-dnsmasq: record matchbox-dnsmasq:/var/lib/matchbox does not exist'],
    });
    expect(server.groups.map((x) => `${x.name} ${x.live?.status}`)).toEqual(['default in sync', 'node1 changed']);
    expect(server.profiles.map((x) => `${x.name} ${x.live?.status}`)).toEqual([
      'flatcar-live in sync',
      'flatcar-node1 in sync',
    ]);
  });

  it('only the pxe stack: the lab bridge is shown as referenced, with the subnet it was given', () => {
    const g = buildGraph(synth((app) => buildPxeWithLxd(app)).filter((s) => s.name === 'pxe'));
    const vm = daemon(g, /^multipass pxe-lab$/);
    expect(vm.networks).toEqual([
      expect.objectContaining({
        name: 'pxebr0',
        declared: false,
        cidr: '10.20.0.1/24',
        path: 'pxe/pxebr0',
        ranges: [],
      }),
    ]);
  });

  it('seed003: a full PXE DHCP read back from the rendered dnsmasq configuration', () => {
    const g = buildGraph(synth((app) => buildSeed003(app)));
    const [server] = daemon(g, /^ssh 192\.0\.2\.10:22$/).matchbox;
    expect(server.dhcp).toEqual({
      interface: 'eth1',
      mode: 'full',
      range: { start: '192.168.0.101', end: '192.168.0.200', netmask: '255.255.255.0' },
      router: '192.168.0.1',
      leases: [],
    });
    expect(server.groups.map((x) => [x.name, x.selector, x.profile])).toEqual([
      ['default', {}, 'coreos-install'],
      ['node1', { os: 'installed' }, 'simple'],
    ]);
    expect(
      pxeDhcpOf(
        'dhcp-range=10.0.0.10,10.0.0.20,255.255.255.0\ndhcp-host=52:54:00:00:00:01,10.0.0.5,n1\ndhcp-range=fd00::,ra-only',
      ),
    ).toMatchObject({
      range: { start: '10.0.0.10', end: '10.0.0.20' },
      leases: [{ mac: '52:54:00:00:00:01', ipv4Address: '10.0.0.5', hostname: 'n1' }],
    });
  });

  it('seed001: a cluster with its members, containers by the member they are placed on', () => {
    const g = buildGraph(
      synth((app) => {
        const stack = buildSeed001(app).cluster;
        // A container of the cluster without a target: LXD places it, the picture says so.
        const ubuntu02 = stack.node.findChild('ubuntu02') as Container;
        new Container(stack, 'unplaced', { host: ubuntu02.host, image: 'ubuntu:18.04' });
      }),
    );
    const cluster = g.daemons.find((d) => d.members)!;
    expect(cluster.members).toEqual(['node01', 'node02']);
    expect(cluster.instances.map((i) => [i.name, i.target])).toEqual([
      ['ubuntu02', 'node01'],
      ['unplaced', undefined],
    ]);
    const svg = toHtml(g);
    expect(svg).toContain('member node01');
    expect(svg).toContain('not placed');
    expect(svg).toContain('LXD cluster');
  });
});

describe('text forms', () => {
  const g = buildGraph(synth((app) => buildPxeWithLxd(app)));
  const ids = g.daemons.flatMap((d) => [d.id, ...nodesOf(d).map((n) => n.id)]);

  it('mermaid: a flowchart whose subgraphs close, whose links join defined nodes, labels quoted without quotes inside', () => {
    const text = toMermaid(g);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(lines.filter((l) => /^\s*subgraph /.test(l))).toHaveLength(lines.filter((l) => /^\s*end$/.test(l)).length);
    const defined = new Set(lines.map((l) => /^\s*(?:subgraph )?([a-z]\d+)[[({>]/.exec(l)?.[1]).filter(Boolean));
    for (const id of ids) expect(defined.has(id)).toBe(true);
    for (const l of lines.filter((x) => / (---|-->|-\.->) /.test(x))) {
      const [from, to] = [/^\s*(\w+)/.exec(l)![1], /(\w+)$/.exec(l)![1]];
      expect([defined.has(from), defined.has(to)]).toEqual([true, true]);
    }
    for (const l of lines.filter((x) => /^\s+n\d+/.test(x) && !/ (---|-->|-\.->) /.test(x)))
      expect(l).toMatch(/^\s+n\d+[[({>/]+"[^"]*"[\])}/]+$/);
    for (const text2 of [
      '10.20.0.1/24',
      '10.20.0.2',
      '52:54:00:20:00:11',
      'http://10.20.0.2:8080',
      'group node1',
      'profile flatcar-node1',
      'boots',
      'depends on',
    ])
      expect(text).toContain(text2);
  });

  it('dot: braces balance, every link joins declared nodes (graphviz itself runs in the browser e2e)', () => {
    const text = toDot(g);
    expect(text.startsWith('digraph lab {')).toBe(true);
    const unquoted = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect((unquoted.match(/{/g) ?? []).length).toBe((unquoted.match(/}/g) ?? []).length);
    const declared = new Set([...unquoted.matchAll(/^\s*(\w+) \[/gm)].map((m) => m[1]));
    for (const m of unquoted.matchAll(/^\s*(\w+) -> (\w+)/gm))
      expect([declared.has(m[1]), declared.has(m[2])]).toEqual([true, true]);
    for (const id of ids) expect(declared.has(id)).toBe(true);
  });
});

describe('parsers beside their formatters', () => {
  it('a dhcp-host= value reads back as the lease it was written from', () => {
    for (const lease of [
      { mac: '52:54:00:aa:bb:cc', ipv4Address: '10.0.0.5' },
      { mac: '52:54:00:aa:bb:cc', ipv4Address: '10.0.0.5', hostname: 'n1' },
      { hostname: 'printer', ipv4Address: '10.0.0.6' },
    ]) {
      expect(parseDhcpHostValue(dhcpHostValue(lease))).toEqual(lease);
    }
    expect(parseDhcpHostValue('set:tag,10.0.0.5')).toBeUndefined();
    expect(parseDhcpHostValue('id:01:02,10.0.0.5')).toBeUndefined();
  });

  it('ipv4.dhcp.ranges reads back as the ranges it was written from', () => {
    const ranges = [
      { start: '10.0.0.100', end: '10.0.0.199' },
      { start: '10.0.0.220', end: '10.0.0.230' },
    ];
    expect(parseRanges(formatRanges(ranges))).toEqual(ranges);
    expect(parseRanges('')).toEqual([]);
  });
});
