/**
 * The seed examples: each one synthesizes through `app.synth()` (so the app-wide validation
 * runs), and the seed's specifics are found in the Terraform JSON it writes.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from '../../constructs/core/cdk';
import { parse } from 'yaml';
import { Bridge, LabStack, LxdPreseed, SshHost } from '../../index';
import { tfUnescape } from '../helpers';
import { ValidationError } from '../../src/validation/errors';
import { buildSeed000 } from '../../examples/seed000-multipass-cloud-init';
import { buildSeed001 } from '../../examples/seed001-lvm-cluster';
import { buildSeed002 } from '../../examples/seed002-static-leases';
import { buildSeed004 } from '../../examples/seed004-shared-profile';

type Json = Record<string, any>;

/** Builds an app, synthesizes it to a temporary directory and returns the stacks' JSON by id. */
function synth(build: (app: App) => void): Record<string, Json> {
  const app = Testing.app();
  build(app);
  app.synth();
  const stacksDir = path.join(app.outdir, 'stacks');
  return Object.fromEntries(
    fs
      .readdirSync(stacksDir)
      .map((id) => [id, JSON.parse(fs.readFileSync(path.join(stacksDir, id, 'cdk.tf.json'), 'utf8'))]),
  );
}

/** The command resource of construct path `p` (e.g. `seed004/test/instance/converge`). */
function res(stack: Json, p: string): Json {
  const all = { ...stack.resource?.terraform_data, ...stack.resource?.null_resource } as Record<string, Json>;
  const found = Object.entries(all).find(([, r]) => r['//']?.metadata?.path === p);
  if (!found)
    throw new Error(
      `no resource at ${p}; have ${Object.values(all)
        .map((r) => r['//']?.metadata?.path)
        .join(', ')}`,
    );
  return found[1];
}

/** Terraform address of the resource at path `p`, as `depends_on` lists it. */
function address(stack: Json, p: string): string {
  const all = stack.resource.terraform_data as Record<string, Json>;
  return `terraform_data.${Object.keys(all).find((k) => all[k]['//'].metadata.path === p)}`;
}

const settingsOf = (stack: Json, p: string) => res(stack, `${p}/converge`).triggers_replace.settings;
const identityOf = (stack: Json, p: string) => res(stack, `${p}/object`).triggers_replace;
const scriptOf = (stack: Json, p: string): string =>
  res(stack, `${p}/converge`).provisioner[0]['local-exec'].environment.CDKTF_LAB_SCRIPT;

/** The text inside `${sensitive("...")}` (HCL string escapes are JSON's). */
function unsensitive(expr: string): string {
  const m = /^\$\{sensitive\("([\s\S]*)"\)\}$/.exec(expr);
  if (!m) throw new Error(`not a sensitive string: ${expr.slice(0, 60)}`);
  return JSON.parse(`"${m[1]}"`);
}

/** The YAML document of a `lxd init --preseed` script. */
function preseedOf(script: string): Json {
  const m = /lxd init --preseed <<'(CDKTF_EOF[_0-9]*)'\n([\s\S]*?)\n\1/.exec(script);
  if (!m) throw new Error('no preseed heredoc in the script');
  return parse(m[2]);
}

/** Runs the real `cloud-init schema` on user-data. */
function cloudInitSchema(userData: string): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed000-'));
  const file = path.join(dir, 'user-data.yaml');
  fs.writeFileSync(file, userData);
  const r = spawnSync('cloud-init', ['schema', '--config-file', file], { encoding: 'utf8' });
  return { status: r.error ? -1 : r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ?? ''}` };
}

describe('seed 000: multipass VM with LXD set up by cloud-init', () => {
  const stacks = synth((app) => {
    buildSeed000(app, { variant: 1 });
    buildSeed000(app, { variant: 2 });
  });
  const v1 = stacks['seed000-v1'];
  const v2 = stacks['seed000-v2'];
  const userData = (stack: Json): string =>
    identityOf(stack, `${stack['//'].metadata.stackName}/primary/vm`).userData.replace(/\$\$\{/g, '${');

  test('the VM is `multipass launch -n primary -c 2 -m 4G -d 100G`', () => {
    for (const stack of [v1, v2]) {
      const vm = identityOf(stack, `${stack['//'].metadata.stackName}/primary/vm`);
      expect(vm).toMatchObject({ kind: 'multipass-vm', name: 'primary', cpus: 2, memory: '4G', disk: '100G' });
    }
  });

  test.each([
    ['v1', 1],
    ['v2', 2],
  ])('%s user-data carries the seed settings', (_, variant) => {
    const text = userData(variant === 1 ? v1 : v2);
    expect(text.startsWith('#cloud-config\n')).toBe(true);
    expect(text).toContain('size: 80GB');
    const doc = parse(text);
    expect(doc).toMatchObject({
      locale: 'en_US.utf8',
      timezone: 'Asia/Tokyo',
      package_upgrade: true,
      package_reboot_if_required: true,
      apt: { primary: [{ arches: ['amd64', 'default'], uri: 'http://jp.archive.ubuntu.com/ubuntu/' }] },
    });
    expect(doc.runcmd).toBeUndefined();
    const preseed = parse(doc.lxd.preseed);
    expect(preseed.storage_pools).toEqual([{ name: 'default', driver: 'zfs', config: { size: '80GB' } }]);
    expect(preseed.profiles[0].devices).toEqual({
      root: { type: 'disk', path: '/', pool: 'default' },
      eth0: { type: 'nic', name: 'eth0', network: 'lxdbr0' },
    });
    const lxdbr0 = preseed.networks.find((n: Json) => n.name === 'lxdbr0');
    if (variant === 1) {
      // LXD picks the subnet (cloud-init's own lxd.bridge default would be no IPv4 at all).
      expect(lxdbr0.config).toEqual({ 'ipv4.address': 'auto', 'ipv4.nat': 'true', 'ipv6.address': 'none' });
    } else {
      expect(lxdbr0.config).toEqual({
        'ipv4.address': '192.168.255.1/24',
        'ipv4.nat': 'true',
        'ipv6.address': 'none',
        'dns.domain': 'my-lxd.test',
      });
    }
  });

  test.each([
    ['v1', 1],
    ['v2', 2],
  ])('%s user-data passes `cloud-init schema`', (_, variant) => {
    const r = cloudInitSchema(userData(variant === 1 ? v1 : v2));
    expect(r.output).toContain('Valid cloud-config');
    expect(r.status).toBe(0);
  });

  test('v2 creates u1 (ubuntu:18.04) at 192.168.255.2 on lxdbr0, after cloud-init', () => {
    expect(identityOf(v2, 'seed000-v2/u1/instance')).toMatchObject({
      kind: 'lxd-container',
      name: 'u1',
      image: 'ubuntu:18.04',
    });
    expect(settingsOf(v2, 'seed000-v2/u1/instance').devices).toEqual({
      eth0: { type: 'nic', network: 'lxdbr0', name: 'eth0', 'ipv4.address': '192.168.255.2' },
    });
    // The bridge is the one cloud-init made: no network resource; u1 waits for the launched VM.
    expect(() => res(v2, 'seed000-v2/lxdbr0/network/object')).toThrow();
    expect(res(v2, 'seed000-v2/u1/instance/object').depends_on).toContain(
      address(v2, 'seed000-v2/primary/vm/converge'),
    );
    expect(scriptOf(v2, 'seed000-v2/u1/instance')).toContain('lxc init ubuntu:18.04 u1 -p default');
  });

  test('v1 has no container', () => {
    expect(() => res(v1, 'seed000-v1/u1/instance/object')).toThrow();
  });
});

describe('seed 001: LVM pool, DHCP ranges, proxy, remote access and a two-node cluster', () => {
  const stacks = synth((app) => buildSeed001(app));
  const solo = stacks['seed001-standalone'];
  const cluster = stacks['seed001-cluster'];

  test('lxc storage create lxd_vol01 lvm source=/dev/sdc1 lvm.thinpool_name=lxd_thin_vol01', () => {
    expect(identityOf(solo, 'seed001-standalone/lxd_vol01/pool')).toEqual({
      kind: 'lxd-storage-pool',
      name: 'lxd_vol01',
      driver: 'lvm',
      daemon: 'ssh:192.168.10.170:22/lxd',
      config: { source: '/dev/sdc1', 'lvm.thinpool_name': 'lxd_thin_vol01' },
    });
    // Protected: its destroy step refuses to delete it (see the lifecycle program's destroyDecision).
    expect(res(solo, 'seed001-standalone/lxd_vol01/pool/object').input.protect).toBe(true);
    expect(scriptOf(solo, 'seed001-standalone/lxd_vol01/pool')).toContain('"lvm.thinpool_name":"lxd_thin_vol01"');
    // lxc profile device add default root disk path=/ pool=lxd_vol01
    expect(settingsOf(solo, 'seed001-standalone/default-profile/profile').devices.root).toEqual({
      type: 'disk',
      path: '/',
      pool: 'lxd_vol01',
    });
  });

  test('lxdbr0 has the two DHCP ranges the seed meant', () => {
    expect(settingsOf(solo, 'seed001-standalone/lxdbr0/network').config).toMatchObject({
      'ipv4.address': '10.154.195.1/24',
      'ipv4.dhcp.ranges': '10.154.195.10-10.154.195.20,10.154.195.110-10.154.195.120',
      'ipv6.address': 'none',
    });
  });

  test('ubuntu01 has the port8443 proxy device', () => {
    const settings = settingsOf(solo, 'seed001-standalone/ubuntu01/instance');
    expect(settings.devices.port8443).toEqual({
      type: 'proxy',
      listen: 'tcp:0.0.0.0:18443',
      connect: 'tcp:127.0.0.1:8443',
    });
    expect(settings.profiles).toEqual(['default']);
  });

  test('remote access on both hosts, the trust password from a sensitive variable', () => {
    expect(solo.variable.trust_password).toMatchObject({ type: 'string', sensitive: true });
    expect(solo.variable.trust_password.default).toBeUndefined();
    for (const [host, address] of [
      ['lxd01', '192.168.10.170'],
      ['lxd02', '192.168.10.180'],
    ]) {
      const converge = res(solo, `seed001-standalone/${host}-remote/preseed/converge`);
      expect(converge.provisioner[0]['local-exec'].command).toContain(`vagrant@${address}`);
      const doc = preseedOf(unsensitive(scriptOf(solo, `seed001-standalone/${host}-remote/preseed`)));
      expect(doc.config).toEqual({
        'core.https_address': '[::]:8443',
        'core.trust_password': '${jsonencode(var.trust_password)}',
      });
      expect(converge.triggers_replace.settings).toMatch(/^\$\{sensitive\(/);
    }
  });

  test('on LXD 6.1+: no trust password anywhere, remote access by address alone; the hosts declare the version', () => {
    const six = synth((app) => buildSeed001(app, { lxdVersion: '6.1' }))['seed001-standalone'];
    expect(six.variable?.trust_password).toBeUndefined();
    for (const host of ['lxd01', 'lxd02']) {
      const script = scriptOf(six, `seed001-standalone/${host}-remote/preseed`);
      expect(script).not.toMatch(/sensitive|trust_password|server_version/);
      expect(preseedOf(tfUnescape(script)).config).toEqual({ 'core.https_address': '[::]:8443' });
    }
    // The seed's password on a host that declares LXD 6.1 is refused at synth.
    expect(() =>
      synth((app) => {
        const stack = new LabStack(app, 'x');
        new LxdPreseed(stack, 'p', {
          host: new SshHost(stack, 'h', { address: '10.0.0.5', minLxdVersion: '6.1' }),
          preseed: { config: { 'core.trust_password': 'pw' } },
        });
      }),
    ).toThrow(/\[x\/p\] preseed\.config\.core\.trust_password = "\(secret\)": the host runs LXD 6\.1 or later/);
  });

  test("moveUbuntu01: the seed's lxc move ubuntu01 lxd02:, taken from lxd01 by trust token once both APIs listen", () => {
    const moved = synth((app) => buildSeed001(app, { lxdVersion: '6.8', moveUbuntu01: true }))['seed001-standalone'];
    expect(moved.variable.trust_token).toMatchObject({ type: 'string', sensitive: true });
    const converge = res(moved, 'seed001-standalone/ubuntu01/instance/converge');
    expect(converge.provisioner[0]['local-exec'].command).toContain('vagrant@192.168.10.180');
    const script = unsensitive(scriptOf(moved, 'seed001-standalone/ubuntu01/instance'));
    expect(script).toContain("token='${var.trust_token}'");
    expect(script).toContain(
      'lxc remote add cdktf-192-168-10-170-8443 https://192.168.10.170:8443 --accept-certificate',
    );
    expect(script).toContain('lxc move cdktf-192-168-10-170-8443:ubuntu01 ubuntu01 --quiet');
    expect(script).toContain('"profiles":["default"]'); // lxd02's own default profile
    const deps: string[] = res(moved, 'seed001-standalone/ubuntu01/instance/object').depends_on;
    expect(deps).toEqual(
      expect.arrayContaining(
        ['lxd01', 'lxd02'].map((h) => address(moved, `seed001-standalone/${h}-remote/preseed/converge`)),
      ),
    );
  });

  test('node01 bootstraps the cluster, node02 joins it with a token asked for at deploy time', () => {
    const boot = scriptOf(cluster, 'seed001-cluster/cluster/bootstrap');
    expect(boot).toContain('core.https_address: 192.168.10.171:8443');
    expect(boot).toMatch(/cluster:\n {2}server_name: node01\n {2}enabled: true/);
    expect(res(cluster, 'seed001-cluster/cluster/bootstrap/converge').provisioner[0]['local-exec'].command).toContain(
      'vagrant@192.168.10.171',
    );
    // The join runs on the deploying machine: the token goes from node01's runner into node02's.
    const join = scriptOf(cluster, 'seed001-cluster/cluster/member-node02');
    expect(join).toContain('lxc cluster add node02 --quiet');
    expect(join).toContain('vagrant@192.168.10.181');
    expect(join).toContain('192.168.10.171:8443');
    expect(res(cluster, 'seed001-cluster/cluster/member-node02/object').depends_on).toContain(
      address(cluster, 'seed001-cluster/cluster/bootstrap/converge'),
    );
    // No password or certificate variables any more.
    expect(cluster.variable).toBeUndefined();
  });

  test('the btrfs pool and the bridge are defined on each member, then cluster-wide, after the join', () => {
    const pool = scriptOf(cluster, 'seed001-cluster/default/pool');
    expect(pool).toContain('lxc storage create default btrfs --target node01 >/dev/null');
    expect(pool).toContain('lxc storage create default btrfs --target node02 >/dev/null');
    expect(pool.indexOf('--target node02')).toBeLessThan(
      pool.indexOf("lxc storage create default btrfs 'user.cdktf.managed-keys="),
    );
    expect(res(cluster, 'seed001-cluster/default/pool/object').input.protect).toBe(true);
    expect(res(cluster, 'seed001-cluster/default/pool/object').depends_on).toContain(
      address(cluster, 'seed001-cluster/cluster/membership/converge'),
    );
    const net = scriptOf(cluster, 'seed001-cluster/clusterbr0/network');
    expect(net).toContain('lxc network create clusterbr0 --target node01 >/dev/null');
    expect(net).toContain('lxc network create clusterbr0 --target node02 >/dev/null');
    expect(net).toContain('ipv4.address=172.16.0.1/24');
    expect(settingsOf(cluster, 'seed001-cluster/cluster-profile/profile').devices).toEqual({
      root: { type: 'disk', path: '/', pool: 'default' },
      eth0: { type: 'nic', network: 'clusterbr0', name: 'eth0' },
    });
  });

  test('ubuntu02 is created on node01; another target moves it (a converge, not a replacement)', () => {
    expect(scriptOf(cluster, 'seed001-cluster/ubuntu02/instance')).toContain(
      'lxc init ubuntu:18.04 ubuntu02 -p cluster --target node01 -c user.cdktf.owner=seed001-cluster -c user.cdktf.path=seed001-cluster/ubuntu02 >/dev/null',
    );
    expect(settingsOf(cluster, 'seed001-cluster/ubuntu02/instance').target).toBe('node01');
    const moved = synth((app) => buildSeed001(app, { clusterTarget: 'node02' }))['seed001-cluster'];
    expect(identityOf(moved, 'seed001-cluster/ubuntu02/instance')).toEqual(
      identityOf(cluster, 'seed001-cluster/ubuntu02/instance'),
    );
    expect(settingsOf(moved, 'seed001-cluster/ubuntu02/instance').target).toBe('node02');
    expect(scriptOf(moved, 'seed001-cluster/ubuntu02/instance')).toContain(
      'lxc move ubuntu02 --target node02 --stateless --quiet; else lxc move ubuntu02 --target node02 --quiet; fi',
    );
  });

  test('no secret is written as a literal', () => {
    const text = JSON.stringify(cluster) + JSON.stringify(solo);
    // Every occurrence reads the variable (in the script, or JSON-escaped in the settings).
    const fromVariable =
      /(trust|cluster)_password: (?!\$\{jsonencode\(var\.|\$\{replace\(jsonencode\(jsonencode\(var\.)/;
    expect(text).toMatch(/trust_password: /);
    expect(text).not.toMatch(fromVariable);
  });
});

describe('seed 002: fixed addresses for cent01 and cent02', () => {
  // The two variants are alternatives for one machine (both manage lxdbr0): one app each.
  const stacks = {
    ...synth((app) => buildSeed002(app, { variant: 'leases' })),
    ...synth((app) => buildSeed002(app, { variant: 'containers' })),
  };
  const leases = stacks['seed002-leases'];
  const containers = stacks['seed002-containers'];

  test("leases: the seed's dhcp-host lines are in the bridge's raw.dnsmasq", () => {
    const config = settingsOf(leases, 'seed002-leases/lxdbr0/network').config;
    expect(config).toMatchObject({
      'ipv4.address': '10.64.177.1/24',
      'ipv4.dhcp.ranges': '10.64.177.2-10.64.177.99',
      'raw.dnsmasq': 'dhcp-host=cent01,10.64.177.101\ndhcp-host=cent02,10.64.177.102',
    });
    expect(scriptOf(leases, 'seed002-leases/lxdbr0/network')).toContain(
      'dhcp-host=cent01,10.64.177.101\\ndhcp-host=cent02,10.64.177.102',
    );
    // On the deploying machine (LocalHost).
    expect(res(leases, 'seed002-leases/lxdbr0/network/converge').provisioner[0]['local-exec'].command).toMatch(
      /\| sh -s$/,
    );
  });

  test('containers: cent01 and cent02 get LXD reservations from their NICs', () => {
    expect(settingsOf(containers, 'seed002-containers/lxdbr0/network').config['raw.dnsmasq']).toBeUndefined();
    for (const [name, ip] of [
      ['cent01', '10.64.177.101'],
      ['cent02', '10.64.177.102'],
    ]) {
      expect(identityOf(containers, `seed002-containers/${name}/instance`)).toMatchObject({
        name,
        image: 'images:almalinux/9',
      });
      expect(settingsOf(containers, `seed002-containers/${name}/instance`).devices.eth0).toEqual({
        type: 'nic',
        network: 'lxdbr0',
        name: 'eth0',
        'ipv4.address': ip,
      });
    }
  });

  test('a hostname lease and a container on the same address are rejected', () => {
    const app = Testing.app();
    const stack = buildSeed002(app, { variant: 'containers' });
    (stack.node.findChild('lxdbr0') as Bridge).addStaticLease({ hostname: 'cent01', ipv4Address: '10.64.177.101' });
    expect(() => app.synth()).toThrow(ValidationError);
  });
});

describe('seed 004: privileged share-host profile, the container test, published and relaunched as test2', () => {
  const stack = synth((app) => buildSeed004(app)).seed004;

  test("share-host: security.privileged and the two host paths, by the seed's device names", () => {
    const settings = settingsOf(stack, 'seed004/share-host/profile');
    // and the labels of ownership that every object of the cli rendering carries
    expect(settings.config).toEqual({
      'security.privileged': 'true',
      'user.cdktf.owner': 'seed004',
      'user.cdktf.path': 'seed004/share-host',
    });
    expect(settings.devices).toEqual({
      '/etc/apt/': { type: 'disk', source: '/etc/apt/', path: '/etc/apt/' },
      '/var/cache/apt/': { type: 'disk', source: '/var/cache/apt/', path: '/var/cache/apt/' },
    });
  });

  test('test uses default then share-host, the pool default and the host bridge br0', () => {
    const settings = settingsOf(stack, 'seed004/test/instance');
    expect(settings.profiles).toEqual(['default', 'share-host']);
    expect(settings.devices).toEqual({
      root: { type: 'disk', path: '/', pool: 'default' },
      eth0: { type: 'nic', nictype: 'bridged', parent: 'br0', name: 'eth0' },
    });
    expect(identityOf(stack, 'seed004/test/instance')).toMatchObject({ image: 'ubuntu:16.04', storagePool: 'default' });
    expect(scriptOf(stack, 'seed004/test/instance')).toContain(
      'lxc init ubuntu:16.04 test -p default -p share-host -s default',
    );
    expect(res(stack, 'seed004/test/instance/object').depends_on).toContain(
      address(stack, 'seed004/share-host/profile/converge'),
    );
  });

  test('test is published as the image test (public), once; test2 is launched from it', () => {
    const publish = scriptOf(stack, 'seed004/test-image/image');
    expect(publish).toContain('lxc publish test --force --alias test --public ');
    expect(settingsOf(stack, 'seed004/test-image/image')).toMatchObject({ rebuild: '1', public: true });
    expect(res(stack, 'seed004/test-image/image/object').depends_on).toContain(
      address(stack, 'seed004/test/instance/converge'),
    );
    expect(identityOf(stack, 'seed004/test2/instance')).toMatchObject({ image: 'test', storagePool: 'default' });
    expect(settingsOf(stack, 'seed004/test2/instance').profiles).toEqual(['share-host', 'default']);
    expect(scriptOf(stack, 'seed004/test2/instance')).toContain(
      'lxc init test test2 -p share-host -p default -s default',
    );
    expect(res(stack, 'seed004/test2/instance/object').depends_on).toContain(
      address(stack, 'seed004/test-image/image/converge'),
    );
  });

  test('the existing default pool and profile are referenced, not managed', () => {
    expect(() => res(stack, 'seed004/default-pool/pool/object')).toThrow();
    expect(() => res(stack, 'seed004/default-profile/profile/object')).toThrow();
  });
});
