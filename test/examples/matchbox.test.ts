/**
 * The two Matchbox examples synthesize; the two-stack one wires lab -> pxe through cross-stack
 * references (lab outputs, a terraform_remote_state in pxe, the dependency in manifest.json) and
 * never through a cross-stack depends_on. When terraform is installed, both stacks pass `terraform validate`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { App } from '../../constructs/core/cdk';
import { buildPxeWithLxd } from '../../examples/pxe-with-lxd';
import { buildSeed003 } from '../../examples/seed003-matchbox';
import { tmpDir } from '../helpers';

type Json = Record<string, any>;
const read = (dir: string, stack: string): Json =>
  JSON.parse(fs.readFileSync(path.join(dir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
const hasTerraform = spawnSync('sh', ['-c', 'command -v terraform']).status === 0;

/** `terraform init -backend=false && terraform validate` in a copy of the stack directory. */
function terraformValidate(outdir: string, stack: string): string {
  const dir = path.join(outdir, 'stacks', stack);
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  const init = spawnSync('terraform', ['init', '-input=false', '-backend=false', '-no-color'], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 120000,
  });
  if (init.status !== 0) return `init: ${init.stderr}`;
  const v = spawnSync('terraform', ['validate', '-no-color'], { cwd: dir, env, encoding: 'utf8', timeout: 120000 });
  return v.status === 0 ? 'valid' : v.stderr;
}

describe('examples/seed003-matchbox.ts', () => {
  it('synthesizes seed 003: two profiles, two groups, dnsmasq, NAT, prefetch', () => {
    const outdir = tmpDir('mbx-ex-');
    const app = new App({ outdir });
    buildSeed003(app, { matchboxSha256: 'b'.repeat(64), hostAddress: '203.0.113.10' });
    app.synth();
    const json = read(outdir, 'seed003');
    const keys = Object.keys(json.resource.terraform_data);
    for (const prefix of [
      'coreos-install_files',
      'simple_files',
      'default_file',
      'node1_file',
      'matchbox_dnsmasq',
      'matchbox_nat',
      'matchbox_assets',
    ]) {
      expect(keys.filter((k) => k.startsWith(`${prefix}_`))).toHaveLength(2);
    }
    expect(json.output.matchbox_grpc_endpoint.value).toBe('203.0.113.10:8081');
    expect(json.output.matchbox_http_endpoint.value).toBe('http://192.168.0.1:8080');
    if (hasTerraform) expect(terraformValidate(outdir, 'seed003')).toBe('valid');
  });

  it("is shorter than the seed's 108 lines of HCL, as its header says", () => {
    const text = fs.readFileSync(path.join(__dirname, '../../examples/seed003-matchbox.ts'), 'utf8');
    expect(text).toMatch(/108 lines/);
    const body = text.slice(
      text.indexOf('export function buildSeed003'),
      text.indexOf('\n}\n', text.indexOf('export function buildSeed003')),
    );
    expect(body.split('\n').length).toBeLessThanOrEqual(58);
  });
});

describe('examples/pxe-with-lxd.ts', () => {
  const outdir = tmpDir('mbx-ex-');
  const app = new App({ outdir });
  buildPxeWithLxd(app, { matchboxSha256: 'b'.repeat(64) });
  app.synth();
  const lab = read(outdir, 'lab');
  const pxe = read(outdir, 'pxe');

  it('pxe reads lab through terraform_remote_state; lab exports the referenced ids', () => {
    expect(Object.keys(pxe.data.terraform_remote_state)).toEqual(['cross-stack-reference-input-lab']);
    expect(pxe.data.terraform_remote_state['cross-stack-reference-input-lab']).toMatchObject({
      backend: 'local',
      config: { path: '../../../terraform.lab.tfstate' },
    });
    const outputs = Object.values(lab.output as Json).map((o) => o.value);
    expect(outputs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\{terraform_data\.vm_converge_[0-9A-F]+\.id\}$/),
        expect.stringMatching(/^\$\{terraform_data\.pxebr0_network_converge_[0-9A-F]+\.id\}$/),
      ]),
    );
  });

  it('manifest.json orders the stacks: pxe depends on lab', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks.pxe.dependencies).toEqual(['lab']);
    expect(manifest.stacks.lab.dependencies).toEqual([]);
  });

  it('every depends_on of pxe names a resource of pxe (none crosses stacks)', () => {
    const local = new Set(Object.keys(pxe.resource.terraform_data).map((k) => `terraform_data.${k}`));
    const deps = (Object.values(pxe.resource.terraform_data) as Json[]).flatMap((r) => r.depends_on ?? []);
    expect(deps.length).toBeGreaterThan(0);
    for (const d of deps) expect(local.has(d)).toBe(true);
    // The container waits for the lab's VM and bridge through the anchor that references them.
    const anchor = Object.entries(pxe.resource.terraform_data as Json).find(([k]) => k.startsWith('vm_ready_'))![1];
    expect(anchor.triggers_replace).toHaveLength(3);
    for (const ref of anchor.triggers_replace)
      expect(ref).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-lab\.outputs\./);
  });

  it('the Matchbox server runs inside the container, through the VM', () => {
    const setup = Object.entries(pxe.resource.terraform_data as Json).find(([k]) =>
      k.startsWith('server_matchbox_converge_'),
    )![1];
    expect(setup.provisioner[0]['local-exec'].command).toBe(
      `printf '%s\\n' "$CDKTF_LAB_SCRIPT" | multipass exec pxe-lab -- sudo lxc exec -T matchbox -- sh -s`,
    );
    // Replacing the container re-runs the setup inside the fresh one.
    expect(setup.triggers_replace.settings.hostGeneration).toMatch(
      /^\$\{terraform_data\.matchbox_instance_object_[0-9A-F]+\.id\}$/,
    );
  });

  it('both stacks pass terraform validate', () => {
    if (!hasTerraform) return;
    expect(terraformValidate(outdir, 'lab')).toBe('valid');
    expect(terraformValidate(outdir, 'pxe')).toBe('valid');
  });
});
