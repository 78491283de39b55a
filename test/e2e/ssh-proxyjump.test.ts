/**
 * SshHost.proxyJump against real sshd: three network namespaces, a workstation that reaches only a
 * bastion, and a target that only the bastion reaches. The command Terraform runs for an object on
 * the target (taken from the synthesized stack) gets there through the bastion (the target sees the
 * bastion's address as the client), with the script intact on stdin; the same host without
 * `proxyJump` cannot be reached. As the library documents, the jump host authenticates with the
 * deploying machine's default key and ~/.ssh/config (a private home, bind-mounted over /root in the
 * workstation's own mount namespace), the destination with the host's `identityFile` and `options`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from '../../constructs/core/cdk';
import { LabStack, Profile, SshHost, SshHostProps } from '../../index';
import { localExec, resourceBy, synthJson } from '../helpers';
import { check, run, sleepMs } from './support/lib/sh';
import { describeE2E } from './support/prereqs';

const tag = `pj${process.pid % 100000}`;
const ns = { ws: `${tag}-ws`, bastion: `${tag}-bastion`, target: `${tag}-target` };
const BASTION = '10.88.1.2';
const TARGET = '10.88.2.2';

describeE2E(
  'SshHost proxyJump through a real bastion',
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxyjump-'));
    const home = path.join(dir, 'home');
    const key = path.join(home, '.ssh', 'id_ed25519');
    const ip = (n: string, ...args: string[]) => check('ip', ['-n', n, ...args]);

    /** Starts sshd in namespace `n` on `address`, accepting `key` for root. */
    const sshd = (n: string, address: string) => {
      const conf = path.join(dir, `${n}.conf`);
      check('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, `${n}_host_key`)]);
      fs.writeFileSync(
        conf,
        [
          `ListenAddress ${address}:22`,
          `HostKey ${dir}/${n}_host_key`,
          `PidFile ${dir}/${n}.pid`,
          `AuthorizedKeysFile ${dir}/authorized/%u`,
          'PasswordAuthentication no',
          'KbdInteractiveAuthentication no',
          'PermitRootLogin prohibit-password',
          'UsePAM no',
          'StrictModes no',
          'AllowTcpForwarding yes',
          '',
        ].join('\n'),
      );
      check('ip', ['netns', 'exec', n, '/usr/sbin/sshd', '-f', conf, '-E', path.join(dir, `${n}.log`)]);
      for (
        let i = 0;
        i < 100 && !run('ip', ['netns', 'exec', n, 'ss', '-Hltn', `src ${address}:22`]).stdout.trim();
        i++
      )
        sleepMs(50);
    };

    beforeAll(() => {
      fs.mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 });
      fs.mkdirSync(path.join(dir, 'authorized'));
      fs.mkdirSync('/run/sshd', { recursive: true });
      check('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
      fs.writeFileSync(path.join(dir, 'authorized', 'root'), fs.readFileSync(`${key}.pub`));
      // The deploying machine's own ssh configuration for the jump host.
      fs.writeFileSync(
        path.join(home, '.ssh', 'config'),
        `Host ${BASTION}\n  StrictHostKeyChecking accept-new\n  UserKnownHostsFile /root/.ssh/known_hosts\n`,
        { mode: 0o600 },
      );
      for (const n of Object.values(ns)) {
        check('ip', ['netns', 'add', n]);
        ip(n, 'link', 'set', 'lo', 'up');
      }
      ip(ns.ws, 'link', 'add', 'up0', 'type', 'veth', 'peer', 'name', 'down0', 'netns', ns.bastion);
      ip(ns.bastion, 'link', 'add', 'up1', 'type', 'veth', 'peer', 'name', 'down1', 'netns', ns.target);
      for (const [n, dev, cidr] of [
        [ns.ws, 'up0', '10.88.1.1/24'],
        [ns.bastion, 'down0', `${BASTION}/24`],
        [ns.bastion, 'up1', '10.88.2.1/24'],
        [ns.target, 'down1', `${TARGET}/24`],
      ]) {
        ip(n, 'addr', 'add', cidr, 'dev', dev);
        ip(n, 'link', 'set', dev, 'up');
      }
      sshd(ns.bastion, BASTION);
      sshd(ns.target, TARGET);
    });

    afterAll(() => {
      for (const n of [ns.bastion, ns.target]) {
        const pidFile = path.join(dir, `${n}.pid`);
        if (fs.existsSync(pidFile)) run('kill', [fs.readFileSync(pidFile, 'utf8').trim()]);
      }
      for (const n of Object.values(ns)) run('ip', ['netns', 'del', n]);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    /** The local-exec command of an object on a host with `props`, run as Terraform runs it, from the workstation. */
    const deploy = (props: Partial<SshHostProps>, script: string) => {
      const stack = new LabStack(Testing.app(), 'lab');
      const host = new SshHost(stack, 'target', {
        address: TARGET,
        user: 'root',
        identityFile: key,
        options: {
          StrictHostKeyChecking: 'accept-new',
          UserKnownHostsFile: path.join(dir, 'known_hosts_target'),
          ConnectTimeout: '5',
        },
        ...props,
      });
      new Profile(stack, 'base', { host });
      const exec = localExec(resourceBy(synthJson(stack), 'base_profile_converge'));
      // The workstation's home is the test's: ssh reads ~/.ssh of the user's passwd entry, so it is mounted over /root.
      const inner = `mount --bind ${home} /root && exec /bin/sh -c "$CDKTF_TEST_COMMAND"`;
      return run('ip', ['netns', 'exec', ns.ws, 'unshare', '-m', '--propagation', 'private', '/bin/sh', '-c', inner], {
        env: { ...process.env, CDKTF_TEST_COMMAND: exec.command, CDKTF_LAB_SCRIPT: script },
        timeoutMs: 60000,
      });
    };

    it('without a jump host, the target cannot be reached from the workstation', () => {
      const r = deploy({}, 'echo reached');
      expect(r.code).not.toBe(0);
      expect(r.stdout).not.toContain('reached');
      expect(r.stderr).toMatch(/unreachable|timed out|No route/i);
    });

    it('through the bastion, the script runs on the target with its text intact', () => {
      const script = [
        `printf 'client=%s\\n' "$SSH_CONNECTION"`,
        `echo "quotes ' \\" and \\$HOME stay as written"`,
        'ip -4 -o addr show dev down1',
      ].join('\n');
      const r = deploy({ proxyJump: `root@${BASTION}` }, script);
      expect(r.stderr).not.toMatch(/denied|failed/i);
      expect(r.code).toBe(0);
      // The target sees the bastion as its client, on its own address and port 22.
      expect(r.stdout).toMatch(new RegExp(`^client=10\\.88\\.2\\.1 \\d+ ${TARGET.replace(/\./g, '\\.')} 22$`, 'm'));
      expect(r.stdout).toContain(`quotes ' " and $HOME stay as written`);
      expect(r.stdout).toContain(`inet ${TARGET}/24`);
    });
  },
  ['sshd', 'ssh', 'ssh-keygen', 'unshare'],
);
