/**
 * The Incus backend at synth: cli scripts call `incus`, the provider rendering emits lxc/incus
 * resources that pass the provider's schema, and what Incus lacks is refused with a clear error.
 */
import { readScript } from '../../../src/lifecycle/scripts';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../../constructs/core/cdk';
import { buildIncusLab } from '../../../examples/incus-lab';
import { Bridge, Container, LabStack, LocalHost, LxdCluster, LxdPreseed, SshHost } from '../../../index';
import { checkAgainstSchemas, formatIssue, schemaFilesForConfig } from '../../support/provider-schema-check';

type Json = Record<string, any>;

function synth(build: (app: App) => void): Record<string, Json> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'incus-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  const stacks = fs.existsSync(path.join(outdir, 'stacks')) ? fs.readdirSync(path.join(outdir, 'stacks')) : [];
  return Object.fromEntries(
    stacks.map((s) => [s, JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8'))]),
  );
}
const unescape = (s: string) => s.replace(/\$\$\{/g, '${');
const scripts = (json: Json): string[] =>
  Object.values(json.resource.terraform_data as Json)
    .flatMap((r: Json) =>
      (r.provisioner ?? []).map((p: Json) =>
        Object.values(p['local-exec'].environment ?? {})
          .map(String)
          .map(unescape)
          .join('\n'),
      ),
    )
    .concat(
      Object.values(json.resource.terraform_data as Json).map((r: Json) => unescape(String(r.input?.destroy ?? ''))),
    );

describe('cli rendering on an Incus host', () => {
  const json = synth((app) => buildIncusLab(app))['incus-lab'];
  const all = scripts(json).join('\n');

  it('calls incus and incus admin init, never lxc or lxd', () => {
    expect(all).toMatch(/\bincus query -X PATCH \/1\.0\/instances\/web /);
    expect(all).toMatch(/\bincus init images:ubuntu\/24\.04\/cloud db\b/);
    expect(all).toMatch(/incus admin init --preseed <</);
    expect(all).toMatch(/incus image copy images:debian\/12\/cloud local: --alias debian12\.cdktf-new/);
    // The prune reads and deletes through incus too (its unit names the daemon and its client).
    const prune = Object.entries<Json>(json.resource.terraform_data).find(([k]) =>
      /^lifecycle_ssh.*_before_/.test(k),
    )![1];
    expect(prune.input.key).toBe('ssh:192.168.10.180:22/incus');
    expect(readScript({ client: 'incus', required: true })).toMatch(/\nincus query '\/1\.0\/instances\?recursion=1'/);
    expect(all).not.toMatch(/(^|[\s;(|&])lxc\s/m);
    expect(all).not.toMatch(/(^|[\s;(|&])lxd init/m);
  });

  it('uses the command forms Incus 6.0 and 7.0 both take (7.0 deprecates KEY VALUE)', () => {
    // The cached image's ownership properties: KEY=VALUE first (Incus 7), KEY VALUE when that fails (Incus 6.0).
    expect(all).toContain(
      '{ incus image set-property debian12 user.cdktf.owner=incus-lab 2>/dev/null || incus image set-property debian12 user.cdktf.owner incus-lab; }',
    );
    expect(all).not.toMatch(/\bincus config set \S+ \S+/);
    expect(
      all
        .split('\n')
        .filter((l) => /\bincus query -X /.test(l))
        .every((l) => / --wait --data /.test(l)),
    ).toBe(true);
  });

  it('has one prune per machine and daemon', () => {
    const prunes = Object.keys(json.resource.terraform_data).filter((k) => k.startsWith('lifecycle_'));
    expect(prunes.map((k) => k.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual([
      'lifecycle_local_after',
      'lifecycle_local_before',
      'lifecycle_ssh-192-168-10-180-22-incus_after',
      'lifecycle_ssh-192-168-10-180-22-incus_before',
    ]);
  });
});

describe('an Incus cluster in cli rendering', () => {
  it('records its members with config set KEY=VALUE', () => {
    const json = synth((app) => {
      const stack = new LabStack(app, 'ic');
      const host = (id: string, address: string) => new SshHost(stack, id, { address, backend: 'incus' });
      new LxdCluster(stack, 'c', {
        members: [
          { host: host('n1', '10.0.0.11'), name: 'n1', address: '10.0.0.11:8443' },
          { host: host('n2', '10.0.0.12'), name: 'n2', address: '10.0.0.12:8443' },
        ],
      });
    }).ic;
    expect(scripts(json).join('\n')).toContain('incus config set user.cdktf.members.ic=n2');
  });
});

describe('provider rendering on an Incus host', () => {
  const json = synth((app) => buildIncusLab(app, { rendering: 'provider' }))['incus-lab-provider'];

  it('passes the lxc/incus provider schema', () => {
    expect(checkAgainstSchemas(json, schemaFilesForConfig(json)).map(formatIssue)).toEqual([]);
  });

  it("emits incus_* resources on the host's remote, with the same desired state as the cli", () => {
    expect(json.terraform.required_providers.incus.source).toMatch(/(^|\/)lxc\/incus$/);
    expect(json.provider.incus[0].remote).toEqual([
      { name: 'ssh-debian-192-168-10-180-22', address: 'https://192.168.10.180:8443', token: 'change-me' },
    ]);
    const web = Object.values(json.resource.incus_instance as Json).find((r: Json) => r.name === 'web') as Json;
    expect(web).toMatchObject({
      type: 'container',
      profiles: ['base'],
      running: true,
      config: { 'limits.cpu': '1', 'limits.memory': '1GiB' },
    });
    expect(web.image).toBe('debian12');
    const image = Object.values(json.resource.incus_image as Json)[0] as Json;
    expect(image).toMatchObject({
      source_image: { remote: 'images', name: 'debian/12/cloud' },
      alias: [{ name: 'debian12' }],
    });
    expect(Object.keys(json.resource)).not.toContain('lxd_instance');
    expect(json.resource.terraform_data).toBeUndefined();
  });
});

describe('what Incus does not have is refused at synth, and nothing is written', () => {
  const attempt = (build: (stack: LabStack, host: LocalHost) => void) => {
    let stacks: Record<string, Json> = {};
    let error: Error | undefined;
    try {
      stacks = synth((app) => {
        const stack = new LabStack(app, 'bad');
        build(stack, new LocalHost(stack, 'host', { backend: 'incus' }));
      });
    } catch (e) {
      error = e as Error;
    }
    expect(stacks).toEqual({});
    return error?.message ?? '';
  };

  it('the ubuntu: remote', () => {
    expect(attempt((s, host) => new Container(s, 'c', { host, image: 'ubuntu:22.04' }))).toMatch(
      /\[bad\/c\] image = "ubuntu:22.04": Incus has no ubuntu: remote.*Fix: use the images: remote, e\.g\. images:ubuntu\/22\.04\/cloud/,
    );
  });
  it('a trust password', () => {
    expect(
      attempt((s, host) => new LxdPreseed(s, 'init', { host, preseed: { config: { 'core.trust_password': 'x' } } })),
    ).toMatch(
      /\[bad\/init\] preseed\.config\.core\.trust_password = .*Incus has no trust password.*Fix: trust clients with a token/,
    );
  });
  it('a fan bridge', () => {
    expect(attempt((s, host) => new Bridge(s, 'fan0', { host, config: { 'bridge.mode': 'fan' } }))).toMatch(
      /\[bad\/fan0\] config\.bridge\.mode = "fan": Incus has no fan bridges/,
    );
  });
  it('and LXD has no oci-docker: remote', () => {
    const stacks = (() => {
      try {
        return synth((app) => {
          const stack = new LabStack(app, 'bad');
          new Container(stack, 'c', { host: new LocalHost(stack, 'host'), image: 'oci-docker:nginx' });
        });
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(stacks).toMatch(/\[bad\/c\] image = "oci-docker:nginx": LXD has no oci-docker: remote/);
  });
});
