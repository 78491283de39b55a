/**
 * Hostile strings: every string property that reaches a command is either rejected by validation
 * or arrives as literal data. The rendered scripts are executed with `sh` through the very
 * local-exec command line that was synthesized, against fake lxc/lxd/multipass/ssh/sudo.
 */
import { runnerOf } from '../../constructs/core/host';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { App, Testing } from '../../constructs/core/cdk';
import {
  Bridge,
  CloudConfig,
  Container,
  LabStack,
  LocalHost,
  LxdPreseed,
  MultipassVm,
  PreseedDocument,
  Profile,
  renderPreseed,
  SshHost,
  StoragePool,
} from '../../index';
import { IHost } from '../../constructs/core/host';
import { tfLiteral } from '../../constructs/core/managed-object';
import { execCommand } from '../../src/hosts/runner';
import {
  Call,
  Json,
  localExec,
  queryData,
  resourceBy,
  Sandbox,
  synthJson,
  tfUnescape,
  tmpDir,
  validationErrorOf,
} from '../helpers';

/** Pieces that would run a command, expand, split, glob or break quoting if anything re-parsed them. */
const PIECES = [
  `it's "quoted"`,
  '$(touch canary-sub)',
  '`touch canary-bt`',
  '; touch canary-semi',
  '&& touch canary-and ||',
  'l1\ntouch canary-nl\nl3',
  "'; touch canary-sq; echo '",
  '"; touch canary-dq; echo "',
  '}\ntouch canary-brace\n{',
  'two  spaces\ttab',
  '* /etc/* ?',
  'ünïcødé ☃ 日本語',
  '${HOME} %{ if true }tpl%{ endif } $${lit} %%{x}',
  'back\\slash \\n \\\\',
  'CDKTF_EOF',
  '<<EOF >/tmp/x | cat',
];
/** All pieces in one value, starting with a dash. */
const H = `--force -rf ${PIECES.join(' ')}`;
/** A hostile value without whitespace (for fields that reject whitespace). */
const H1 = '$(touch${IFS}canary-w)`touch${IFS}canary-w2`;\'"*${HOME}%{x}';

/**
 * `lxc config show` of an instance that has drifted, as LXD 5.0.2 writes it (keys set by hand with
 * `lxc config set`/`lxc config device add` on a real daemon); the first three devices are names LXD
 * refuses today, in the form its YAML would take, so that no name is ever trusted to be tame.
 */
const SHOWN = `architecture: x86_64
config:
  image.os: Alpine
  limits.cpu: "1"
  user.$(touch canary-old): x
  user.*: "y"
  user.\`touch canary-old2\`: z
  user.a b;touch canary-sp: w
  user.cdktf.owner: lab
  user.col:on: v
  user.evil: old
  'user.k: $(touch canary-q)''s': v
  user.ml: |-
    a
      user.x: $(touch canary-ml)
    b
  volatile.eth0.hwaddr: 00:16:3e:5c:1d:01
  volatile.idmap.next: '[{"Isuid":true,"Isgid":false,"Hostid":100000,"Nsid":0,"Maprange":65536}]'
devices:
  $(touch canary-dev):
    type: none
  '*':
    type: none
  "1":
    path: /m9
    source: /tmp
    type: disk
  '\`touch canary-dev2\`':
    type: none
  c:d:
    path: /m1
    source: /tmp
    type: disk
  eth0:
    name: eth0
    network: br
    type: nic
  "on":
    path: /m2
    source: /tmp
    type: disk
  user.evil:
    path: /m3
    source: /tmp
    type: disk
ephemeral: false
profiles:
- prof
stateful: false
description: ""
`;

const sandbox = new Sandbox();
afterEach(() => {
  expect(sandbox.canaries()).toEqual([]);
});

/** The converge and destroy scripts and command lines of a managed object, as Terraform would run them. */
function scriptsOf(
  json: Json,
  prefix: string,
): { command: string; converge: string; destroyCommand?: string; destroy?: string; env: Json } {
  const conv = localExec(resourceBy(json, `${prefix}_converge`));
  const obj = resourceBy(json, `${prefix}_object`);
  const env = Object.fromEntries(
    Object.entries(conv.environment as Json).map(([k, v]) => [k, tfUnescape(v as string)]),
  );
  const out: ReturnType<typeof scriptsOf> = { command: tfUnescape(conv.command), converge: env.CDKTF_LAB_SCRIPT, env };
  if (obj.provisioner) {
    // The destroy step (the lifecycle program) runs the script stored in the state through the runner stored there.
    const d = localExec(obj, 'destroy');
    expect(d.environment).toMatchObject({
      CDKTF_LAB_SCRIPT: '${self.input.destroy}',
      CDKTF_LAB_IDENTITY: '${jsonencode(self.triggers_replace)}',
    });
    expect(d.environment.CDKTF_LAB_RUNNER).toMatch(/^\$\{try\(self\.input\.runner, ".*"\)\}$/);
    out.destroyCommand = `printf '%s\\n' "$CDKTF_LAB_SCRIPT" | ${tfUnescape(obj.input.runner)}`;
    out.destroy = tfUnescape(obj.input.destroy);
  }
  return out;
}

/** Runs a converge (or destroy) script and returns the logged calls; fails on a non-zero exit. */
function run(command: string, text: string, extra: Record<string, string> = {}): Call[] {
  const r = sandbox.run(command, text, extra);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return sandbox.calls();
}

/** Only the `lxc`/`lxd` calls (drops the runner's own ssh/multipass/sudo hops). */
const lxdCalls = (calls: Call[]) => calls.filter((c) => c.argv[0] === 'lxc' || c.argv[0] === 'lxd');

/** Declares one of each LXD object with hostile values on `host`. */
function hostileObjects(stack: LabStack, host: IHost) {
  const pool = new StoragePool(stack, 'data', {
    host,
    driver: 'dir',
    name: 'pool',
    source: `/srv/${H}`,
    description: H,
    config: { 'user.evil': H },
  });
  const bridge = new Bridge(stack, 'br', {
    host,
    ipv4Address: '10.0.0.1/24',
    rawDnsmasq: H,
    description: H,
    config: { 'user.evil': H },
  });
  bridge.addStaticLease({ hostname: 'printer', ipv4Address: '10.0.0.250' });
  const profile = new Profile(stack, 'prof', {
    host,
    config: { 'user.evil': H },
    description: H,
    devices: { evil: { type: 'disk', source: `/srv/${H}`, path: `/mnt/${H}` } },
  });
  profile.addDisk('apt', { source: `/etc/apt/${H}`, path: `/etc/apt/${H}` });
  const web = new Container(stack, 'web', {
    host,
    image: 'images:alpine/3.19',
    profiles: [profile],
    storagePool: pool,
    description: H,
    config: { 'user.evil': H, 'cloud-init.user-data': `#cloud-config\nruncmd: [${JSON.stringify(H)}]` },
    nics: [{ bridge, ipv4Address: '10.0.0.10' }],
    disks: { data: { source: `/srv/${H}`, path: `/data/${H}`, readonly: true } },
    proxies: { sock: { listen: `unix:/run/${H1}`, connect: 'tcp:127.0.0.1:80' } },
  });
  web.addDevice('raw', { type: 'unix-char', source: H, path: `/dev/${H}` });
  return { pool, bridge, profile, web };
}

/** Asserts the lxc calls of the converges carry every hostile value verbatim. */
function expectLiteralData(calls: Call[]) {
  const pool = queryData(calls, 'POST', '/1.0/storage-pools');
  expect(pool).toMatchObject({
    name: 'pool',
    driver: 'dir',
    description: H,
    config: { source: `/srv/${H}`, 'user.evil': H },
  });
  expect(queryData(calls, 'PATCH', '/1.0/storage-pools/pool')).toMatchObject({
    description: H,
    config: { 'user.evil': H },
  });
  const br = queryData(calls, 'PATCH', '/1.0/networks/br');
  expect(br.description).toBe(H);
  expect(br.config['user.evil']).toBe(H);
  expect(br.config['raw.dnsmasq']).toBe(`${H.trimEnd()}\ndhcp-host=printer,10.0.0.250`);
  const prof = queryData(calls, 'PATCH', '/1.0/profiles/prof');
  expect(prof).toMatchObject({
    description: H,
    config: { 'user.evil': H },
    devices: {
      evil: { source: `/srv/${H}`, path: `/mnt/${H}` },
      apt: { source: `/etc/apt/${H}`, path: `/etc/apt/${H}` },
    },
  });
  const web = queryData(calls, 'PATCH', '/1.0/instances/web');
  expect(web.description).toBe(H);
  expect(web.config['user.evil']).toBe(H);
  expect(web.config['cloud-init.user-data']).toBe(`#cloud-config\nruncmd: [${JSON.stringify(H)}]`);
  expect(web.devices.data).toEqual({ type: 'disk', source: `/srv/${H}`, path: `/data/${H}`, readonly: 'true' });
  expect(web.devices.sock.listen).toBe(`unix:/run/${H1}`);
  expect(web.devices.raw).toEqual({ type: 'unix-char', source: H, path: `/dev/${H}` });
}

describe.each([
  ['local', (s: LabStack) => new LocalHost(s, 'host')],
  ['local with sudo', (s: LabStack) => new LocalHost(s, 'host', { sudo: true })],
  [
    'ssh with hostile options and key file',
    (s: LabStack) =>
      new SshHost(s, 'host', {
        address: 'lxd01.example.test',
        user: 'ubuntu',
        port: 2222,
        identityFile: `/keys/${H}`,
        options: { ProxyCommand: H, StrictHostKeyChecking: 'accept-new' },
        sudo: true,
      }),
  ],
  ['multipass VM', (s: LabStack) => new MultipassVm(s, 'host', { name: 'lab-vm' })],
])('on a %s host', (_label, makeHost) => {
  const app = Testing.app();
  const stack = new LabStack(app, 'lab');
  const host = makeHost(stack);
  hostileObjects(stack, host);
  const json = synthJson(stack);
  const objects = ['data_pool', 'br_network', 'prof_profile', 'web_instance'].map((p) => scriptsOf(json, p));

  it('synthesizes the runner command line from the runner, escaped for Terraform', () => {
    for (const o of objects) {
      expect(o.command).toBe(execCommand(runnerOf(host)));
      expect(o.destroyCommand).toBe(o.command);
    }
    expect(localExec(resourceBy(json, 'web_instance_converge')).command).toBe(tfLiteral(execCommand(runnerOf(host))));
  });

  it('create path: every hostile value reaches lxc verbatim and nothing is injected', () => {
    const calls = objects.flatMap((o) => run(o.command, o.converge, { FAKE_GET_RC: '1' }));
    expectLiteralData(calls);
    const lxc = lxdCalls(calls);
    expect(lxc).toContainEqual({
      argv: [
        'lxc',
        'init',
        'images:alpine/3.19',
        'web',
        '-p',
        'prof',
        '-s',
        'pool',
        '-c',
        'user.cdktf.owner=lab',
        '-c',
        'user.cdktf.path=lab/web',
      ],
    });
    expect(lxc).toContainEqual({ argv: ['lxc', 'start', 'web'] });
    expect(lxc.filter((c) => c.argv.includes('unset') || c.argv.includes('remove'))).toEqual([]);
    if (runnerOf(host).kind === 'ssh') {
      const ssh = calls.find((c) => c.argv[0] === 'ssh')!;
      expect(ssh.argv).toEqual([
        'ssh',
        '-o',
        'BatchMode=yes',
        '-o',
        'ControlMaster=auto',
        '-o',
        'ControlPath=~/.ssh/cdktf-lxd-matchbox-%C',
        '-o',
        'ControlPersist=60',
        '-o',
        `ProxyCommand=${H}`,
        '-o',
        'StrictHostKeyChecking=accept-new',
        '-i',
        `/keys/${H}`,
        '-p',
        '2222',
        '--',
        'ubuntu@lxd01.example.test',
        'sudo sh -s',
      ]);
    }
    if (runnerOf(host).kind === 'multipass') {
      expect(calls.find((c) => c.argv[0] === 'multipass')!.argv).toEqual([
        'multipass',
        'exec',
        'lab-vm',
        '--',
        'sudo',
        'sh',
        '-s',
      ]);
    }
  });

  it('adopt path: existing objects are patched, stale keys pruned, LXD output is never evaluated', () => {
    const old = '$(touch canary-old) * user.evil `touch canary-old2`';
    const calls = lxdCalls(
      objects.flatMap((o) => run(o.command, o.converge, { FAKE_GET_RC: '0', FAKE_OLD: old, FAKE_SHOW: SHOWN })),
    );
    expect(calls.filter((c) => c.argv[1] === 'init' || c.argv[3] === 'POST')).toEqual([]);
    expect(queryData(calls, 'PATCH', '/1.0/instances/web').description).toBe(H);
    // Instances and profiles read every key and device from `show`: each one not declared is
    // removed by its exact name (user.evil is declared, volatile.* is LXD's, both stay).
    const stale = [
      'limits.cpu',
      'user.$(touch canary-old)',
      'user.*',
      'user.`touch canary-old2`',
      'user.a b;touch canary-sp',
      'user.col:on',
      "user.k: $(touch canary-q)'s",
      'user.ml',
    ];
    const staleDevices = ['$(touch canary-dev)', '*', '1', '`touch canary-dev2`', 'c:d', 'on', 'user.evil'];
    const unset = (cli: string) =>
      calls.filter((c) => c.argv[1] === cli && c.argv[2] === 'unset').map((c) => c.argv.slice(3));
    const removed = (cli: string) =>
      calls
        .filter((c) => c.argv[1] === cli && c.argv[2] === 'device' && c.argv[3] === 'remove')
        .map((c) => c.argv.slice(4));
    expect(unset('config')).toEqual(stale.map((k) => ['web', k]));
    expect(removed('config')).toEqual(staleDevices.map((d) => ['web', d]));
    expect(unset('profile')).toEqual(stale.map((k) => ['prof', k]));
    // the profile declares no nic: its eth0 goes too
    expect(removed('profile')).toEqual(
      ['$(touch canary-dev)', '*', '1', '`touch canary-dev2`', 'c:d', 'eth0', 'on', 'user.evil'].map((d) => [
        'prof',
        d,
      ]),
    );
    // Networks and pools remove only the keys their record lists: every stale word literally.
    for (const cli of ['network', 'storage']) {
      expect(unset(cli).map((a) => a[1])).toEqual(['$(touch', 'canary-old)', '*', '`touch', 'canary-old2`']);
    }
  });

  it('destroy path: deletes by name only', () => {
    const calls = lxdCalls(objects.flatMap((o) => run(o.destroyCommand!, o.destroy!, { FAKE_EXISTS_RC: '0' })));
    expect(calls.map((c) => c.argv)).toEqual([
      ['lxc', 'query', '/1.0/storage-pools/pool'],
      ['lxc', 'storage', 'delete', 'pool'],
      ['lxc', 'query', '/1.0/networks/br'],
      ['lxc', 'network', 'delete', 'br'],
      ['lxc', 'query', '/1.0/profiles/prof'],
      ['lxc', 'profile', 'delete', 'prof'],
      ['lxc', 'query', '/1.0/instances/web'],
      ['lxc', 'delete', '--force', 'web'],
    ]);
    const absent = lxdCalls(objects.flatMap((o) => run(o.destroyCommand!, o.destroy!, { FAKE_EXISTS_RC: '1' })));
    expect(absent.every((c) => c.argv[1] === 'query')).toBe(true);
  });
});

describe('the multipass VM itself', () => {
  const cloudConfig = new CloudConfig({
    hostname: 'lab',
    packages: ['jq'],
    users: [{ name: 'ops', sshAuthorizedKeys: [`ssh-ed25519 AAAA ${H}`], sudo: 'ALL=(ALL) NOPASSWD:ALL' }],
    writeFiles: [{ path: '/etc/motd', content: H }],
    runcmd: [H, ['echo', H]],
    lxd: { preseed: { config: { 'user.evil': H }, networks: [{ name: 'lxdbr0', config: { 'user.evil': H } }] } },
  });
  const stack = new LabStack(Testing.app(), 'lab');
  new MultipassVm(stack, 'vm', {
    name: 'lab-vm',
    image: `file:///img/${H1}`,
    cloudConfig,
    mounts: [{ source: `/srv/${H}`, target: `/data/${H}` }],
  });
  const vm = scriptsOf(synthJson(stack), 'vm');

  it('launches with the user-data from the environment, mounts and image verbatim', () => {
    expect(vm.command).toBe(`printf '%s\\n' "$CDKTF_LAB_SCRIPT" | sh -s`);
    expect(vm.env.CDKTF_LAB_USER_DATA).toBe(cloudConfig.render());
    const calls = run(vm.command, vm.converge, { FAKE_INFO_RC: '1', CDKTF_LAB_USER_DATA: vm.env.CDKTF_LAB_USER_DATA });
    const launch = calls.find((c) => c.argv[1] === 'launch')!;
    expect(launch.file).toBe(`${cloudConfig.render()}\n`);
    expect(launch.argv).toEqual([
      'multipass',
      'launch',
      '--name',
      'lab-vm',
      '--cpus',
      '1',
      '--memory',
      '1G',
      '--disk',
      '5G',
      '--timeout',
      '600',
      '--mount',
      `/srv/${H}:/data/${H}`,
      '--cloud-init',
      launch.argv[15],
      `file:///img/${H1}`,
    ]);
    expect(calls.map((c) => c.argv.slice(0, 3))).toEqual([
      ['multipass', 'info', 'lab-vm'],
      ['multipass', 'launch', '--name'],
      ['multipass', 'exec', 'lab-vm'],
    ]);
  });

  it('does not relaunch an existing VM, and destroys by name', () => {
    expect(run(vm.command, vm.converge, { FAKE_INFO_RC: '0' }).map((c) => c.argv[1])).toEqual(['info', 'exec']);
    expect(run(vm.destroyCommand!, vm.destroy!, { FAKE_INFO_RC: '0' }).map((c) => c.argv)).toEqual([
      ['multipass', 'info', 'lab-vm'],
      ['multipass', 'delete', '--purge', 'lab-vm'],
    ]);
  });
});

describe('preseed values', () => {
  it('reach `lxd init --preseed` on stdin exactly as rendered', () => {
    const doc: PreseedDocument = {
      config: { 'core.https_address': '', 'user.evil': H },
      networks: [{ name: 'lxdbr0', description: H, config: { 'user.evil': H, 'raw.dnsmasq': H } }],
      storagePools: [{ name: 'default', driver: 'dir', config: { source: `/srv/${H}` } }],
      profiles: [
        { name: 'default', config: { 'user.evil': H }, devices: { d: { type: 'disk', source: H, path: '/x' } } },
      ],
    };
    const stack = new LabStack(Testing.app(), 'lab');
    new LxdPreseed(stack, 'p', { host: new LocalHost(stack, 'h'), preseed: doc });
    const json = synthJson(stack);
    const conv = localExec(resourceBy(json, 'p_preseed_converge'));
    expect(resourceBy(json, 'p_preseed_object').provisioner).toBeUndefined();
    const calls = run(tfUnescape(conv.command), tfUnescape(conv.environment.CDKTF_LAB_SCRIPT));
    expect(calls).toEqual([{ argv: ['lxd', 'init', '--preseed'], stdin: renderPreseed(doc) }]);
  });
});

describe('values that validation rejects instead', () => {
  const stack = new LabStack(Testing.app(), 'lab');
  const host = new LocalHost(stack, 'h');
  const bridge = new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' });
  it.each([
    ['container image', () => new Container(stack, 'c1', { host, image: H1 }), 'image'],
    ['container image with a leading dash', () => new Container(stack, 'c2', { host, image: '--force' }), 'image'],
    ['container name', () => new Container(stack, 'c3', { host, image: 'busybox', name: H1 }), 'name'],
    [
      'proxy connect',
      () =>
        new Container(stack, 'c4', {
          host,
          image: 'busybox',
          proxies: { p: { listen: 'tcp:0.0.0.0:80', connect: `tcp:${H}:80` } },
        }),
      'proxies.p.connect',
    ],
    [
      'proxy listen',
      () =>
        new Container(stack, 'c5', {
          host,
          image: 'busybox',
          proxies: { p: { listen: H, connect: 'tcp:127.0.0.1:80' } },
        }),
      'proxies.p.listen',
    ],
    [
      'disk mount path',
      () => new Container(stack, 'c6', { host, image: 'busybox', disks: { d: { source: '/x', path: H } } }),
      'disks.d',
    ],
    [
      'device name',
      () => new Container(stack, 'c7', { host, image: 'busybox' }).addDevice(H1, { type: 'disk' }),
      `devices.${H1}`,
    ],
    ['config key', () => new Container(stack, 'c8', { host, image: 'busybox', config: { [H1]: 'x' } }), `config.${H1}`],
    [
      'config value with NUL',
      () => new Container(stack, 'c9', { host, image: 'busybox', config: { 'user.x': 'a\0b' } }),
      'config.user.x',
    ],
    ['dns domain', () => new Bridge(stack, 'b1', { host, dnsDomain: H1 }), 'dnsDomain'],
    ['bridge name', () => new Bridge(stack, 'b2', { host, name: H1 }), 'name'],
    [
      'lease hostname',
      () => bridge.addStaticLease({ hostname: H1, ipv4Address: '10.0.0.9' }),
      'addStaticLease.hostname',
    ],
    ['pool name', () => new StoragePool(stack, 'p1', { host, driver: 'dir', name: H1 }), 'name'],
    ['profile name', () => new Profile(stack, 'pr1', { host, name: H1 }), 'name'],
    ['ssh address', () => new SshHost(stack, 's1', { address: `-oProxyCommand=${H1}` }), 'address'],
    ['ssh user', () => new SshHost(stack, 's2', { address: 'x', user: H1 }), 'user'],
    ['ssh option name', () => new SshHost(stack, 's3', { address: 'x', options: { [H1]: 'y' } }), 'options'],
    [
      'multipass mount with ":"',
      () => new MultipassVm(stack, 'v1', { mounts: [{ source: '/a:/b', target: '/c' }] }),
      'mounts',
    ],
    ['multipass image with a leading dash', () => new MultipassVm(stack, 'v2', { image: '--help' }), 'image'],
    ['multipass name', () => new MultipassVm(stack, 'v3', { name: H1 }), 'name'],
  ])('%s', (_label, make, property) => {
    const err = validationErrorOf(make);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0].property).toBe(property);
    expect(err.problems[0].fix.length).toBeGreaterThan(3);
  });
});

describe('through terraform apply and destroy (real local-exec)', () => {
  jest.setTimeout(120000);
  const dir = tmpDir('spine-tf-');
  const secret = `pw ${H}`;

  it('terraform passes every value verbatim, including ${...} and %{...} and the secret preseed', () => {
    const app = new App({ outdir: path.join(dir, 'out') });
    const stack = new LabStack(app, 'lab');
    const vm = new MultipassVm(stack, 'vm', {
      name: 'lab-vm',
      cloudConfig: new CloudConfig({
        writeFiles: [{ path: '/etc/motd', content: H }],
        lxd: { init: { trustPassword: secret } },
      }),
    });
    const host = new LocalHost(stack, 'local');
    const doc: PreseedDocument = {
      config: { 'core.trust_password': secret, 'core.https_address': '' },
      networks: [{ name: 'br0', config: { 'ipv4.nat': 'true', 'user.evil': H } }],
    };
    new LxdPreseed(stack, 'preseed', { host, preseed: doc });
    hostileObjects(stack, vm);
    app.synth();
    const cwd = path.join(dir, 'out', 'stacks', 'lab');
    const tf = (args: string[], env: Record<string, string> = {}) => {
      const r = spawnSync('terraform', [...args, '-no-color'], {
        cwd,
        encoding: 'utf8',
        env: sandbox.env({ CHECKPOINT_DISABLE: '1', FAKE_GET_RC: '1', FAKE_INFO_RC: '1', FAKE_EXISTS_RC: '0', ...env }),
      });
      if (r.status !== 0) throw new Error(`terraform ${args.join(' ')}: ${r.stdout}\n${r.stderr}`);
      return r.stdout;
    };
    tf(['init', '-input=false']);
    const applied = tf(['apply', '-auto-approve', '-input=false']);
    expect(applied).not.toContain('pw --force');
    const calls = sandbox.calls();
    expectLiteralData(calls);
    const launch = calls.find((c) => c.argv[1] === 'launch')!;
    expect(launch.file).toBe(`${vm.cloudConfig.render()}\n`);
    expect(launch.file).toContain('core.trust_password');
    expect(calls.find((c) => c.argv[0] === 'lxd')).toEqual({
      argv: ['lxd', 'init', '--preseed'],
      stdin: renderPreseed(doc),
    });

    tf(['destroy', '-auto-approve', '-input=false'], { FAKE_INFO_RC: '0' });
    const destroyed = sandbox
      .calls()
      .filter((c) => c.argv.includes('delete'))
      .map((c) => c.argv.join(' '));
    expect([...destroyed].sort()).toEqual([
      'lxc delete --force web',
      'lxc network delete br',
      'lxc profile delete prof',
      'lxc storage delete pool',
      'multipass delete --purge lab-vm',
    ]);
    const at = (x: string) => destroyed.indexOf(x);
    // reverse dependency order: the container before the profile, pool and bridge it uses, the VM last
    expect(at('lxc delete --force web')).toBe(0);
    expect(at('multipass delete --purge lab-vm')).toBe(4);
    // the default state path is relative: next to the outdir, where cdktf.json would be
    expect(fs.existsSync(path.join(dir, 'terraform.lab.tfstate'))).toBe(true);
  });
});
