/**
 * The ssh lab fixture (./support/ssh-lab.ts) proven against the real thing: logins through real sshd
 * as root and as alice and bob with sudo, one XDG_STATE_HOME per machine, sshd's real limits
 * (MaxStartups drops a burst of fresh logins; a ControlPersist master carries MaxSessions = 10
 * sessions at a time and does not hold its parent's pipes), a daemon down for one step and back
 * with its objects, a two-member cluster formed over the hub through ssh, terraform running in the
 * workstation namespace, and teardowns (normal, and after the owner process is SIGKILLed) that
 * leave nothing behind.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BackendSpec, INCUS_BACKEND, LXD_BACKEND } from '../../src/lxd/backend';
import { clusterBootstrap, clusterJoin } from '../../src/lxd/cluster';
import { shellCommand } from '../../src/shell/quote';
import { describeE2E } from './support/prereqs';
import { cleanupSshLabs, INCUS, labTraces, LXD, SSH_LAB_BINARIES, SshLab, startSshLab } from './support/ssh-lab';
import { waitFor } from './support/terraform';

/** Run `fn` over `items`, at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

/** Public-key logins sshd accepted so far on `machine` (from its VERBOSE log). */
const logins = (lab: SshLab, machine: string) =>
  (fs.readFileSync(lab.machine(machine).sshdLog, 'utf8').match(/^.*Accepted publickey for .*$/gm) ?? []).length;

/** Lab interfaces that would show up in the root namespace if a veth leaked there. */
const rootLinks = () => {
  const links = fs.readdirSync('/sys/class/net');
  return links.filter((l) => l === 'lab0' || l === 'vws');
};

/** Bootstrap `first` and join `second` with the library's scripts, every hop a real ssh login from the workstation. */
async function formCluster(lab: SshLab, b: BackendSpec, first: string, second: string) {
  const [m1, m2] = [lab.machine(first), lab.machine(second)];
  const boot = await lab.ssh(m1, 'root', clusterBootstrap({ name: m1.name, address: m1.clusterAddress }, b));
  expect(boot).toMatchObject({ code: 0 });
  const join = clusterJoin(
    { name: m2.name, address: m2.clusterAddress },
    m1.clusterAddress,
    { cluster: lab.sshCommand(m1, 'root'), member: lab.sshCommand(m2, 'alice', { sudo: true }) },
    b,
  );
  expect(await lab.inWorkstation('sh', ['-s'], { input: join })).toMatchObject({ code: 0 });
  // Seen from the joined member, through ssh: both members answer over the hub.
  const members = await lab.ssh(m2, 'bob', `${b.client} cluster list -f csv`, { sudo: true });
  expect(members.code).toBe(0);
  for (const m of [m1, m2]) {
    expect(members.stdout).toMatch(
      new RegExp(`^${m.name},https://${m.clusterAddress.replace(/\./g, '\\.')},.*ONLINE`, 'm'),
    );
    // The workstation reaches each member's cluster API too.
    const [host, port] = m.clusterAddress.split(':');
    const api = await lab.inWorkstation(process.execPath, [
      '-e',
      `require('https').get({ host: '${host}', port: ${port}, path: '/1.0', rejectUnauthorized: false },
      (r) => { let s = ''; r.on('data', (c) => (s += c)).on('end', () => console.log(JSON.parse(s).metadata.auth)); })`,
    ]);
    expect(api).toMatchObject({ code: 0, stdout: 'untrusted\n' });
  }
}

/** Stop the lab, timing it; nothing of it may be left. */
async function stopAndCheck(lab: SshLab) {
  const t0 = Date.now();
  expect(await lab.stop()).toEqual([]);
  console.log(`ssh lab ${lab.id}: started in ${lab.startMs} ms, torn down in ${Date.now() - t0} ms`);
  expect(labTraces(lab)).toEqual([]);
  expect(rootLinks()).toEqual([]);
}

describeE2E(
  'ssh lab: LXD machines behind real sshd, reached from a workstation namespace',
  () => {
    let lab: SshLab;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssh-lab-e2e-'));
    beforeAll(async () => {
      lab = await startSshLab({
        name: 'smoke',
        subnet: '10.131.7',
        machines: [
          { name: 'h1', flavor: LXD },
          { name: 'h2', flavor: LXD },
        ],
      });
    });
    afterAll(async () => {
      expect(await cleanupSshLabs()).toEqual([]);
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    test("root, and alice and bob with sudo, reach the machine's own daemon through ssh; without sudo alice cannot", async () => {
      await lab.lxcOk('h1', ['profile', 'create', 'only-on-h1']);
      const cases = [
        { user: 'root', sudo: false },
        { user: 'root', sudo: true },
        { user: 'alice', sudo: true },
        { user: 'bob', sudo: true },
      ];
      for (const { user, sudo } of cases) {
        const r = await lab.ssh(
          'h1',
          user,
          'lxc list -f csv && lxc profile list -f csv && id -un && echo "HOME=$HOME"',
          { sudo },
        );
        expect({ user, sudo, ...r }).toMatchObject({ user, sudo, code: 0 });
        expect(r.stdout).toMatch(/^only-on-h1,/m);
        // `sudo sh -s` runs as root with HOME=/root (Debian's sudo resets HOME to the target user's).
        expect(r.stdout).toMatch(/^root\nHOME=\/root$/m);
      }
      const h2 = await lab.ssh('h2', 'alice', 'lxc profile list -f csv', { sudo: true });
      expect(h2.code).toBe(0);
      expect(h2.stdout).not.toMatch(/only-on-h1/);
      const plain = await lab.ssh('h1', 'alice', 'lxc list');
      expect(plain.code).not.toBe(0);
      expect(plain.stderr).toMatch(/permission denied/i);
      await lab.lxcOk('h1', ['profile', 'delete', 'only-on-h1']);
    });

    test('each machine has its own XDG_STATE_HOME, kept through sudo and writable by every user', async () => {
      const seen: Record<string, string[]> = {};
      for (const m of lab.machines) {
        for (const [user, sudo] of [
          ['root', false],
          ['alice', false],
          ['alice', true],
          ['bob', true],
        ] as const) {
          const r = await lab.ssh(m, user, 'mkdir -p "$XDG_STATE_HOME/probe" && echo "$XDG_STATE_HOME"', { sudo });
          expect(r).toMatchObject({ code: 0, stderr: '' });
          (seen[m.name] ??= []).push(r.stdout.trim());
        }
      }
      expect(seen).toEqual({
        h1: Array(4).fill(lab.machine('h1').stateHome),
        h2: Array(4).fill(lab.machine('h2').stateHome),
      });
      expect(lab.machine('h1').stateHome).not.toBe(lab.machine('h2').stateHome);
    });

    test("sshd's default MaxStartups is real: 30 connections at once, 10 of them not yet logged in, lose logins", async () => {
      // MaxStartups (10:30:100) counts connections that have not authenticated yet. On an idle box a
      // login authenticates fast enough for a burst to slip through, so 10 connections are held before
      // the login phase (a slow or loaded client does the same); each of the 20 logins is then dropped
      // with a probability of 30% or more.
      const address = lab.machine('h2').address;
      const holder = spawn(
        'ip',
        [
          'netns',
          'exec',
          lab.workstation.netns,
          process.execPath,
          '-e',
          `
      const net = require('net');
      let greeted = 0;
      for (let i = 0; i < 10; i++) {
        const s = net.connect(22, ${JSON.stringify(address)});
        s.once('data', () => { if (++greeted === 10) console.log('held'); });
        s.on('error', () => {});
      }
      process.stdin.on('end', () => process.exit(0)).resume();`,
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      const exited = new Promise((resolve) => holder.on('close', resolve));
      try {
        let out = '';
        holder.stdout.on('data', (b) => (out += b));
        await waitFor('10 held connections', async () => (out.includes('held') ? true : undefined), 30000);
        const results = await Promise.all(Array.from({ length: 20 }, () => lab.ssh('h2', 'bob', 'true')));
        const failed = results.filter((r) => r.code !== 0).map((r) => r.stderr.trim());
        expect(failed.length).toBeGreaterThan(0);
        for (const e of failed) expect(e).toMatch(/kex_exchange_identification|Connection (reset|closed)/);
      } finally {
        holder.stdin.end();
        await exited;
      }
      expect(fs.readFileSync(lab.machine('h2').sshdLog, 'utf8')).toMatch(/drop connection #\d+ .* past MaxStartups/);
      // The limit is on concurrency only: once the held connections are gone, a login works.
      expect(await lab.ssh('h2', 'bob', 'true')).toMatchObject({ code: 0 });
    });

    test("a ControlPersist master: detached from its parent's pipes, 10 sessions at a time (MaxSessions), never a new login", async () => {
      const mux = { ControlMaster: 'auto', ControlPersist: '60', ControlPath: `${lab.controlDir}/%C` };
      const before = logins(lab, 'h2');
      // The first command starts the master, which stays in the background: it must not keep the pipe open.
      const t0 = Date.now();
      const first = await lab.inWorkstation(
        'sh',
        ['-c', `printf x | ${shellCommand(lab.sshArgs('h2', 'bob', mux))} cat`],
        { timeoutMs: 50000 },
      );
      const firstMs = Date.now() - t0;
      expect(first).toMatchObject({ code: 0, stdout: 'x' });
      expect(firstMs).toBeLessThan(50000); // ControlPersist=60: a held pipe would take 60 s
      const check = await lab.inWorkstation('ssh', [
        '-o',
        `ControlPath=${mux.ControlPath}`,
        '-O',
        'check',
        `bob@${lab.machine('h2').address}`,
      ]);
      expect(check.stderr).toMatch(/Master running/);
      expect(logins(lab, 'h2')).toBe(before + 1);

      // Terraform's default parallelism (10) fits in one master: all succeed on the one login.
      const ten = await Promise.all(
        Array.from({ length: 10 }, (_, i) => lab.ssh('h2', 'bob', `sleep 2; echo ${i}`, { options: mux })),
      );
      expect(ten.map((r) => [r.code, r.stdout.trim()])).toEqual(Array.from({ length: 10 }, (_, i) => [0, String(i)]));
      // 30 commands, at most 10 at a time: all succeed, still on that login.
      const thirty = await pool(
        Array.from({ length: 30 }, (_, i) => i),
        10,
        (i) => lab.ssh('h2', 'bob', `echo ${i}`, { options: mux }),
      );
      expect(thirty.map((r) => [r.code, r.stdout.trim()])).toEqual(
        Array.from({ length: 30 }, (_, i) => [0, String(i)]),
      );
      expect(logins(lab, 'h2')).toBe(before + 1);

      // More than 10 at once: the master refuses the extra sessions (sshd's MaxSessions, default 10), and ssh
      // falls back to fresh logins, which MaxStartups then throttles. A multiplexed runner must stay within 10.
      const burst = await Promise.all(
        Array.from({ length: 30 }, () => lab.ssh('h2', 'bob', 'sleep 5', { options: mux })),
      );
      expect(burst.some((r) => /Session open refused by peer/.test(r.stderr))).toBe(true);
      expect(logins(lab, 'h2')).toBeGreaterThan(before + 1);
    });

    test('a daemon stopped for one step is unreachable through ssh, and comes back with its objects', async () => {
      await lab.lxcOk('h1', ['storage', 'create', 'default', 'dir']);
      await lab.lxcOk('h1', ['profile', 'device', 'add', 'default', 'root', 'disk', 'path=/', 'pool=default']);
      await lab.importBusybox('h1');
      await lab.lxcOk('h1', ['launch', 'busybox', 'w1']);
      await lab.lxcOk('h1', ['exec', 'w1', '--', 'sh', '-c', 'echo kept > /root/marker']);
      await lab.lxcOk('h1', ['profile', 'create', 'kept']);

      await lab.stopDaemon('h1');
      const down = await lab.ssh('h1', 'alice', 'lxc list', { sudo: true });
      expect(down.code).not.toBe(0);
      expect(down.stderr).toMatch(/unix\.socket/);
      expect(await lab.ssh('h1', 'bob', 'echo sshd-up')).toMatchObject({ code: 0, stdout: 'sshd-up\n' });

      await lab.startDaemon('h1');
      const up = await lab.ssh(
        'h1',
        'alice',
        'lxc list -f csv -c ns && lxc exec w1 -- cat /root/marker && lxc profile list -f csv',
        { sudo: true },
      );
      expect(up.code).toBe(0);
      expect(up.stdout).toMatch(/^w1,RUNNING\nkept\n/);
      expect(up.stdout).toMatch(/^kept,/m);

      await lab.lxcOk('h1', ['delete', '--force', 'w1']);
      await lab.lxcOk('h1', ['image', 'delete', 'busybox']);
      await lab.lxcOk('h1', ['profile', 'device', 'remove', 'default', 'root']);
      await lab.lxcOk('h1', ['storage', 'delete', 'default']);
      await lab.lxcOk('h1', ['profile', 'delete', 'kept']);
    });

    test('terraform applies in the workstation namespace; its local-exec reaches a machine through ssh', async () => {
      const dir = path.join(tmp, 'tf');
      fs.mkdirSync(dir);
      const run = [
        `printf '%s\\n' 'lxc profile create from-terraform && lxc list -f csv && lxc profile list -f csv' | ${lab.sshCommand('h1', 'alice', { sudo: true })} > listed.txt`,
        'ip -4 -o addr show > where.txt',
      ].join(' && ');
      fs.writeFileSync(
        path.join(dir, 'main.tf.json'),
        JSON.stringify({
          resource: { terraform_data: { list: { provisioner: [{ 'local-exec': { command: run } }] } } },
        }),
      );
      const tf = lab.terraformIn(dir);
      await tf.ok(['init']);
      const applied = await tf.ok(['apply', '-auto-approve']);
      expect(applied).toMatch(/Apply complete! Resources: 1 added/);
      expect(fs.readFileSync(path.join(dir, 'listed.txt'), 'utf8')).toMatch(/^from-terraform,/m);
      const where = fs.readFileSync(path.join(dir, 'where.txt'), 'utf8');
      expect(where).toContain(`inet ${lab.workstation.address}/24`);
      expect(where.match(/ inet /g)).toHaveLength(2); // lo and the hub leg: nothing else
      expect(await lab.lxcJson('h1', '/1.0/profiles/from-terraform')).toMatchObject({ name: 'from-terraform' });
      await lab.lxcOk('h1', ['profile', 'delete', 'from-terraform']);
    });

    test('the machines form a two-member cluster over the hub', async () => {
      await formCluster(lab, LXD_BACKEND, 'h1', 'h2');
      const members = await lab.lxcOk('h1', ['cluster', 'list', '-f', 'csv']);
      expect(
        members
          .trim()
          .split('\n')
          .map((l) => l.split(',')[0])
          .sort(),
      ).toEqual(['h1', 'h2']);
    });

    test('stop() leaves no namespace, process, veth or file behind', async () => {
      await stopAndCheck(lab);
    });
  },
  SSH_LAB_BINARIES,
);

describeE2E(
  'ssh lab: Incus machines',
  () => {
    let lab: SshLab;
    beforeAll(async () => {
      lab = await startSshLab({
        name: 'incus',
        subnet: '10.131.8',
        machines: [
          { name: 'i1', flavor: INCUS },
          { name: 'i2', flavor: INCUS },
        ],
      });
    });
    afterAll(async () => {
      expect(await cleanupSshLabs()).toEqual([]);
    });

    test('sessions get INCUS_DIR and INCUS_CONF; the machines form a cluster through ssh; nothing is left', async () => {
      const r = await lab.ssh('i2', 'bob', 'echo "$INCUS_DIR $INCUS_CONF" && incus list -f csv', { sudo: true });
      expect(r).toMatchObject({ code: 0, stdout: `${lab.machine('i2').dataDir} ${lab.machine('i2').dataDir}.conf\n` });
      await formCluster(lab, INCUS_BACKEND, 'i1', 'i2');
      await stopAndCheck(lab);
    });
  },
  ['incus', ...SSH_LAB_BINARIES],
);

describeE2E(
  'ssh lab: the owner process dies',
  () => {
    test('the watchdog tears the lab down', async () => {
      const lib = path.join(__dirname, 'support/lib');
      const code = `
      const lab = require(${JSON.stringify(path.join(lib, 'ssh-lab.js'))});
      const { LXD } = require(${JSON.stringify(path.join(lib, 'daemon.js'))});
      const rec = lab.describeLab({ name: 'orphan', subnet: '10.131.9', machines: [{ name: 'o1', flavor: LXD }], ownerPid: process.pid });
      lab.startLabSync(rec);
      console.log(JSON.stringify(rec));
      setInterval(() => {}, 1000);`;
      const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (b) => (out += b));
      const rec = await waitFor(
        'the orphan lab',
        async () => (out.includes('\n') ? JSON.parse(out) : undefined),
        60000,
      );
      const namespaces = [rec.hubNetns, rec.workstation.netns, ...rec.machines.map((m: { netns: string }) => m.netns)];
      expect(namespaces.filter((ns) => fs.existsSync(`/run/netns/${ns}`))).toHaveLength(3);
      child.kill('SIGKILL');
      await waitFor('the watchdog', async () => (fs.existsSync(rec.recordFile) ? undefined : true), 30000);
      expect(namespaces.filter((ns) => fs.existsSync(`/run/netns/${ns}`))).toEqual([]);
      expect(fs.existsSync(rec.dir)).toBe(false);
      const leftovers = fs
        .readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(rec.dir);
          } catch {
            return false;
          }
        });
      expect(leftovers).toEqual([]);
    });
  },
  SSH_LAB_BINARIES,
);
