/**
 * Matchbox data follows the code: a MatchboxServer installed for real on the local host (its
 * "binary" is a stand-in served on loopback by the test, since matchbox cannot be downloaded here), with a
 * profile and two groups; removing a group from the app deletes exactly its file on the next
 * apply, and the next plan is clean.
 */
import { createHash } from 'crypto';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../constructs/core/cdk';
import { LabStack, LocalHost, MatchboxGroup, MatchboxProfile, MatchboxServer } from '../../index';
import { describeE2E } from './support/prereqs';
import { TerraformWorkdir } from './support/terraform';

describeE2E('Matchbox groups removed from the app are removed from the data directory', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mbx-prune-'));
  const dataDir = path.join(tmp, 'data');
  const out = path.join(tmp, 'out');
  const hadTlsDir = fs.existsSync('/etc/matchbox');
  const hadUser = spawnSync('id', ['matchbox']).status === 0;
  const bin = path.join(tmp, 'download', 'matchbox');
  const tls = { caCert: '', serverCert: '', serverKey: '' };
  const env = { ...process.env, XDG_STATE_HOME: path.join(tmp, 'state') };
  let tf: TerraformWorkdir;
  let server: http.Server;
  let url = '';

  const deploy = async (groups: string[]) => {
    const app = new App({ outdir: out });
    const stack = new LabStack(app, 'pxe', { localStatePath: path.join(tmp, 'pxe.tfstate') });
    const host = new LocalHost(stack, 'host');
    const mbx = new MatchboxServer(stack, 'matchbox', {
      host,
      address: '127.0.0.1',
      downloadUrl: url,
      sha256: createHash('sha256').update(fs.readFileSync(bin)).digest('hex'),
      binPath: path.join(tmp, 'bin', 'matchbox'),
      dataDir,
      assetsDir: path.join(tmp, 'assets'),
      installPackages: false,
      tls,
      httpListen: '127.0.0.1:18080',
      grpcListen: '127.0.0.1:18081',
    });
    const profile = new MatchboxProfile(stack, 'worker', {
      server: mbx,
      id: 'worker',
      kernel: '/assets/vmlinuz',
      initrd: ['/assets/initrd'],
      args: ['console=ttyS0'],
    });
    for (const g of groups)
      new MatchboxGroup(stack, g, { profile, id: g, selector: { mac: `52:54:00:00:00:${groups.indexOf(g) + 10}` } });
    app.synth();
    tf = new TerraformWorkdir(path.join(out, 'stacks', 'pxe'), env);
    if (!fs.existsSync(path.join(tf.dir, '.terraform'))) await tf.ok(['init']);
    await tf.ok(['apply', '-auto-approve']);
  };
  const files = (sub: string) =>
    fs.existsSync(path.join(dataDir, sub)) ? fs.readdirSync(path.join(dataDir, sub)).sort() : [];

  beforeAll(async () => {
    fs.mkdirSync(path.dirname(bin), { recursive: true });
    fs.writeFileSync(bin, '#!/bin/sh\nexec sleep 600\n', { mode: 0o755 });
    server = http.createServer((_req, res) => res.end(fs.readFileSync(bin)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/matchbox`;
    const k = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=matchbox',
        '-keyout',
        path.join(tmp, 'key.pem'),
        '-out',
        path.join(tmp, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    );
    if (k.status !== 0) throw new Error(`openssl: ${k.stderr}`);
    tls.caCert = tls.serverCert = fs.readFileSync(path.join(tmp, 'cert.pem'), 'utf8');
    tls.serverKey = fs.readFileSync(path.join(tmp, 'key.pem'), 'utf8');
  });
  afterAll(async () => {
    if (tf) await tf.run(['destroy', '-auto-approve']);
    server?.close();
    if (!hadTlsDir) fs.rmSync('/etc/matchbox', { recursive: true, force: true });
    if (!hadUser) spawnSync('userdel', ['matchbox']);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes the profile and both groups', async () => {
    await deploy(['node1', 'node2']);
    expect(files('profiles')).toEqual(['worker.json']);
    expect(files('groups')).toEqual(['node1.json', 'node2.json']);
    expect(await tf.plan()).toEqual([]);
  });

  it('a group removed from the code is deleted; the other group and the profile stay; the next plan is clean', async () => {
    const before = fs.readFileSync(path.join(dataDir, 'groups', 'node1.json'), 'utf8');
    await deploy(['node1']);
    expect(files('groups')).toEqual(['node1.json']);
    expect(fs.readFileSync(path.join(dataDir, 'groups', 'node1.json'), 'utf8')).toBe(before);
    expect(files('profiles')).toEqual(['worker.json']);
    expect(await tf.plan()).toEqual([]);
  });

  it('destroy removes the data files and the server records, twice', async () => {
    await tf.ok(['destroy', '-auto-approve']);
    expect(files('groups')).toEqual([]);
    expect(files('profiles')).toEqual([]);
    const records = path.join(tmp, 'state', 'cdktf-lxd-matchbox', 'records', 'pxe');
    expect(fs.existsSync(records) ? fs.readdirSync(records) : []).toEqual([]);
    expect(await tf.ok(['destroy', '-auto-approve'])).toMatch(/Resources: 0 destroyed/);
  });
});
