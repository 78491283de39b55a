/**
 * A Matchbox server that already runs: `MatchboxServer.fromServerAttributes` takes profiles and
 * groups (written to its data directory, checked together), and installs nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { App, Testing } from '../../../constructs/core/cdk';
import {
  IMatchboxServer,
  LabStack,
  LocalHost,
  MatchboxGroup,
  MatchboxProfile,
  MatchboxServer,
  SshHost,
} from '../../../index';
import { expectAppSynthRejected, expectProblem, tmpDir, validationErrorOf } from '../../helpers';
import { expectRejected } from '../../helpers';
import { byPath, runScript, scriptsOf, synth } from '../../helpers';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';

describe('MatchboxServer.fromServerAttributes', () => {
  it('writes profiles and groups to the data directory through the host, and installs nothing', () => {
    const stack = new LabStack(Testing.app(), 'lab');
    const host = new SshHost(stack, 'pxe-host', { address: '192.168.0.1', user: 'core' });
    const server = MatchboxServer.fromServerAttributes(stack, 'matchbox', {
      host,
      address: '192.168.0.1',
      dataDir: '/srv/matchbox',
    });
    const profile = new MatchboxProfile(stack, 'worker', { server, kernel: '/assets/vmlinuz' });
    new MatchboxGroup(stack, 'all', { profile });
    expect(server.httpEndpoint).toBe('http://192.168.0.1:8080');
    expect(server.grpcEndpoint).toBe('192.168.0.1:8081');
    const json = synth(stack);
    const paths = [...byPath(json).keys()];
    expect(paths).toContain('lab/worker/files/converge');
    expect(paths.filter((p) => p.startsWith('lab/matchbox/'))).toEqual([]);
    const files = scriptsOf(json, 'lab/worker/files');
    expect(files.command).toMatch(/ssh .*core@192\.168\.0\.1/);
    expect(files.converge).toContain('mv -f "$tmp" /srv/matchbox/profiles/worker.json');
    expect(scriptsOf(json, 'lab/all/file').converge).toContain('mv -f "$tmp" /srv/matchbox/groups/all.json');
  });

  it('the data files are really written and removed on the local host', () => {
    const stack = new LabStack(Testing.app(), 'lab');
    const host = new LocalHost(stack, 'host', { sudo: false });
    const dataDir = path.join(tmpDir('mbx-imported-'), 'data');
    const server = MatchboxServer.fromServerAttributes(stack, 'matchbox', { host, address: '127.0.0.1', dataDir });
    const profile = new MatchboxProfile(stack, 'worker', { server, kernel: '/assets/vmlinuz' });
    new MatchboxGroup(stack, 'node1', { profile, selector: { mac: '52:54:00:00:00:01' } });
    const json = synth(stack);
    for (const p of ['lab/worker/files', 'lab/node1/file'])
      expect(runScript({ kind: 'local', sudo: false }, scriptsOf(json, p).converge).status).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'groups', 'node1.json'), 'utf8'))).toMatchObject({
      id: 'node1',
      profile: 'worker',
      selector: { mac: '52:54:00:00:00:01' },
    });
    expect(runScript({ kind: 'local', sudo: false }, scriptsOf(json, 'lab/node1/file').destroy).status).toBe(0);
    expect(fs.readdirSync(path.join(dataDir, 'groups'))).toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, 'profiles'))).toEqual(['worker.json']);
  });

  it('checks the profiles and groups declared on it together, at synth', () => {
    const error = expectAppSynthRejected((app) => {
      const stack = new LabStack(app, 'lab');
      const server = MatchboxServer.fromServerAttributes(stack, 'matchbox', {
        host: new LocalHost(stack, 'host'),
        address: '10.0.0.1',
      });
      new MatchboxProfile(stack, 'a', { server, id: 'worker', kernel: '/assets/vmlinuz' });
      new MatchboxProfile(stack, 'b', { server, id: 'worker', kernel: '/assets/vmlinuz' });
    });
    expectProblem(error, {
      path: 'lab/b',
      property: 'id',
      value: 'worker',
      reason: /lab\/a already declares a profile with this id on lab\/matchbox/,
      fix: /own id/,
    });
  });

  it.each([
    ['address', { address: 'not an address!' }, 'not an address!', /not an IP address or DNS name/, /192\.168\.0\.1/],
    ['httpPort', { httpPort: 99999 }, 99999, /not a TCP port/, /1 to 65535/],
    ['grpcPort', { httpPort: 8080, grpcPort: 8080 }, 8080, /its own port/, /8081/],
    ['dataDir', { dataDir: 'var/lib/matchbox' }, 'var/lib/matchbox', /absolute/, /\/var\/lib\//],
    [
      'credentials.clientKey',
      { credentials: { endpoint: '10.0.0.1:8081', ca: CERT, clientCert: CERT, clientKey: 'secret' } },
      'secret...',
      /PEM/,
      /readFileSync/,
    ],
    [
      'credentials.endpoint',
      { credentials: { endpoint: 'http://10.0.0.1', ca: CERT, clientCert: CERT, clientKey: KEY } },
      'http://10.0.0.1',
      /host:port/,
      /10\.0|192\.168/,
    ],
  ])('rejects a bad %s', (property, attrs, value, reason, fix) => {
    expectRejected(
      ({ stack, host }) =>
        MatchboxServer.fromServerAttributes(stack, 'matchbox', { host, address: '10.0.0.1', ...attrs }),
      { path: 'lab/matchbox', property, value, reason, fix },
    );
  });

  it('under provider rendering, uses the given credentials, and without them says what is missing', () => {
    const stack = new LabStack(new App({ outdir: tmpDir('mbx-imported-') }), 'lab', { rendering: 'provider' });
    const host = new LocalHost(stack, 'host');
    const credentials = { endpoint: '10.0.0.1:8081', ca: CERT, clientCert: CERT, clientKey: KEY };
    const server = MatchboxServer.fromServerAttributes(stack, 'matchbox', { host, address: '10.0.0.1', credentials });
    new MatchboxProfile(stack, 'worker', { server, kernel: '/assets/vmlinuz' });
    const json = synth(stack);
    expect(Object.values(json.provider.matchbox as object)[0]).toMatchObject({ endpoint: '10.0.0.1:8081' });
    expect(Object.keys(json.resource)).toContain('matchbox_profile');

    const bare = MatchboxServer.fromServerAttributes(stack, 'bare', { host, address: '10.0.0.2' });
    expect(() => new MatchboxProfile(stack, 'other', { server: bare, kernel: '/assets/vmlinuz' })).toThrow(
      /\[lab\/bare\] credentials = undefined: the server was imported without client credentials.*Fix: pass credentials/,
    );
  });

  it('refuses a hand-made IMatchboxServer with the path and the fix', () => {
    const stack = new LabStack(Testing.app(), 'lab');
    const fake: IMatchboxServer = Object.assign(new Construct(stack, 'fake'), {
      host: new LocalHost(stack, 'host'),
      version: 'v0.11.0',
      dataDir: '/var/lib/matchbox',
      httpEndpoint: 'http://x:8080',
      grpcEndpoint: 'x:8081',
      credentials: { endpoint: 'x:8081', ca: '', clientCert: '', clientKey: '' },
      dataReady: [],
    });
    const error = validationErrorOf(() => new MatchboxProfile(stack, 'p', { server: fake, kernel: '/assets/vmlinuz' }));
    expectProblem(error, {
      path: 'lab/fake',
      property: 'server',
      value: 'Construct',
      reason: /keeps no profiles or groups/,
      fix: /use a MatchboxServer, or MatchboxServer\.fromServerAttributes/,
    });
  });
});
