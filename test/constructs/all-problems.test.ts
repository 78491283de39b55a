/**
 * A construct's props are checked with one call: every bad prop is reported at once, in one
 * ValidationError (each problem with the path, property, value and fix it had alone), and nothing
 * is written. Checks that only make sense on good values (proxy ports, prefetch words, driver
 * keys) do not add noise about the bad ones.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import * as ts from 'typescript';
import { App, TerraformStack } from '../../constructs/core/cdk';
import {
  Bridge,
  CloudConfig,
  Container,
  HostReference,
  LabStack,
  LocalHost,
  LxdCluster,
  MatchboxServer,
  MultipassVm,
  SshHost,
  StoragePool,
} from '../../index';
import { releaseOf } from '../../src/matchbox/release';
import { Problem } from '../../src/validation/errors';
import { filesUnder, tmpDir, validationErrorOf } from '../helpers';
import { rejectedError as rejected } from '../helpers';

/** `[path, property, value]` of each problem, in order. */
const where = (problems: readonly Problem[]) => problems.map((p) => [p.path, p.property, p.value]);

describe('every bad prop of one construct, at once', () => {
  it('Container', () => {
    const error = rejected(
      ({ stack, host }) =>
        new Container(stack, 'web', {
          host,
          name: 'web_1',
          image: '-bad',
          limits: { cpu: '3-1', memory: '0GiB', processes: 0 },
          rootSize: '10GiB',
          state: 'paused' as never,
          config: { 'volatile.x': 'y' },
          target: 'no such',
          protect: 'yes' as never,
          disks: { data: { source: 'srv', path: '/data' } },
          proxies: { web: { listen: 'tcp:0.0.0.0:80', connect: 'tcp:127.0.0.1:0' } },
        }),
    );
    expect(where(error.problems)).toEqual([
      ['lab/web', 'protect', 'yes'],
      ['lab/web', 'name', 'web_1'],
      ['lab/web', 'image', '-bad'],
      ['lab/web', 'limits.cpu', '3-1'],
      ['lab/web', 'limits.memory', '0GiB'],
      ['lab/web', 'limits.processes', 0],
      ['lab/web', 'rootSize', '10GiB'],
      ['lab/web', 'state', 'paused'],
      ['lab/web', 'config.volatile.x', 'volatile.x'],
      ['lab/web', 'target', 'no such'],
      ['lab/web', 'disks.data.source', 'srv'],
      ['lab/web', 'proxies.web.connect', 'tcp:127.0.0.1:0'],
    ]);
    // Each problem reads as it did alone.
    expect(error.problems.find((p) => p.property === 'rootSize')).toMatchObject({
      reason: 'a root size needs a storagePool',
      fix: 'set storagePool too',
    });
    expect(error.problems.find((p) => p.property === 'state')).toMatchObject({
      reason: 'unknown state',
      fix: 'use running or stopped',
    });
    expect(error.message).toMatch(/^12 invalid inputs; nothing was synthesized:\n/);
  });

  it('Container NICs, with the other props', () => {
    const error = rejected(({ stack, host }) => {
      const bridge = Bridge.fromHostBridge(stack, 'br0', host, 'br0');
      new Container(stack, 'web', {
        host,
        image: 'busybox',
        name: 'web_1',
        nics: [{ bridge, ipv4Address: '10.0.0.5', hwaddr: '01:00:5e:00:00:01' }],
      });
    });
    expect(where(error.problems)).toEqual([
      ['lab/web', 'name', 'web_1'],
      ['lab/web', 'nics.eth0.ipv4Address', '10.0.0.5'],
      ['lab/web', 'nics.eth0.hwaddr', '01:00:5e:00:00:01'],
    ]);
  });

  it('Container.addProxy checks the ports of good addresses only', () => {
    const error = rejected(
      ({ stack, host }) =>
        new Container(stack, 'web', {
          host,
          image: 'busybox',
          proxies: { p: { listen: 'tcp:127.0.0.1', connect: 'tcp:127.0.0.1:0' } },
        }),
    );
    expect(where(error.problems)).toEqual([['lab/web', 'proxies.p.listen', 'tcp:127.0.0.1']]);
  });

  it('Container.migrateFrom: every problem of the source', () => {
    const error = rejected(({ stack, host }) => {
      const source = new SshHost(stack, 'old', {
        address: '10.0.0.9',
        backend: 'incus',
        lxdRemote: { address: 'unix://', password: 'pw' },
      });
      new Container(stack, 'web', { host, image: 'busybox', migrateFrom: { host: source, mode: 'clone' as never } });
    });
    expect(where(error.problems)).toEqual([
      ['lab/web', 'migrateFrom.mode', 'clone'],
      ['lab/web', 'migrateFrom.host.lxdRemote.address', 'unix://'],
      ['lab/web', 'migrateFrom.host', 'lab/old'],
      ['lab/web', 'migrateFrom.host.lxdRemote.trustToken', undefined],
    ]);
  });

  it('Bridge', () => {
    const error = rejected(
      ({ stack, host }) =>
        new Bridge(stack, 'br', {
          host,
          name: 'a-name-longer-than-15',
          ipv4Address: '10.0.0.0/24',
          ipv6Address: 'fd00::1',
          dnsDomain: '-x',
          mtu: 10,
          config: { 'image.x': 'y' },
        }),
    );
    expect(where(error.problems)).toEqual([
      ['lab/br', 'name', 'a-name-longer-than-15'],
      ['lab/br', 'ipv4Address', '10.0.0.0/24'],
      ['lab/br', 'ipv6Address', 'fd00::1'],
      ['lab/br', 'dnsDomain', '-x'],
      ['lab/br', 'mtu', 10],
      ['lab/br', 'config.image.x', 'image.x'],
    ]);
  });

  it('SshHost', () => {
    const error = rejected(
      ({ stack }) =>
        new SshHost(stack, 'h', {
          address: '-oProxyCommand=x',
          user: '1root',
          port: 0,
          options: { 'Bad-Name': 'x', Match: 'all' },
          proxyJump: 'a b',
          sudo: 'yes' as never,
        }),
    );
    expect(where(error.problems)).toEqual([
      ['lab/h', 'sudo', 'yes'],
      ['lab/h', 'address', '-oProxyCommand=x'],
      ['lab/h', 'user', '1root'],
      ['lab/h', 'port', 0],
      ['lab/h', 'options', 'Bad-Name'],
      ['lab/h', 'options.Match', 'Match'],
      ['lab/h', 'proxyJump', 'a b'],
    ]);
  });

  it('MultipassVm: the props, then the cloud-config', () => {
    const error = rejected(
      ({ stack }) =>
        new MultipassVm(stack, 'vm', {
          cpus: 0,
          memory: '64M',
          disk: '1x',
          image: '--help',
          timeoutSeconds: 0,
          cloudConfig: new CloudConfig({ lxd: { preseed: { storagePools: [{ name: 'data', driver: 'nope' }] } } }),
        }),
    );
    expect(where(error.problems).map(([, property]) => property)).toEqual([
      'cpus',
      'memory',
      'disk',
      'timeoutSeconds',
      'image',
      'cloudConfig.lxd.preseed.storagePools.data.driver',
    ]);
  });

  it('StoragePool: an unknown driver, without noise about its keys', () => {
    const error = rejected(
      ({ stack, host }) =>
        new StoragePool(stack, 'p', {
          host,
          name: '-p',
          driver: 'ext4' as never,
          size: '0GiB',
          config: { 'zfs.pool_name': 'x' },
          protect: 1 as never,
        }),
    );
    expect(where(error.problems)).toEqual([
      ['lab/p', 'protect', 1],
      ['lab/p', 'name', '-p'],
      ['lab/p', 'driver', 'ext4'],
      ['lab/p', 'size', '0GiB'],
    ]);
  });

  it('StoragePool: every key its driver does not take', () => {
    const error = rejected(
      ({ stack, host }) =>
        new StoragePool(stack, 'p', {
          host,
          driver: 'dir',
          size: '10GiB',
          config: { 'zfs.pool_name': 'x', 'user.ok': 'y' },
        }),
    );
    expect(where(error.problems)).toEqual([
      ['lab/p', 'config.zfs.pool_name', 'zfs.pool_name'],
      ['lab/p', 'size', 'size'],
    ]);
  });

  it("LxdCluster: each member's name and address", () => {
    const error = rejected(
      ({ stack, host }) =>
        new LxdCluster(stack, 'cl', {
          members: [
            { host, name: 'm1', address: '10.0.0.1:8443' },
            { host, name: 'bad name', address: '10.0.0.2' },
            { host, name: 'm1', address: '10.0.0.1:8443' },
          ],
        }),
    );
    expect(where(error.problems)).toEqual([
      ['lab/cl', 'members[1].name', 'bad name'],
      ['lab/cl', 'members[1].address', '10.0.0.2'],
      ['lab/cl', 'members[2].name', 'm1'],
      ['lab/cl', 'members[2].address', '10.0.0.1:8443'],
    ]);
    expect(error.problems[2]).toMatchObject({
      reason: 'members[0] has the same name',
      fix: 'give each member its own name',
    });
  });

  it('MatchboxServer: the server, its TLS material, NAT, prefetch and dnsmasq', () => {
    const error = rejected(
      ({ stack, host }) =>
        new MatchboxServer(stack, 'mb', {
          host,
          address: '-x',
          sha256: 'abc',
          version: 'v0.8.0',
          httpListen: ':8080',
          grpcListen: ':8080',
          logLevel: 'trace' as never,
          tlsDays: 0,
          tls: { caCert: 'x', serverCert: '-----BEGIN CERTIFICATE-----', serverKey: 'y' },
          nat: { outInterface: 'a/b' },
          prefetch: [
            { os: 'windows' as never, channel: 'stable' } as never,
            { os: 'flatcar', channel: 'st able' } as never,
          ],
          dnsmasq: {
            interface: 'eth1',
            subnet: '10.0.0.0/24',
            range: { start: '10.0.0.100', end: '10.0.0.200' },
            ipxeBaseUrl: 'https://boot.ipxe.org/',
          },
        }),
    );
    expect(where(error.problems).map(([, property]) => property)).toEqual([
      'address',
      'version',
      'sha256',
      'grpcListen',
      'logLevel',
      'tlsDays',
      'tls.caCert',
      'tls.serverKey',
      'nat.outInterface',
      'nat.sourceCidr',
      'prefetch[0].os',
      'prefetch[1].channel',
      'dnsmasq.subnet',
      'dnsmasq.ipxeBaseUrl',
    ]);
    // A PEM value shows its start only.
    expect(error.problems.find((p) => p.property === 'tls.caCert')?.value).toBe('x...');
  });

  it('MatchboxServer.fromServerAttributes: the attributes and the credentials', () => {
    const error = rejected(({ stack, host }) =>
      MatchboxServer.fromServerAttributes(stack, 'mb', {
        host,
        address: '10.0.0.1',
        httpPort: 70000,
        grpcPort: 8081,
        dataDir: '/var/lib/matchbox/',
        credentials: { endpoint: 'x', ca: 'no', clientCert: 'no', clientKey: 'no' },
      }),
    );
    expect(where(error.problems).map(([, property]) => property)).toEqual([
      'httpPort',
      'dataDir',
      'credentials.endpoint',
      'credentials.ca',
      'credentials.clientCert',
      'credentials.clientKey',
    ]);
  });
});

describe('user-facing errors outside the props are ValidationErrors too', () => {
  it('a NUL byte in a construct id (it reaches scripts and labels)', () => {
    const error = rejected(({ stack, host }) => new Container(stack, 'web\0', { host, name: 'web', image: 'busybox' }));
    expect(error.problems).toEqual([
      expect.objectContaining({
        path: 'lab/web\0',
        property: 'id',
        value: 'web\0',
        fix: 'remove the NUL byte (\\u0000) from the construct id',
      }),
    ]);
  });

  it('a NUL byte in the id of a scope', () => {
    const error = rejected(
      ({ stack, host }) => new Container(new Construct(stack, 'group\0'), 'web', { host, image: 'busybox' }),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({ path: 'lab/group\0/web', property: 'id', value: 'group\0' }),
    ]);
  });

  it('a dependency of another stack that is no resource', () => {
    const app = new App({ outdir: tmpDir('all-problems-') });
    const first = new LabStack(app, 'first');
    const host = new LocalHost(first, 'host');
    const other = new TerraformStack(app, 'other');
    const thing = Object.assign(new Construct(first, 'thing'), { fqn: 'first.thing' });
    const error = validationErrorOf(() => new HostReference(other, 'ref', { host, after: [thing] }));
    expect(where(error.problems)).toEqual([['other/ref', 'after', 'first.thing']]);
    expect(error.problems[0].fix).toMatch(/depend on a resource of the other stack/);
  });

  it.each([
    [
      'a v2 remote address that is neither https:// nor unix://',
      { address: 'ftp://x' },
      'v2',
      'lxd',
      'lxdRemote.address',
      'ftp://x',
      /not an https:\/\/ or unix:\/\/ address/,
    ],
    [
      'a trust password under provider v3',
      { address: 'https://10.0.0.1:8443', password: 'pw' },
      'v3',
      'lxd',
      'lxdRemote.password',
      '(secret)',
      /provider v3 has no trust passwords/,
    ],
    [
      'a trust password on Incus',
      { address: 'https://10.0.0.1:8443', password: 'pw' },
      'v3',
      'incus',
      'lxdRemote.password',
      '(secret)',
      /Incus has no trust passwords/,
    ],
    [
      'a client certificate on Incus',
      { address: 'https://10.0.0.1:8443', clientKey: 'k' },
      'v3',
      'incus',
      'lxdRemote',
      'https://10.0.0.1:8443',
      /config_dir/,
    ],
  ] as const)(
    "%s: the host's remote, when an object is declared on it",
    (_label, lxdRemote, version, backend, property, value, reason) => {
      const outdir = tmpDir('all-problems-');
      const app = new App({ outdir });
      const stack = new LabStack(app, 'lab', { rendering: 'provider', lxdProviderVersion: version });
      const host = new SshHost(stack, 'h', { address: '10.0.0.1', lxdRemote, backend });
      const error = validationErrorOf(
        () => new Container(stack, 'web', { host, image: backend === 'incus' ? 'images:alpine/3.19' : 'busybox' }),
      );
      expect(where(error.problems)).toEqual([['lab/h', property, value]]);
      expect(error.problems[0].reason).toMatch(reason);
      expect(filesUnder(outdir)).toEqual([]);
    },
  );

  it('a Matchbox release the library does not model, read by a renderer', () => {
    const error = validationErrorOf(() => releaseOf('v0.8.0', 'lab/mb'));
    expect(error.problems).toEqual([
      expect.objectContaining({
        path: 'lab/mb',
        property: 'version',
        value: 'v0.8.0',
        fix: 'use one of v0.9.1, v0.10.0, v0.11.0',
      }),
    ]);
  });
});

it('the constructs hold no regular expression: the rules are named, in src/', () => {
  const root = path.join(__dirname, '../../constructs');
  const files = (function walk(dir: string): string[] {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  })(root).filter((f) => f.endsWith('.ts'));
  const found: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (
        node.kind === ts.SyntaxKind.RegularExpressionLiteral ||
        (ts.isNewExpression(node) && node.expression.getText() === 'RegExp')
      ) {
        found.push(`${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  expect(found).toEqual([]);
});
