/**
 * `terraform init -backend=false && terraform validate` accepts the synthesized default example
 * and a multi-object stack full of secrets and awkward strings (terraform_data needs no provider).
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { App } from '../../constructs/core/cdk';
import { buildLab } from '../../examples/default';
import {
  Bridge,
  CloudConfig,
  Container,
  LabStack,
  LocalHost,
  LxdPreseed,
  MultipassVm,
  Profile,
  SshHost,
  StoragePool,
} from '../../index';
import { tmpDir } from '../helpers';

jest.setTimeout(120000);

function terraform(cwd: string, ...args: string[]): { status: number | null; output: string } {
  const r = spawnSync('terraform', [...args, '-no-color'], {
    cwd,
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_DATA_DIR: path.join(cwd, '.terraform') },
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Synthesizes `build` into a fresh outdir and runs init + validate on every stack. */
function validateApp(build: (app: App) => void): string[] {
  const outdir = tmpDir('spine-tf-');
  const app = new App({ outdir });
  build(app);
  app.synth();
  const stacks = fs.readdirSync(path.join(outdir, 'stacks'));
  for (const s of stacks) {
    const cwd = path.join(outdir, 'stacks', s);
    const init = terraform(cwd, 'init', '-backend=false', '-input=false');
    expect({ stack: s, init: init.status, output: init.status === 0 ? '' : init.output }).toEqual({
      stack: s,
      init: 0,
      output: '',
    });
    const v = terraform(cwd, 'validate');
    expect({ stack: s, validate: v.status, output: v.output }).toEqual({
      stack: s,
      validate: 0,
      output: expect.stringContaining('The configuration is valid'),
    });
  }
  return stacks;
}

const AWKWARD = `a "quoted" 'single' \\back\\slash \${HOME} %{ if true }x%{ endif } $\${lit} \n newline ünï $(x) \`y\``;

describe('terraform validate', () => {
  it('catches a broken expression (the check is meaningful)', () => {
    const dir = tmpDir('spine-tf-bad-');
    fs.writeFileSync(
      path.join(dir, 'main.tf.json'),
      JSON.stringify({
        resource: { terraform_data: { x: { input: '${sensitive("a"b")}' } } },
      }),
    );
    expect(terraform(dir, 'init', '-backend=false').status).toBe(0);
    expect(terraform(dir, 'validate').status).toBe(1);
  });

  it('accepts the default example', () => {
    expect(validateApp((app) => buildLab(app))).toEqual(['lab']);
  });

  it('accepts a multi-object, multi-host stack with secrets and awkward strings', () => {
    const stacks = validateApp((app) => {
      const stack = new LabStack(app, 'many');
      const vm = new MultipassVm(stack, 'vm', {
        name: 'node01',
        cpus: 2,
        memory: '2G',
        disk: '10G',
        mounts: [{ source: `/srv/${AWKWARD.replace(/[:\n]/g, '')}`, target: '/srv' }],
        cloudConfig: new CloudConfig({
          writeFiles: [{ path: '/etc/motd', content: AWKWARD }],
          runcmd: [AWKWARD],
          lxd: {
            init: { storageBackend: 'btrfs', trustPassword: AWKWARD },
            bridge: { mode: 'new', ipv4Address: '10.1.0.1', ipv4Netmask: 24 },
          },
        }),
      });
      const ssh = new SshHost(stack, 'ssh', {
        address: 'lxd02.example.test',
        identityFile: `/k/${AWKWARD}`,
        options: { ProxyJump: AWKWARD },
      });
      const local = new LocalHost(stack, 'local', { sudo: true });
      new LxdPreseed(stack, 'join', {
        host: ssh,
        preseed: {
          config: { 'core.https_address': '', 'core.trust_password': AWKWARD },
          cluster: {
            enabled: true,
            serverName: 'node02',
            clusterToken: AWKWARD,
            memberConfig: [{ entity: 'storage-pool', name: 'default', key: 'source', value: '' }],
          },
        },
      });
      new LxdPreseed(stack, 'plain', { host: local, preseed: { config: { 'user.note': AWKWARD } } });
      for (const [i, host] of [vm, ssh, local].entries()) {
        const pool = new StoragePool(stack, `pool${i}`, {
          host,
          driver: 'dir',
          source: `/var/${AWKWARD}`,
          description: AWKWARD,
          protect: i === 0,
        });
        const br = new Bridge(stack, `br${i}`, {
          host,
          ipv4Address: '10.9.0.1/24',
          ipv4DhcpRanges: [{ start: '10.9.0.100', end: '10.9.0.150' }],
          rawDnsmasq: AWKWARD,
          description: AWKWARD,
        });
        br.addStaticLease({ mac: '52:54:00:aa:bb:cc', ipv4Address: '10.9.0.200' });
        const prof = new Profile(stack, `prof${i}`, {
          host,
          rootPool: pool,
          network: br,
          config: { 'user.x': AWKWARD },
          description: AWKWARD,
        });
        new Container(stack, `c${i}`, {
          host,
          image: 'images:alpine/3.19',
          profiles: [prof],
          description: AWKWARD,
          config: { 'user.x': AWKWARD },
          nics: [{ bridge: br, name: 'eth1', ipv4Address: '10.9.0.10' }],
          disks: { d: { source: `/srv/${AWKWARD}`, path: '/d' } },
          limits: { cpu: '0-1', memory: '512MiB', processes: 100 },
          state: 'stopped',
        });
      }
      new LabStack(app, 'second').node.addMetadata('purpose', 'an empty second stack validates too');
    });
    expect(stacks.sort()).toEqual(['many', 'second']);
  });

  it('accepts objects of one stack using a bridge, pool and profile of another (cross-stack references, no depends_on across)', () => {
    const stacks = validateApp((app) => {
      const lab = new LabStack(app, 'lab');
      const host = new SshHost(lab, 'host', { address: '10.0.0.5' });
      const pool = new StoragePool(lab, 'data', { host, driver: 'dir' });
      const br = new Bridge(lab, 'labbr0', { host, ipv4Address: '10.20.0.1/24' });
      const prof = new Profile(lab, 'base', { host, rootPool: pool });
      const apps = new LabStack(app, 'apps');
      new Container(apps, 'web', {
        host,
        image: 'ubuntu:22.04',
        profiles: [prof],
        nics: [{ bridge: br, ipv4Address: '10.20.0.10' }],
      });
    });
    expect(stacks.sort()).toEqual(['apps', 'lab']);
  });
});
