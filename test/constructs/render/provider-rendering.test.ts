/**
 * Provider rendering: the same constructs emit native terraform-lxd/lxd, poseidon/matchbox and
 * larstobi/multipass resources, checked resource by resource against the provider schemas
 * (terraform validate cannot run here: the providers cannot be downloaded).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { App } from '../../../constructs/core/cdk';
import { buildSeed000Provider } from '../../../examples/provider-seed000';
import { buildSeed002 } from '../../../examples/seed002-static-leases';
import { buildSeed003 } from '../../../examples/seed003-matchbox';
import {
  Bridge,
  Container,
  LabStack,
  LabStackProps,
  LocalHost,
  LxdPreseed,
  MatchboxGroup,
  MatchboxProfile,
  MatchboxServer,
  Profile,
  SshHost,
  StoragePool,
} from '../../../index';
import { checkAgainstSchemas, formatIssue, schemaFilesForConfig } from '../../support/provider-schema-check';

type Json = Record<string, any>;

/** Synthesizes `build` into a fresh app and returns every stack's JSON by stack name. */
function synth(build: (app: App) => void): Record<string, Json> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  const stacks = fs.readdirSync(path.join(outdir, 'stacks'));
  return Object.fromEntries(
    stacks.map((s) => [s, JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8'))]),
  );
}

const schemaIssues = (json: Json) => checkAgainstSchemas(json, schemaFilesForConfig(json)).map(formatIssue);
const resources = (json: Json, type: string): Json[] => Object.values(json.resource?.[type] ?? {});
const byName = (json: Json, type: string, name: string): Json => {
  const found = resources(json, type).find((r) => r.name === name);
  if (!found) throw new Error(`no ${type} named ${name}`);
  return found;
};

/** One environment, declared once, rendered as `props` asks. */
function lab(app: App, id: string, props: LabStackProps): LabStack {
  const stack = new LabStack(app, id, props);
  const host = new SshHost(stack, 'host', {
    address: '10.0.0.5',
    lxdRemote: { address: 'https://10.0.0.5:8443', trustToken: 'token' },
  });
  const pool = new StoragePool(stack, 'data', { host, driver: 'btrfs', size: '20GiB' });
  const bridge = new Bridge(stack, 'labbr0', {
    host,
    ipv4Address: '10.10.10.1/24',
    ipv6Address: 'none',
    dnsDomain: 'lab.test',
    ipv4DhcpRanges: [{ start: '10.10.10.100', end: '10.10.10.199' }],
  });
  bridge.addStaticLease({ hostname: 'printer', ipv4Address: '10.10.10.250' });
  const base = new Profile(stack, 'base', {
    host,
    rootPool: pool,
    network: bridge,
    config: { 'boot.autostart': 'true' },
  });
  new Container(stack, 'web', {
    host,
    image: 'ubuntu:22.04',
    profiles: [base],
    limits: { cpu: 2, memory: '1GiB' },
    nesting: true,
    nics: [{ bridge, ipv4Address: '10.10.10.10' }],
    proxies: { http: { listen: 'tcp:127.0.0.1:8080', connect: 'tcp:127.0.0.1:80' } },
    disks: { data: { source: '/srv/data', path: '/data' } },
  });
  return stack;
}

describe('provider rendering examples pass the provider schemas', () => {
  const cases: [string, (app: App) => void, string[]][] = [
    ['seed 000 (host stack + LXD stack)', (app) => buildSeed000Provider(app), ['seed000-host', 'seed000-lxd']],
    [
      'seed 002 leases',
      (app) => buildSeed002(app, { variant: 'leases', rendering: 'provider' }),
      ['seed002-leases-provider'],
    ],
    [
      'seed 002 containers',
      (app) => buildSeed002(app, { variant: 'containers', rendering: 'provider' }),
      ['seed002-containers-provider'],
    ],
    [
      'seed 003 profiles and groups',
      (app) => buildSeed003(app, { rendering: 'provider' }),
      ['seed003', 'seed003-data'],
    ],
    ['a full lab, provider v3', (app) => lab(app, 'v3', { rendering: 'provider' }), ['v3']],
    [
      'a full lab, provider v2.7.1',
      (app) => lab(app, 'v2', { rendering: 'provider', lxdProviderVersion: 'v2' }),
      ['v2'],
    ],
  ];
  it.each(cases)('%s', (_name, build, stackNames) => {
    const stacks = synth(build);
    expect(Object.keys(stacks).sort()).toEqual([...stackNames].sort());
    for (const name of stackNames) expect(schemaIssues(stacks[name])).toEqual([]);
  });

  it('emits the native resources, with provider-specific parts where they belong', () => {
    const s = synth((app) => {
      buildSeed000Provider(app);
      buildSeed002(app, { variant: 'leases', rendering: 'provider' });
      buildSeed003(app, { rendering: 'provider' });
    });
    expect(resources(s['seed000-host'], 'multipass_instance')[0]).toMatchObject({
      name: 'primary',
      cpus: 2,
      memory: '4G',
      disk: '100G',
    });
    expect(resources(s['seed000-host'], 'multipass_instance')[0].cloudinit_file).toMatch(/^assets\/.*primary\.yaml$/);
    expect(byName(s['seed000-lxd'], 'lxd_instance', 'u1')).toMatchObject({
      wait_for_network: true,
      remote: 'multipass-primary',
    });
    expect(s['seed000-lxd'].provider.lxd[0].remote[0].address).toContain('terraform_remote_state');
    expect(byName(s['seed002-leases-provider'], 'lxd_network', 'lxdbr0').config['raw.dnsmasq']).toBe(
      'dhcp-host=cent01,10.64.177.101\ndhcp-host=cent02,10.64.177.102',
    );
    expect(s['seed002-leases-provider'].provider.lxd[0].remote[0]).toEqual({ name: 'local', address: 'unix://' });
    expect(byName(s['seed003-data'], 'matchbox_group', 'node1')).toMatchObject({
      profile: 'simple',
      selector: { os: 'installed' },
    });
    expect(JSON.parse(byName(s['seed003-data'], 'matchbox_profile', 'simple').generic_config).ignition.version).toMatch(
      /^3\./,
    );
    expect(s['seed003-data'].provider.matchbox[0].endpoint).toBe('192.0.2.10:8081');
  });

  it("seed 000 on LXD 6.1+: no trust password; the VM trusts the provider's client certificate at first boot", () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIBszCCATigAwIBAgIUb3+/\nZm9vYmFy==\n-----END CERTIFICATE-----\n';
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-'));
    const app = new App({ outdir });
    buildSeed000Provider(app, { lxdVersion: '6.1', clientCertificate: pem });
    app.synth();
    const stack = (name: string): Json =>
      JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
    for (const name of ['seed000-host', 'seed000-lxd']) expect(schemaIssues(stack(name))).toEqual([]);
    const remote = stack('seed000-lxd').provider.lxd[0].remote[0];
    expect(remote).toMatchObject({ scheme: 'https', port: '8443' });
    expect(Object.keys(remote).sort()).toEqual(['address', 'name', 'port', 'scheme']);
    const assets = path.join(outdir, 'stacks', 'seed000-host', 'assets');
    const file = fs
      .readdirSync(assets, { recursive: true, withFileTypes: true })
      .find((e) => e.isFile() && e.name.endsWith('.yaml'))!;
    const userData = fs.readFileSync(path.join(file.parentPath, file.name), 'utf8');
    expect(userData).not.toMatch(/trust_password/);
    const runcmd = (parse(userData) as Json).runcmd;
    expect(runcmd).toEqual([
      [
        'sh',
        '-c',
        'PATH="$PATH:/snap/bin" exec lxc "$@"',
        'lxc',
        'query',
        '-X',
        'POST',
        '/1.0/certificates',
        '--wait',
        '--data',
        JSON.stringify({ type: 'client', name: 'terraform', certificate: 'MIIBszCCATigAwIBAgIUb3+/Zm9vYmFy==' }),
      ],
    ]);
    const schema = spawnSync('cloud-init', ['schema', '--config-file', path.join(file.parentPath, file.name)], {
      encoding: 'utf8',
    });
    expect(`${schema.stdout}${schema.stderr}`).toContain('Valid cloud-config');
    // The seed's password on LXD 6.1 is refused at synth (the VM declares its version).
    expect(() => buildSeed000Provider(new App({ outdir }), { lxdVersion: '6.8', trustPassword: 'pw' })).toThrow(
      /\[seed000-host\/primary\] cloudConfig\.lxd\.init\.trustPassword = "\(secret\)"/,
    );
  });

  it('puts limits in config for v3 and in the limits map for v2', () => {
    const v3 = byName(synth((app) => lab(app, 'v3', { rendering: 'provider' })).v3, 'lxd_instance', 'web');
    const v2 = byName(
      synth((app) => lab(app, 'v2', { rendering: 'provider', lxdProviderVersion: 'v2' })).v2,
      'lxd_instance',
      'web',
    );
    expect(v3.config).toMatchObject({ 'limits.cpu': '2', 'limits.memory': '1GiB', 'security.nesting': 'true' });
    expect(v3.limits).toBeUndefined();
    expect(v2.limits).toEqual({ cpu: '2', memory: '1GiB' });
    expect(v2.config).toEqual({ 'security.nesting': 'true' });
  });
});

describe('the same construct code renders the same desired state both ways', () => {
  const cli = synth((app) => lab(app, 'cli', {})).cli;
  const provider = synth((app) => lab(app, 'provider', { rendering: 'provider' })).provider;
  /** The desired settings of a cli object, from its converge resource's triggers. */
  const cliSettings = (id: string) =>
    Object.entries(cli.resource.terraform_data as Json).find(
      ([key]) => key.startsWith(`${id}_`) && key.includes('_converge_'),
    )![1].triggers_replace.settings;
  const devicesOf = (blocks: Json[]) =>
    Object.fromEntries(blocks.map((d) => [d.name, { type: d.type, ...d.properties }]));
  /**
   * The cli config less the ownership keys (the cli rendering labels each object for prune and
   * drift; a native resource needs no label: Terraform removes it when its block goes).
   */
  const cliConfig = (id: string, name: string) => {
    const config: Json = cliSettings(id).config;
    expect(config).toMatchObject({ 'user.cdktf.owner': 'cli', 'user.cdktf.path': `cli/${name}` });
    return Object.fromEntries(Object.entries(config).filter(([k]) => !k.startsWith('user.cdktf.')));
  };
  const noOwnership = (config: Json) =>
    expect(Object.keys(config ?? {}).filter((k) => k.startsWith('user.cdktf.'))).toEqual([]);

  it('containers: name, image, profiles, config and devices', () => {
    const p = byName(provider, 'lxd_instance', 'web');
    const c = cliSettings('web');
    expect(p.profiles).toEqual(c.profiles);
    expect(p.config).toEqual(cliConfig('web', 'web'));
    noOwnership(p.config);
    expect(devicesOf(p.device)).toEqual(c.devices);
    expect(p.running).toBe(c.state === 'running');
    expect(p.image).toBe('ubuntu:22.04');
  });

  it('bridges (with leases), profiles and pools', () => {
    const network = byName(provider, 'lxd_network', 'labbr0');
    expect(network.config).toEqual(cliConfig('labbr0', 'labbr0'));
    const profile = byName(provider, 'lxd_profile', 'base');
    expect(profile.config).toEqual(cliConfig('base', 'base'));
    expect(devicesOf(profile.device)).toEqual(cliSettings('base').devices);
    const pool = byName(provider, 'lxd_storage_pool', 'data');
    expect(pool).toMatchObject({ driver: 'btrfs', config: cliConfig('data', 'data') });
    for (const r of [network, profile, pool]) noOwnership(r.config);
  });
});

describe('what the providers cannot express stays on the cli rendering', () => {
  it('preseeds and the default profile fall back to local-exec; a host without an API is an error', () => {
    const stacks = synth((app) => {
      const stack = new LabStack(app, 'fallback', { rendering: 'provider' });
      const host = new LocalHost(stack, 'host');
      new LxdPreseed(stack, 'init', { host, preseed: { config: { 'core.https_address': '[::]:8443' } } });
      new Profile(stack, 'default', { host, config: { 'limits.cpu': '1' } });
    });
    expect(Object.keys(stacks.fallback.resource)).toEqual(['terraform_data']);

    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'provider-')) });
    const stack = new LabStack(app, 'nohost', { rendering: 'provider' });
    const host = new SshHost(stack, 'host', { address: '10.0.0.5' });
    expect(() => new Bridge(stack, 'br', { host })).toThrow(/\[nohost\/br\] host = "nohost\/host".*lxdRemote/);
  });

  it('rejects matchbox metadata the provider cannot carry', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'provider-')) });
    const stack = new LabStack(app, 'mb', { rendering: 'provider' });
    const host = new LocalHost(stack, 'host');
    const server = new MatchboxServer(stack, 'matchbox', { host, address: '10.0.0.1', sha256: '0'.repeat(64) });
    const profile = new MatchboxProfile(stack, 'p', { server, kernel: '/assets/vmlinuz' });
    expect(() => new MatchboxGroup(stack, 'g', { profile, metadata: { disks: ['sda'] } })).toThrow(
      /\[mb\/g\] metadata.disks = \["sda"\].*strings only/,
    );
  });
});
