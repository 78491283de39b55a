/**
 * Cluster, migration and publish scripts: rendered text, and run under sh against a fake
 * lxc/lxd that logs every argv and the preseeds it reads, so the join token is proven to travel
 * only through stdin and shell variables (never an argument, never output).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  checkClusterMember,
  clusterBootstrap,
  clusterJoin,
  clusterMemberRemove,
  clusterMembersConverge,
  instanceMigrateRemote,
  instanceMoveToMemberLines,
} from '../../../src/lxd/cluster';
import { instanceConverge } from '../../../src/lxd/cli';
import { INCUS_BACKEND } from '../../../src/lxd/backend';
import { imagePublish, REBUILD_PROPERTY } from '../../../src/lxd/publish';

const TOKEN = 'eyJzZXJ2ZXJfbmFtZSI6Im0yIn0TOKENMARKER+/=';

/** A fake lxc/lxd pair: state in $FAKE/<role>.clustered, argv in $FAKE/argv, preseeds in $FAKE/preseed.<role>. */
function fakeBin(dir: string): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const lxc = `#!/bin/sh
echo "$ROLE lxc $*" >> "$FAKE/argv"
case "$1 $2" in
  "query /1.0/cluster") if [ -f "$FAKE/$ROLE.clustered" ]; then printf '{\\n  "enabled": true\\n}\\n'; else printf '{\\n  "enabled": false\\n}\\n'; fi ;;
  "cluster add") printf '%s\\n' "$FAKE_TOKEN" ;;
  "cluster revoke-token") echo revoked >> "$FAKE/revoked" ;;
  *) ;;
esac
`;
  const lxd = `#!/bin/sh
echo "$ROLE lxd $*" >> "$FAKE/argv"
cat > "$FAKE/preseed.$ROLE"
if [ -n "\${FAKE_FAIL:-}" ]; then echo "Error: join refused" >&2; exit 1; fi
touch "$FAKE/$ROLE.clustered"
`;
  fs.writeFileSync(path.join(bin, 'lxc'), lxc, { mode: 0o755 });
  fs.writeFileSync(path.join(bin, 'lxd'), lxd, { mode: 0o755 });
  return bin;
}

function runJoin(extraEnv: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-'));
  const bin = fakeBin(dir);
  const s = clusterJoin(
    {
      name: 'm2',
      address: '10.250.0.2:8443',
      memberConfig: [{ entity: 'storage-pool', name: 'local', key: 'source', value: '/srv/p2' }],
    },
    '10.250.0.1:8443',
    { cluster: 'env ROLE=cluster sh -s', member: 'env ROLE=member sh -s' },
  );
  const r = spawnSync('sh', ['-s'], {
    input: s,
    encoding: 'utf8',
    env: { PATH: `${bin}:/usr/bin:/bin`, FAKE: dir, FAKE_TOKEN: TOKEN, ...extraEnv },
  });
  const read = (f: string) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), 'utf8') : '');
  return { s, r, dir, read };
}

describe('cluster join', () => {
  test('the token goes from the cluster runner into the member preseed, through no argument or output', () => {
    const { s, r, read } = runJoin();
    expect(r.status).toBe(0);
    expect(s).not.toContain('TOKENMARKER');
    const argv = read('argv');
    expect(argv).toContain('cluster lxc cluster add m2 --quiet');
    expect(argv).toContain('member lxd init --preseed');
    expect(argv).not.toContain('TOKENMARKER');
    expect(r.stdout + r.stderr).not.toContain('TOKENMARKER');
    const preseed = JSON.parse(read('preseed.member'));
    expect(preseed.cluster).toEqual({
      server_name: 'm2',
      enabled: true,
      server_address: '10.250.0.2:8443',
      cluster_address: '10.250.0.1:8443',
      cluster_token: TOKEN,
      member_config: [{ entity: 'storage-pool', name: 'local', key: 'source', value: '/srv/p2' }],
    });
    expect(preseed.config).toEqual({ 'core.https_address': '10.250.0.2:8443' });
  });

  test('a member already clustered is left alone: no token is asked for', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-'));
    const bin = fakeBin(dir);
    fs.writeFileSync(path.join(dir, 'member.clustered'), '');
    const s = clusterJoin({ name: 'm2', address: '10.0.0.2:8443' }, '10.0.0.1:8443', {
      cluster: 'env ROLE=cluster sh -s',
      member: 'env ROLE=member sh -s',
    });
    const r = spawnSync('sh', ['-s'], {
      input: s,
      encoding: 'utf8',
      env: { PATH: `${bin}:/usr/bin:/bin`, FAKE: dir, FAKE_TOKEN: TOKEN },
    });
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'argv'), 'utf8')).not.toContain('cluster add');
  });

  test('a failed join revokes the token and fails with a message naming the member', () => {
    const { r, read } = runJoin({ FAKE_FAIL: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('member m2 could not join the cluster at 10.250.0.1:8443');
    expect(r.stderr).not.toContain('TOKENMARKER');
    expect(read('revoked').trim().split('\n').length).toBe(2); // before asking, and after the failure
  });

  test('something that is not a token is refused before it reaches the member', () => {
    const { r, read } = runJoin({ FAKE_TOKEN: "x'; rm -rf /; '" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no valid join token for member m2');
    expect(read('preseed.member')).toBe('');
  });

  test('Incus: incus cluster add and incus admin init', () => {
    const s = clusterJoin(
      { name: 'm2', address: '10.0.0.2:8443' },
      '10.0.0.1:8443',
      { cluster: 'A', member: 'B' },
      INCUS_BACKEND,
    );
    expect(s).toContain('incus cluster add m2 --quiet');
    expect(s).toContain('incus admin init --preseed');
    expect(s).not.toContain('lxc ');
  });
});

describe('cluster bootstrap, members', () => {
  test('bootstrap preseed: https address and cluster enabled, skipped when clustered', () => {
    const s = clusterBootstrap({ name: 'm1', address: '10.0.0.1:8443' });
    expect(s).toContain('case "$(lxc query /1.0/cluster 2>/dev/null)" in *\'"enabled": true\'*) true');
    expect(s).toContain('core.https_address: 10.0.0.1:8443');
    expect(s).toMatch(/cluster:\n {2}server_name: m1\n {2}enabled: true/);
    expect(execFileSync('sh', ['-n'], { input: s })).toBeDefined();
  });

  test('member removal and membership converge', () => {
    expect(clusterMemberRemove('m2')).toContain(
      'if lxc query /1.0/cluster/members/m2 >/dev/null 2>&1; then lxc cluster remove m2; fi',
    );
    const c = clusterMembersConverge(['m3', 'm2'], 'user.cdktf.members.lab');
    expect(c).toContain("case ' m2 m3 ' in");
    expect(c).toContain("lxc config set 'user.cdktf.members.lab=m2 m3'");
    execFileSync('sh', ['-n'], { input: c });
  });

  test('member names and addresses are checked', () => {
    expect(checkClusterMember({ name: 'm1', address: '10.0.0.1:8443' })).toBeUndefined();
    expect(checkClusterMember({ name: 'm1', address: '[fd00::1]:8443' })).toBeUndefined();
    expect(checkClusterMember({ name: 'm1', address: '10.0.0.1' })?.reason).toBe('not host:port');
    expect(checkClusterMember({ name: 'm1', address: '10.0.0.1:70000' })?.reason).toBe('port out of range');
    expect(checkClusterMember({ name: 'bad name', address: '10.0.0.1:8443' })?.property).toBe('name');
  });
});

describe('migration', () => {
  test('a container with a target is created there and moved when elsewhere, stateless when running', () => {
    const s = instanceConverge({
      name: 'web',
      image: 'busybox',
      profiles: ['default'],
      config: {},
      devices: {},
      state: 'running',
      description: '',
      target: 'm2',
    });
    expect(s).toContain('lxc init busybox web -p default --target m2 >/dev/null');
    expect(s).toContain("where=$(lxc list '^web$' -c L -f csv)");
    expect(s).toContain('lxc move web --target m2 --stateless --quiet; else lxc move web --target m2 --quiet; fi');
    execFileSync('sh', ['-n'], { input: s });
  });

  test('without a target nothing moves', () => {
    const s = instanceConverge({
      name: 'web',
      image: 'busybox',
      profiles: ['default'],
      config: {},
      devices: {},
      state: 'running',
      description: '',
    });
    expect(s).not.toContain('--target');
    expect(s).not.toContain('lxc move');
  });

  test('move lines run under sh: only when the member differs', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'move-'));
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(
      path.join(bin, 'lxc'),
      '#!/bin/sh\necho "lxc $*" >> "$LOG"\ncase "$*" in *"-c L"*) echo "$WHERE" ;; *"-c s"*) echo "$STATE" ;; esac\n',
      { mode: 0o755 },
    );
    const s = ['set -eu', ...instanceMoveToMemberLines('web', 'm2')].join('\n');
    const run = (where: string, state: string) => {
      const log = path.join(dir, `${where}-${state}.log`);
      spawnSync('sh', ['-s'], {
        input: s,
        env: { PATH: `${bin}:/usr/bin:/bin`, LOG: log, WHERE: where, STATE: state },
      });
      return fs.readFileSync(log, 'utf8');
    };
    expect(run('m2', 'RUNNING')).not.toContain('lxc move');
    expect(run('m1', 'RUNNING')).toContain('lxc move web --target m2 --stateless --quiet');
    expect(run('m1', 'STOPPED')).toContain('lxc move web --target m2 --quiet');
  });

  test('to another remote: move or copy unless it is there, stateless when running', () => {
    const s = instanceMigrateRemote({ name: 'db', from: 'lxd01', to: 'lxd02', mode: 'copy', target: 'm2' });
    expect(s).toContain('if lxc query lxd02:/1.0/instances/db >/dev/null 2>&1; then exit 0; fi');
    expect(s).toContain('lxc copy lxd01:db lxd02:db --target m2 $flags --quiet');
    expect(instanceMigrateRemote({ name: 'db', from: 'local', to: 'far', mode: 'move' })).toContain(
      'lxc move local:db far:db $flags --quiet',
    );
  });
});

describe('publish', () => {
  test('published once, again only when the rebuild value changes; properties converged', () => {
    const s = imagePublish({
      instance: 'base',
      alias: 'base-img',
      properties: { os: 'busybox', 'user.cdktf.owner': 'lab' },
      rebuild: '1',
    });
    expect(s).toContain(
      `if have=$(lxc image get-property base-img ${REBUILD_PROPERTY} 2>/dev/null) && [ "$have" = 1 ]; then`,
    );
    expect(s).toContain('if lxc image info base-img >/dev/null 2>&1; then lxc image delete base-img; fi');
    expect(s).toContain(
      'lxc publish base --force --alias base-img os=busybox user.cdktf.owner=lab user.cdktf.rebuild=1 --quiet >/dev/null',
    );
    expect(s).toContain('lxc image set-property base-img os busybox');
    execFileSync('sh', ['-n'], { input: s });
  });

  test('publish under sh: skipped when built with the same value, rebuilt when not', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-'));
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(
      path.join(bin, 'lxc'),
      '#!/bin/sh\necho "lxc $*" >> "$LOG"\ncase "$1 $2" in "image get-property") [ -n "$HAVE" ] && echo "$HAVE" || exit 1 ;; "image info") [ -n "$HAVE" ] || exit 1 ;; esac\n',
      { mode: 0o755 },
    );
    const s = imagePublish({ instance: 'base', alias: 'img', properties: {}, rebuild: 'v2' });
    const run = (have: string) => {
      const log = path.join(dir, `${have || 'none'}.log`);
      expect(
        spawnSync('sh', ['-s'], { input: s, env: { PATH: `${bin}:/usr/bin:/bin`, LOG: log, HAVE: have } }).status,
      ).toBe(0);
      return fs.readFileSync(log, 'utf8');
    };
    expect(run('v2')).not.toContain('lxc publish');
    expect(run('v1')).toContain('lxc image delete img\nlxc publish base --force --alias img user.cdktf.rebuild=v2');
    expect(run('')).not.toContain('image delete');
    expect(run('')).toContain('lxc publish base');
  });
});
