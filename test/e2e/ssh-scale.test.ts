/**
 * 50 containers over one SshHost with Terraform's default parallelism (10): every command to the host
 * shares one ssh connection (ControlMaster), so sshd's MaxStartups (10 unauthenticated logins at a
 * time by default) never drops one, and MaxSessions (10 per connection) is not exceeded.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../constructs/core/cdk';
import { Container, LabStack, Profile, SshHost, StoragePool } from '../../index';
import { buildLib } from './support/lab-cli';
import { describeE2E } from './support/prereqs';
import { cleanupSshLabs, LXD, SSH_LAB_BINARIES, SshLab, startSshLab } from './support/ssh-lab';

jest.setTimeout(900000);

const COUNT = 50;

describeE2E(
  `${COUNT} containers over ssh with Terraform's default parallelism`,
  () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssh-scale-'));
    let lab: SshLab;

    beforeAll(async () => {
      buildLib();
      lab = await startSshLab({ name: 'sshsc', subnet: '10.131.41', machines: [{ name: 'h1', flavor: LXD }] });
      await lab.importBusybox('h1');
    }, 300000);
    afterAll(async () => {
      expect(await cleanupSshLabs()).toEqual([]);
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('deploys them all, with no connection refused or dropped, and a clean plan after', async () => {
      const out = path.join(tmp, 'out');
      const app = new App({ outdir: out });
      const stack = new LabStack(app, 'many', { localStatePath: path.join(tmp, 'many.tfstate') });
      const host = new SshHost(stack, 'h1', lab.sshHost('h1', 'alice', { sudo: true }));
      const pool = new StoragePool(stack, 'data', { host, driver: 'dir' });
      const profile = new Profile(stack, 'base', { host, rootPool: pool });
      for (let i = 0; i < COUNT; i++)
        new Container(stack, `c${i}`, { host, image: 'busybox', profiles: [profile], limits: { cpu: 1 } });
      app.synth();
      const w = lab.terraformIn(path.join(out, 'stacks', 'many'), {
        ...process.env,
        XDG_STATE_HOME: path.join(tmp, 'state'),
      });
      await w.ok(['init']);
      const started = Date.now();
      const r = await w.run(['apply', '-auto-approve']);
      const seconds = (Date.now() - started) / 1000;
      expect(r.stderr).not.toMatch(
        /Connection (refused|closed|reset)|kex_exchange_identification|Session open refused/,
      );
      expect(r.code).toBe(0);
      const running = ((await lab.lxcJson('h1', '/1.0/instances?recursion=1')) as any[]).filter(
        (i) => i.status === 'Running',
      );
      expect(running).toHaveLength(COUNT);
      const log = fs.readFileSync(lab.machine('h1').sshdLog, 'utf8');
      expect(log).not.toMatch(/drop connection|past MaxStartups/i);
      // One login did the work (a few at most: several clients may race to start the master).
      const logins = (log.match(/Accepted publickey for alice/g) ?? []).length;
      expect(logins).toBeLessThanOrEqual(10);
      console.log(`${COUNT} containers over ssh: apply ${seconds.toFixed(1)} s, ${logins} ssh login(s)`);
      expect(await w.plan()).toEqual([]);
    });
  },
  SSH_LAB_BINARIES,
);
