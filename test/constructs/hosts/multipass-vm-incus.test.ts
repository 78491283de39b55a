/**
 * An Incus VM host: its user-data installs Incus and applies the preseed with
 * `incus admin init --preseed`, passes `cloud-init schema`, and the lxd module is refused there.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { App } from '../../../constructs/core/cdk';
import { buildIncusVm } from '../../../examples/incus-lab';
import { CloudConfig, LabStack, MultipassVm } from '../../../index';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'incus-vm-'));
const userData = (outdir: string): string => {
  const assets = path.join(outdir, 'stacks', 'incus-vm');
  const json = JSON.parse(fs.readFileSync(path.join(assets, 'cdk.tf.json'), 'utf8'));
  const vm = Object.entries(json.resource.terraform_data as Record<string, any>).find(([k]) =>
    k.startsWith('vm_converge'),
  )![1];
  return String(vm.provisioner[0]['local-exec'].environment.CDKTF_LAB_USER_DATA ?? '').replace(/\$\$\{/g, '${');
};

describe('an Incus VM host', () => {
  const outdir = tmp();
  const app = new App({ outdir });
  buildIncusVm(app);
  app.synth();
  const text = userData(outdir);

  it('installs incus and applies the preseed with incus admin init, with no lxd module', () => {
    const doc = parse(text);
    expect(doc.packages).toContain('incus-base');
    expect(doc.lxd).toBeUndefined();
    const file = doc.write_files.find((f: any) => f.path === '/var/lib/cloud/incus-preseed.yaml');
    expect(file).toMatchObject({ permissions: '0600', owner: 'root:root' });
    expect(parse(file.content).networks[0]).toMatchObject({
      name: 'incusbr0',
      config: { 'ipv4.address': '10.31.0.1/24' },
    });
    expect(JSON.stringify(doc.runcmd)).toMatch(/incus admin init --preseed/);
  });

  it('passes cloud-init schema', () => {
    const file = path.join(tmp(), 'user-data.yaml');
    fs.writeFileSync(file, text);
    const r = spawnSync('cloud-init', ['schema', '--config-file', file], { encoding: 'utf8' });
    expect({ status: r.status, out: `${r.stdout}${r.stderr}` }).toEqual({
      status: 0,
      out: expect.stringContaining('Valid cloud-config'),
    });
  });

  it('refuses the lxd module on an Incus VM and the incus option on an LXD VM', () => {
    const build = (backend: 'lxd' | 'incus', cloudConfig: CloudConfig) => () =>
      new MultipassVm(new LabStack(new App({ outdir: tmp() }), 's'), 'vm', { backend, image: '24.04', cloudConfig });
    expect(build('incus', new CloudConfig({ lxd: { init: { storageBackend: 'dir' } } }))).toThrow(
      /\[s\/vm\] cloudConfig\.lxd = .*the host runs Incus.*Fix: move the storage and bridge into cloudConfig\.incus\.preseed/,
    );
    expect(build('lxd', new CloudConfig({ incus: {} }))).toThrow(
      /\[s\/vm\] cloudConfig\.incus = .*the host runs LXD.*Fix: set backend: 'incus' on the host/,
    );
  });
});
