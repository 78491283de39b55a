/**
 * The rendered scripts for LXD 5.0 and 6.x. What changes with the version: a trust password (LXD 6.1
 * removed them) is a synth error on a host that declares 6.1 or later, and is checked against the
 * daemon's version at deploy time otherwise. What does not: every state-changing `lxc query` waits
 * for its operation (LXD 6.8 made pool and network changes asynchronous), and trust tokens carry
 * the cluster joins and `migrateFrom` remotes on every version. The version checks run under sh
 * against a fake `lxc` that answers `GET /1.0` as a 5.0, 5.21, 6.1, 6.8 or 7.0 daemon would.
 */
import { App, Testing } from '../../../constructs/core/cdk';
import {
  Bridge,
  CloudConfig,
  Container,
  LabStack,
  LocalHost,
  LxdCluster,
  LxdPreseed,
  MultipassVm,
  PreseedDocument,
  Profile,
  SshHost,
  StoragePool,
} from '../../../index';
import { preseedApply, script } from '../../../src/lxd/cli';
import {
  checkLxdVersion,
  lxdAtLeast,
  preseedPasswords,
  refuseTrustPasswordLines,
  serverVersionLines,
} from '../../../src/lxd/version';
import { HostRunner } from '../../../src/hosts/runner';
import { vmLaunch } from '../../../src/multipass/vm';
import {
  expectProblem,
  Json,
  localExec,
  resourceBy,
  Sandbox,
  synthJson,
  tfUnescape,
  unsensitive,
  validationErrorOf,
} from '../../helpers';

/** The deploying machine's shell, as local-exec runs it. */
const LOCAL: HostRunner = { kind: 'local', sudo: false };

/** `GET /1.0` as the daemon prints it (`lxc query` indents with tabs). */
const server = (version: string) =>
  JSON.stringify({ api_version: '1.0', environment: { server: 'lxd', server_version: version } }, null, '\t');

/** The converge scripts of every command resource of a stack (plain literals only). */
function convergeScripts(json: Json): string[] {
  return Object.values(json.resource?.terraform_data ?? {})
    .flatMap((r) => (r as Json).provisioner ?? [])
    .map((p: Json) => p['local-exec'])
    .filter((x: Json) => x.when === undefined)
    .map((x: Json) => x.environment?.CDKTF_LAB_SCRIPT)
    .filter((s: unknown): s is string => typeof s === 'string' && !s.startsWith('${sensitive('))
    .map(tfUnescape);
}

/** A small lab on an ssh host that declares `minLxdVersion` (or not). */
function lab(minLxdVersion?: string): Json {
  const stack = new LabStack(Testing.app(), 'lab');
  const host = new SshHost(stack, 'h', { address: '10.0.0.5', minLxdVersion });
  const pool = new StoragePool(stack, 'data', { host, driver: 'btrfs', size: '20GiB' });
  const bridge = new Bridge(stack, 'labbr0', { host, ipv4Address: '10.10.10.1/24', ipv6Address: 'none' });
  const base = new Profile(stack, 'base', { host, rootPool: pool, network: bridge });
  new Container(stack, 'web', {
    host,
    image: 'ubuntu:24.04',
    profiles: [base],
    nics: [{ bridge, ipv4Address: '10.10.10.10' }],
  });
  return synthJson(stack);
}

const VERSIONS = ['5.0', '5.21', '6.1', '6.8', undefined];

describe('the object scripts for LXD 5.0 and 6.x', () => {
  it.each(VERSIONS)('every state-changing lxc query waits for its operation (minLxdVersion %s)', (v) => {
    const changes = convergeScripts(lab(v))
      .flatMap((s) => s.split('\n'))
      .filter((l) => /\blxc query -X /.test(l));
    expect(changes.length).toBeGreaterThanOrEqual(7); // POST and PATCH of the pool, network and profile; PATCH of the instance
    for (const line of changes) expect(line).toMatch(/\blxc query -X (POST|PATCH|PUT|DELETE) \S+ --wait --data /);
  });

  it('are the same on a host that declares 5.0 as on one that declares 6.8: the version changes nothing there', () => {
    expect(convergeScripts(lab('6.8'))).toEqual(convergeScripts(lab('5.0')));
    expect(convergeScripts(lab())).toEqual(convergeScripts(lab('5.0')));
  });

  it('pass --wait to the client where the script runs (a fake lxc logs the call)', () => {
    const sb = new Sandbox();
    const json = lab('6.8');
    const conv = resourceBy(json, 'data_pool_converge');
    const r = sb.run(localExec(conv).command, tfUnescape(localExec(conv).environment.CDKTF_LAB_SCRIPT));
    expect(r.status).toBe(0);
    const post = sb.calls().find((c) => c.argv[0] === 'lxc' && c.argv.includes('POST'));
    expect(post?.argv.slice(0, 6)).toEqual(['lxc', 'query', '-X', 'POST', '/1.0/storage-pools', '--wait']);
  });
});

describe('a trust password (removed in LXD 6.1)', () => {
  const withPassword: PreseedDocument = { config: { 'core.https_address': '[::]:8443', 'core.trust_password': 'pw' } };
  const preseedOn = (minLxdVersion: string | undefined, preseed: PreseedDocument) => (app: App) => {
    const stack = new LabStack(app, 'lab');
    new LxdPreseed(stack, 'remote', { host: new LocalHost(stack, 'h', { minLxdVersion }), preseed });
  };
  /** The error of building (the check runs as the construct is created, so nothing is synthesized). */
  const rejected = (build: (app: App) => void) => validationErrorOf(() => build(Testing.app()));

  it.each(['6.1', '6.8', '7.0'])('is a synth error on a host that declares LXD %s, naming the key', (v) => {
    expectProblem(rejected(preseedOn(v, withPassword)), {
      path: 'lab/remote',
      property: 'preseed.config.core.trust_password',
      value: '(secret)',
      reason: /LXD 6\.1 removed trust passwords/,
      fix: /token/,
    });
    expectProblem(
      rejected(preseedOn(v, { cluster: { serverName: 'n2', clusterAddress: '10.0.0.1:8443', clusterPassword: 'pw' } })),
      {
        path: 'lab/remote',
        property: 'preseed.cluster.clusterPassword',
        value: '(secret)',
      },
    );
  });

  it('on a 5.x or unknown host, the preseed script first checks the daemon is older than 6.1', () => {
    const guard = script(refuseTrustPasswordLines('lxc query /1.0', 'the preseed of lab/remote'));
    for (const v of ['5.0', '5.21', undefined]) {
      const app = Testing.app();
      preseedOn(v, withPassword)(app);
      const conv = resourceBy(synthJson(app.node.findChild('lab') as LabStack), 'remote_preseed_converge');
      expect(unsensitive(localExec(conv).environment.CDKTF_LAB_SCRIPT)).toBe(guard + preseedApply(withPassword));
    }
    // A preseed without a password gets no check, whatever the version.
    const app = Testing.app();
    preseedOn(undefined, { config: { 'core.https_address': '[::]:8443' } })(app);
    expect(convergeScripts(synthJson(app.node.findChild('lab') as LabStack)).join('\n')).not.toContain(
      'server_version',
    );
  });

  it.each([
    ['5.0.2', 0],
    ['5.21.3', 0],
    ['6.1', 1],
    ['6.8', 1],
    ['7.0.1', 1],
  ])('the check against a daemon that reports LXD %s: exit %d, lxd init runs only below 6.1', (version, status) => {
    const sb = new Sandbox();
    const text =
      script(refuseTrustPasswordLines('lxc query /1.0', 'the preseed of lab/remote')) + preseedApply(withPassword);
    const r = sb.run(LOCAL, text, { FAKE_SERVER: server(version) });
    expect(r.status).toBe(status);
    const calls = sb.calls().map((c) => c.argv.join(' '));
    expect(calls[0]).toBe('lxc query /1.0');
    if (status === 0) {
      expect(calls).toContain('lxd init --preseed');
      expect(r.stderr).toBe('');
    } else {
      expect(calls).not.toContain('lxd init --preseed');
      expect(r.stderr).toBe(
        `cdktf-lxd-matchbox: the preseed of lab/remote uses a trust password, but this host runs LXD ${version} and LXD 6.1 removed trust passwords. ` +
          "Fix: trust clients with a token (lxc config trust add NAME; a remote takes it as trustToken), join clusters with a token, and declare the host's minLxdVersion so that synth says so.\n",
      );
    }
  });

  it('an unreadable version lets the daemon answer for itself', () => {
    const sb = new Sandbox();
    const r = sb.run(LOCAL, script([...serverVersionLines('lxc query /1.0'), 'echo "[$lxd_version]"']), {
      FAKE_SERVER: '{}',
    });
    expect(r.status).toBe(0);
    const r2 = sb.run(LOCAL, script(refuseTrustPasswordLines('lxc query /1.0', 'x')) + script(['echo went on >&2']), {
      FAKE_SERVER: '{}',
    });
    expect([r2.status, r2.stderr]).toEqual([0, 'went on\n']);
  });

  it("in a VM's cloud-config: a synth error for a 6.1+ VM; otherwise a failed cloud-init is explained", () => {
    const cloudConfig = new CloudConfig({
      lxd: { init: { storageBackend: 'dir', networkAddress: '[::]', trustPassword: 'pw' } },
    });
    expectProblem(
      rejected((app) => {
        new MultipassVm(new LabStack(app, 'lab'), 'vm', { cloudConfig, minLxdVersion: '6.1' });
      }),
      { path: 'lab/vm', property: 'cloudConfig.lxd.init.trustPassword', value: '(secret)' },
    );
    const preseedText = new CloudConfig({ lxd: { preseed: 'config:\n  core.trust_password: pw\n' } });
    expectProblem(
      rejected((app) => {
        new MultipassVm(new LabStack(app, 'lab'), 'vm', { cloudConfig: preseedText, minLxdVersion: '6.8' });
      }),
      { path: 'lab/vm', property: 'cloudConfig.lxd.preseed.config.core.trust_password' },
    );

    // Undeclared: the launch waits for cloud-init and, when it failed, reads the VM's LXD version.
    const stack = new LabStack(Testing.app(), 'lab');
    new MultipassVm(stack, 'vm', { cloudConfig });
    const text = vmLaunch(
      { name: 'vm', cpus: 1, memory: '1G', disk: '5G', mounts: [], timeoutSeconds: 600 },
      { trustPasswordClient: 'sudo lxc' },
    );
    expect(text).toContain('multipass exec vm -- sudo lxc query /1.0');
    // The record write the lifecycle appends follows the launch script.
    expect(
      unsensitive(localExec(resourceBy(synthJson(stack), 'vm_converge')).environment.CDKTF_LAB_SCRIPT).startsWith(text),
    ).toBe(true);
    const sb = new Sandbox();
    const env = { FAKE_INFO_RC: '0', FAKE_CLOUD_INIT_RC: '1' };
    const on6 = sb.run(LOCAL, text, { ...env, FAKE_SERVER: server('6.8') });
    expect(on6.status).toBe(1);
    expect(on6.stderr).toMatch(
      /^cdktf-lxd-matchbox: the cloud-config of VM vm uses a trust password, but this host runs LXD 6\.8 and LXD 6\.1 removed/,
    );
    const on5 = sb.run(LOCAL, text, { ...env, FAKE_SERVER: server('5.21.3') });
    expect([on5.status, on5.stderr]).toEqual([1, 'cloud-init failed on vm (exit 1)\n']);
    expect(sb.calls().map((c) => c.argv.join(' '))).toContain('multipass exec vm -- sudo lxc query /1.0');
    const ok = sb.run(LOCAL, text, { FAKE_INFO_RC: '0', FAKE_SERVER: server('6.8') });
    expect(ok.status).toBe(0);
    expect(sb.calls().map((c) => c.argv.join(' '))).not.toContain('lxc query /1.0'); // cloud-init succeeded: nothing to explain
  });

  it("a remote's password on a 6.1+ host; minLxdVersion itself is checked", () => {
    const stack = () => new LabStack(Testing.app(), 'lab');
    expectProblem(
      validationErrorOf(
        () =>
          new SshHost(stack(), 'h', {
            address: '10.0.0.5',
            minLxdVersion: '6.1',
            lxdRemote: { address: 'https://10.0.0.5:8443', password: 'pw' },
          }),
      ),
      { path: 'lab/h', property: 'lxdRemote.password', value: '(secret)', fix: /token/ },
    );
    expect(
      new SshHost(stack(), 'h', {
        address: '10.0.0.5',
        minLxdVersion: '5.0',
        lxdRemote: { address: 'https://10.0.0.5:8443', password: 'pw' },
      }).minLxdVersion,
    ).toBe('5.0');
    expectProblem(
      validationErrorOf(() => new LocalHost(stack(), 'h', { minLxdVersion: '6' })),
      { path: 'lab/h', property: 'minLxdVersion', value: '6', fix: /'6\.1'/ },
    );
    expectProblem(
      validationErrorOf(() => new LocalHost(stack(), 'h', { minLxdVersion: '6.1', backend: 'incus' })),
      { path: 'lab/h', property: 'minLxdVersion', reason: /Incus/ },
    );
  });
});

describe('trust tokens do what passwords did, on every version', () => {
  /** The cluster join and a migrateFrom container on hosts that declare `v`. */
  function tokenScripts(v: string | undefined): string[] {
    const stack = new LabStack(Testing.app(), 'lab');
    const n1 = new SshHost(stack, 'n1', { address: '10.0.0.11', minLxdVersion: v });
    const n2 = new SshHost(stack, 'n2', { address: '10.0.0.12', minLxdVersion: v });
    new LxdCluster(stack, 'cluster', {
      members: [
        { host: n1, name: 'n1', address: '10.0.0.11:8443' },
        { host: n2, name: 'n2', address: '10.0.0.12:8443' },
      ],
    });
    const old = new SshHost(stack, 'old', {
      address: '10.0.0.5',
      minLxdVersion: v,
      lxdRemote: { address: 'https://10.0.0.5:8443', trustToken: 'TOKEN' },
    });
    const other = new SshHost(stack, 'other', { address: '10.0.0.6', minLxdVersion: v });
    new Container(stack, 'moved', { host: other, image: 'ubuntu:24.04', migrateFrom: { host: old } });
    const json = synthJson(stack);
    return [
      tfUnescape(localExec(resourceBy(json, 'cluster_member-n2_converge')).environment.CDKTF_LAB_SCRIPT),
      localExec(resourceBy(json, 'moved_instance_converge')).environment.CDKTF_LAB_SCRIPT,
    ];
  }

  it('the join takes a token (cluster_token) and migrateFrom gives its remote the trust token on stdin, the same for 5.0 and 6.x', () => {
    const [join, migrate] = tokenScripts('6.8');
    expect(join).toContain('cluster add n2 --quiet');
    expect(join).toContain('cluster_token');
    expect(join).not.toMatch(/password/i);
    expect(migrate).toMatch(/^\$\{sensitive\(/);
    expect(migrate).toContain('| lxc remote add cdktf-10-0-0-5-8443 https://10.0.0.5:8443 --accept-certificate');
    expect(migrate).not.toMatch(/password/i);
    expect(tokenScripts('5.0')).toEqual([join, migrate]);
    expect(tokenScripts(undefined)).toEqual([join, migrate]);
  });
});

describe('version rules', () => {
  it('parses and compares MAJOR.MINOR[.PATCH]', () => {
    expect(['5.0', '5.21', '6.1', '6.8.1', '10.0'].map((v) => checkLxdVersion(v))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(['6', 'v6.1', '6.x', '', '2.0'].every((v) => checkLxdVersion(v) !== undefined)).toBe(true);
    expect([
      lxdAtLeast('6.1', '6.1'),
      lxdAtLeast('6.10', '6.2'),
      lxdAtLeast('5.21', '6.1'),
      lxdAtLeast('7.0', '6.1'),
    ]).toEqual([true, true, false, true]);
  });

  it('finds passwords in typed preseeds and in YAML text', () => {
    expect(preseedPasswords({ config: { 'core.trust_password': 'x' }, cluster: { clusterPassword: 'y' } })).toEqual([
      'config.core.trust_password',
      'cluster.clusterPassword',
    ]);
    expect(preseedPasswords('config:\n  core.trust_password: x\ncluster:\n  cluster_password: y\n')).toEqual([
      'config.core.trust_password',
      'cluster.cluster_password',
    ]);
    expect(preseedPasswords('cluster:\n  cluster_password: ""\n  cluster_token: abc\n')).toEqual([
      'cluster.cluster_password',
    ]);
    expect(preseedPasswords({ config: { 'core.https_address': '[::]:8443' } })).toEqual([]);
  });
});
