/**
 * Multipass VMs follow the code too: a VM removed from the app is deleted (`multipass delete
 * --purge`) on the next apply through its record on the deploying machine; a protected one stops
 * the apply; the next plan is clean. Multipass is the stand-in (it cannot run here).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../constructs/core/cdk';
import { LabStack, MultipassVm } from '../../index';
import { newStandinHome, purgeAll, readCalls, standinEnv, vmInfo } from './support/multipass-standin';
import { describeE2E } from './support/prereqs';
import { synthStack, TerraformWorkdir } from './support/terraform';

const TAG = `${process.pid % 100000}`;

describeE2E('multipass VMs removed from the app are deleted', () => {
  const home = newStandinHome('mpst-prune-');
  const paths = { home };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vm-prune-'));
  const env = { ...standinEnv(paths), XDG_STATE_HOME: path.join(tmp, 'state') };
  let tf: TerraformWorkdir;
  const deploy = async (vms: Record<string, { protect?: boolean }>) => {
    tf = await synthStack(
      path.join(tmp, 'out'),
      'vms',
      (app: App) => {
        const stack = new LabStack(app, 'vms', { localStatePath: path.join(tmp, 'vms.tfstate') });
        for (const [id, o] of Object.entries(vms))
          new MultipassVm(stack, id, { name: `${id}${TAG}`, protect: o.protect });
      },
      env,
    );
    return tf.run(['apply', '-auto-approve']);
  };
  const deletes = () =>
    readCalls(paths)
      .filter((c) => c.argv[0] === 'delete')
      .map((c) => c.argv.filter((a) => !a.startsWith('-')).slice(1))
      .flat();

  afterAll(async () => {
    await purgeAll(paths, { removeHome: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('launches two VMs, then deletes the one removed from the code; the next plan is clean', async () => {
    expect((await deploy({ a: {}, b: {} })).code).toBe(0);
    expect(vmInfo(`a${TAG}`, paths)?.state).toBe('Running');
    expect(vmInfo(`b${TAG}`, paths)?.state).toBe('Running');
    expect((await deploy({ a: {} })).code).toBe(0);
    expect(vmInfo(`b${TAG}`, paths)).toBeUndefined();
    expect(deletes()).toEqual([`b${TAG}`]);
    expect(vmInfo(`a${TAG}`, paths)?.state).toBe('Running');
    expect(await tf.plan()).toEqual([]);
  });

  it('a protected VM removed from the code fails the apply and stays', async () => {
    expect((await deploy({ a: { protect: true } })).code).toBe(0);
    const r = await deploy({});
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(
      new RegExp(`record multipass-vm:a${TAG} \\(declared at vms/a\\) is no longer declared but is protected`),
    );
    expect(vmInfo(`a${TAG}`, paths)?.state).toBe('Running');
    expect((await deploy({ a: {} })).code).toBe(0);
    expect((await deploy({})).code).toBe(0);
    expect(vmInfo(`a${TAG}`, paths)).toBeUndefined();
  });
});
