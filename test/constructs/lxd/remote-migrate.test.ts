/**
 * Container migrateFrom: a container missing on its host is taken from another server (an LXD
 * remote) with its data. The script is run under sh against a fake lxc that logs every argv and
 * the stdin of `lxc remote add`, so the trust token is proven to travel only through the script
 * and stdin (never an argument, never output); and the construct's validation.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformVariable, Testing } from '../../../constructs/core/cdk';
import { Container, LabStack, SshHost } from '../../../index';
import { instanceMigrateFromRemote, migrationRemoteName, RemoteSourceModel } from '../../../src/lxd/cluster';
import { INCUS_BACKEND } from '../../../src/lxd/backend';
import { localExec, resourceBy, synthJson } from '../../helpers';
import { expectRejected } from '../../helpers';

const TOKEN = 'eyJjbGllbnRfbmFtZSI6ImRlc3QifQTOKENMARKER+/=';
const SOURCE: RemoteSourceModel = {
  name: 'db',
  remote: 'cdktf-10-0-0-5-8443',
  address: 'https://10.0.0.5:8443',
  mode: 'move',
};

/** A fake lxc: FAKE_HAVE (instance here), FAKE_TRUSTED (remote trusted), FAKE_STATE (source status). */
function run(s: string, env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-'));
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(
    path.join(bin, 'lxc'),
    `#!/bin/sh
echo "lxc $*" >> "$FAKE/argv"
case "$1" in
  query) case "$2" in
    /1.0/instances/*) [ -n "\${FAKE_HAVE:-}" ] ;;
    *:/1.0) if [ -n "\${FAKE_TRUSTED:-}" ]; then printf '{\\n  "auth": "trusted"\\n}\\n'; else printf '{\\n  "auth": "untrusted"\\n}\\n'; fi ;;
    *) true ;;
  esac ;;
  remote) if [ "$2" = add ]; then cat > "$FAKE/stdin"; [ -z "\${FAKE_REFUSE:-}" ] || { echo "Error: not authorized" >&2; exit 1; }; fi ;;
  list) printf '%s\\n' "\${FAKE_STATE-RUNNING}" ;;
  *) ;;
esac
`,
    { mode: 0o755 },
  );
  const r = spawnSync('sh', ['-s'], {
    input: s,
    encoding: 'utf8',
    env: { PATH: `${bin}:/usr/bin:/bin`, FAKE: dir, ...env },
  });
  const read = (f: string) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), 'utf8') : '');
  return { r, argv: read('argv'), stdin: read('stdin') };
}

describe('migration from another server', () => {
  test('remote name from the address', () => {
    expect(migrationRemoteName('https://10.0.0.5:8443')).toBe('cdktf-10-0-0-5-8443');
    expect(migrationRemoteName('https://[fd00::5]:8443')).toBe('cdktf-fd00-5-8443');
  });

  test('move: the remote is added with the token on stdin, the running source stopped, then moved', () => {
    const { r, argv, stdin } = run(instanceMigrateFromRemote(SOURCE, TOKEN));
    expect(r.status).toBe(0);
    expect(stdin.trim()).toBe(TOKEN);
    expect(argv).not.toContain('TOKENMARKER');
    expect(r.stdout + r.stderr).not.toContain('TOKENMARKER');
    expect(argv).toContain('lxc remote add cdktf-10-0-0-5-8443 https://10.0.0.5:8443 --accept-certificate');
    expect(argv).toContain('lxc stop cdktf-10-0-0-5-8443:db\nlxc move cdktf-10-0-0-5-8443:db db --quiet');
    expect(argv).not.toContain('lxc start');
  });

  test('copy: the source is started again; a stopped source stays stopped', () => {
    const running = run(instanceMigrateFromRemote({ ...SOURCE, mode: 'copy' }, TOKEN));
    expect(running.argv).toContain('lxc copy cdktf-10-0-0-5-8443:db db --quiet\nlxc start cdktf-10-0-0-5-8443:db');
    const stopped = run(instanceMigrateFromRemote({ ...SOURCE, mode: 'copy' }, TOKEN), { FAKE_STATE: 'STOPPED' });
    expect(stopped.argv).not.toContain('lxc stop');
    expect(stopped.argv).not.toContain('lxc start');
  });

  test('the container is here already: nothing is asked of the remote, no token needed', () => {
    const { r, argv } = run(instanceMigrateFromRemote(SOURCE, ''), { FAKE_HAVE: '1' });
    expect(r.status).toBe(0);
    expect(argv.trim()).toBe('lxc query /1.0/instances/db');
  });

  test('a remote trusted already is not added again; no token needed', () => {
    const { r, argv } = run(instanceMigrateFromRemote(SOURCE, ''), { FAKE_TRUSTED: '1' });
    expect(r.status).toBe(0);
    expect(argv).not.toContain('remote add');
    expect(argv).toContain('lxc move cdktf-10-0-0-5-8443:db db --quiet');
  });

  test('no token, a bad token, a refused token, no source container: failures with a message', () => {
    const none = run(instanceMigrateFromRemote(SOURCE, ''));
    expect(none.r.status).toBe(1);
    expect(none.r.stderr).toContain('no valid trust token for https://10.0.0.5:8443 (the source of db)');
    const bad = run(instanceMigrateFromRemote(SOURCE, 'x y;z'));
    expect(bad.r.status).toBe(1);
    expect(bad.argv).not.toContain('remote add');
    const refused = run(instanceMigrateFromRemote(SOURCE, TOKEN), { FAKE_REFUSE: '1' });
    expect(refused.r.status).toBe(1);
    expect(refused.r.stderr).toContain('refused the trust token');
    expect(refused.r.stderr).not.toContain('TOKENMARKER');
    const missing = run(instanceMigrateFromRemote(SOURCE, TOKEN), { FAKE_STATE: '' });
    expect(missing.r.status).toBe(1);
    expect(missing.r.stderr).toContain('no instance db on https://10.0.0.5:8443 to move');
    expect(missing.argv).not.toContain('lxc move');
  });

  test('hostile names and addresses are quoted', () => {
    const s = instanceMigrateFromRemote(
      { name: "a'b;c", remote: 'r $(x)', address: 'https://h`y`:1', mode: 'move' },
      "t'k",
    );
    expect(s).toContain("token='t'\\''k'");
    expect(s).toContain("lxc move 'r $(x):a'\\''b;c' 'a'\\''b;c' --quiet");
    expect(s).toContain("lxc remote add 'r $(x)' 'https://h`y`:1' --accept-certificate");
  });

  test('Incus', () => {
    expect(instanceMigrateFromRemote(SOURCE, TOKEN, INCUS_BACKEND)).toContain(
      'incus remote add cdktf-10-0-0-5-8443 https://10.0.0.5:8443 --accept-certificate',
    );
  });
});

describe('Container migrateFrom', () => {
  function twoHosts() {
    const stack = new LabStack(Testing.app(), 'lab');
    const token = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true });
    const src = new SshHost(stack, 'src', {
      address: '10.0.0.5',
      user: 'ubuntu',
      sudo: true,
      lxdRemote: { address: 'https://10.0.0.5:8443', trustToken: token.stringValue },
    });
    const dst = new SshHost(stack, 'dst', { address: '10.0.0.6', user: 'ubuntu', sudo: true });
    return { stack, src, dst };
  }

  test('the converge takes the container from the source before converging it; the object is sensitive', () => {
    const { stack, src, dst } = twoHosts();
    new Container(stack, 'db', { host: dst, image: 'busybox', migrateFrom: { host: src, mode: 'copy' } });
    const json = synthJson(stack);
    const converge = resourceBy(json, 'db_instance_converge');
    const s = String(localExec(converge).environment.CDKTF_LAB_SCRIPT);
    expect(s).toMatch(/^\$\{sensitive\(/);
    expect(s).toContain('var.token');
    expect(s).toContain('lxc copy cdktf-10-0-0-5-8443:db db --quiet');
    expect(s.indexOf('lxc copy')).toBeLessThan(s.indexOf('lxc init'));
    expect(JSON.stringify(resourceBy(json, 'db_instance_object'))).not.toContain('var.token');
  });

  test('a source host without lxdRemote, a unix:// one, the same host, a bad mode', () => {
    expectRejected(
      ({ stack }) =>
        new Container(stack, 'c', {
          host: new SshHost(stack, 'd', { address: '10.0.0.6' }),
          image: 'busybox',
          migrateFrom: { host: new SshHost(stack, 's', { address: '10.0.0.5' }) },
        }),
      { path: 'lab/c', property: 'migrateFrom.host', value: 'lab/s', fix: 'lxdRemote' },
    );
    expectRejected(
      ({ stack, host }) =>
        new Container(stack, 'c', {
          host: new SshHost(stack, 'd', { address: '10.0.0.6' }),
          image: 'busybox',
          migrateFrom: { host },
        }),
      { path: 'lab/c', property: 'migrateFrom.host.lxdRemote.address', value: 'unix://', fix: 'https://' },
    );
    // Two users of one ssh machine reach one daemon: that is no migration.
    expectRejected(
      ({ stack }) => {
        const remote = { address: 'https://10.0.0.5:8443' };
        const alice = new SshHost(stack, 'alice', { address: '10.0.0.5', user: 'alice', lxdRemote: remote });
        new Container(stack, 'c', {
          host: new SshHost(stack, 'bob', { address: '10.0.0.5', user: 'bob' }),
          image: 'busybox',
          migrateFrom: { host: alice },
        });
      },
      {
        path: 'lab/c',
        property: 'migrateFrom.host',
        value: 'lab/alice',
        reason: /daemon it is on \(ssh 10\.0\.0\.5:22\)/,
        fix: 'other server',
      },
    );
    expectRejected(
      ({ stack }) => {
        const d = new SshHost(stack, 'd', { address: '10.0.0.6' });
        const s = new SshHost(stack, 's', { address: '10.0.0.5', lxdRemote: { address: 'https://10.0.0.5:8443' } });
        new Container(stack, 'c', { host: d, image: 'busybox', migrateFrom: { host: s, mode: 'clone' as 'copy' } });
      },
      { path: 'lab/c', property: 'migrateFrom.mode', value: 'clone', fix: 'move or copy' },
    );
  });
});
