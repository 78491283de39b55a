/**
 * Secrets: a trust password or cluster token is only ever inside `sensitive(...)` expressions
 * of the synthesized JSON, never in a local-exec `command`, and round-trips exactly.
 */
import { TerraformVariable, Testing } from '../../constructs/core/cdk';
import {
  CloudConfig,
  LabStack,
  LabStackProps,
  LocalHost,
  LxdPreseed,
  MultipassVm,
  PreseedDocument,
  renderPreseed,
} from '../../index';
import { preseedApply, script } from '../../src/lxd/cli';
import { refuseTrustPasswordLines } from '../../src/lxd/version';
import { Json, localExec, resourceBy, synthJson, unsensitive } from '../helpers';

/** Secrets start with a marker that survives any escaping, so a leak anywhere is found. */
const PASSWORD = 'PWMARKER tr"ust\\pa$$ ${word} %{x}\n\'s';
const TOKEN = 'TOKENMARKER eyJzZXJ2ZXJfbmFtZSI6Im5vZGUwMiJ9"quoted"';

/** Every string leaf of a JSON document, with its path. */
function leaves(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, `${at}.${k}`));
  return [];
}

/** Asserts the secret's marker (its first word) appears in no command and only inside sensitive() leaves. */
function expectOnlySensitive(json: Json, secret: string): string[] {
  const needle = secret.split(' ')[0];
  const hits = leaves(json).filter(([, v]) => v.includes(needle));
  expect(hits.length).toBeGreaterThan(0);
  for (const [at, v] of hits) {
    expect(at).not.toMatch(/\.command$/);
    // with every sensitive("...") expression cut out, nothing of the secret is left
    const rest = v.replace(/\$\{sensitive\((?:jsondecode\()?"(?:[^"\\]|\\.)*"\)?\)\}/gs, '');
    expect({ at, leaked: rest.includes(needle) }).toEqual({ at, leaked: false });
  }
  for (const [at, v] of leaves(json).filter(([p]) => p.endsWith('.command'))) {
    expect({ at, v }).toEqual({ at, v: expect.not.stringContaining('sensitive') });
  }
  return hits.map(([at]) => at);
}

function preseedStack(doc: PreseedDocument, props: LabStackProps = {}) {
  const stack = new LabStack(Testing.app(), 'lab', props);
  new LxdPreseed(stack, 'init', { host: new LocalHost(stack, 'h'), preseed: doc });
  return synthJson(stack);
}

describe('LxdPreseed with secrets', () => {
  const doc: PreseedDocument = {
    config: { 'core.https_address': '10.0.0.2:8443', 'core.trust_password': PASSWORD },
    cluster: {
      serverName: 'node02',
      enabled: true,
      clusterAddress: '10.0.0.1:8443',
      clusterToken: TOKEN,
      serverAddress: '10.0.0.2:8443',
    },
  };
  const json = preseedStack(doc);

  it('puts the password and the token only inside sensitive() expressions, never in a command', () => {
    const at = expectOnlySensitive(json, PASSWORD);
    expect(at.map((p) => p.replace(/_[0-9A-F]{8}/, '')).sort()).toEqual([
      '.resource.terraform_data.init_preseed_converge.provisioner[0].local-exec.environment.CDKTF_LAB_SCRIPT',
      '.resource.terraform_data.init_preseed_converge.triggers_replace.settings',
    ]);
    expectOnlySensitive(json, TOKEN);
  });

  it('the sensitive values decode to exactly the rendered preseed and script', () => {
    const conv = resourceBy(json, 'init_preseed_converge');
    // The preseed sets a trust password: the host's LXD version is checked first (LXD 6.1 removed them).
    expect(unsensitive(localExec(conv).environment.CDKTF_LAB_SCRIPT)).toBe(
      script(refuseTrustPasswordLines('lxc query /1.0', 'the preseed of lab/init')) + preseedApply(doc),
    );
    expect(JSON.parse(unsensitive(conv.triggers_replace.settings))).toEqual({ preseed: renderPreseed(doc) });
    expect(renderPreseed(doc)).toContain(TOKEN);
  });

  it('has no destroy provisioner (LXD has no un-init) and a fixed identity', () => {
    const obj = resourceBy(json, 'init_preseed_object');
    expect(obj.provisioner).toBeUndefined();
    expect(obj.triggers_replace).toEqual({ kind: 'lxd-preseed' });
  });

  it('a cluster password is handled the same way', () => {
    const secret = 'CLUSTERPWMARKER "pw';
    expectOnlySensitive(
      preseedStack({ cluster: { enabled: true, serverName: 'n1', clusterPassword: secret } }),
      secret,
    );
  });

  it('null_resource triggers carry it only as sensitive strings', () => {
    const nj = preseedStack(doc, { commandResource: 'null_resource' });
    expectOnlySensitive(nj, PASSWORD);
    const conv = resourceBy(nj, 'init_preseed_converge', 'null_resource');
    expect(JSON.parse(unsensitive(conv.triggers.settings))).toEqual({ preseed: renderPreseed(doc) });
  });

  it('a preseed without secrets is not sensitive at all', () => {
    const plain = preseedStack({ config: { 'core.https_address': '[::]:8443' } });
    expect(JSON.stringify(plain)).not.toContain('sensitive(');
  });
});

describe('MultipassVm with a trust password in cloud-init', () => {
  const cloudConfig = new CloudConfig({ lxd: { init: { storageBackend: 'dir', trustPassword: PASSWORD } } });
  const stack = new LabStack(Testing.app(), 'lab');
  new MultipassVm(stack, 'vm', { name: 'lab-vm', cloudConfig });
  const json = synthJson(stack);

  it('user-data is sensitive in the environment and the identity, never on a command line', () => {
    expect(cloudConfig.hasSecret).toBe(true);
    const at = expectOnlySensitive(json, PASSWORD);
    expect(at.map((p) => p.replace(/_[0-9A-F]{8}/, ''))).toEqual(
      expect.arrayContaining([
        '.resource.terraform_data.vm_converge.provisioner[0].local-exec.environment.CDKTF_LAB_USER_DATA',
        '.resource.terraform_data.vm_object.triggers_replace.userData',
      ]),
    );
  });

  it('each environment variable is kept (the user-data is not lost) and decodes exactly', () => {
    const env = localExec(resourceBy(json, 'vm_converge')).environment;
    expect(Object.keys(env).sort()).toEqual(['CDKTF_LAB_SCRIPT', 'CDKTF_LAB_USER_DATA']);
    expect(unsensitive(env.CDKTF_LAB_USER_DATA)).toBe(cloudConfig.render());
    expect(unsensitive(resourceBy(json, 'vm_object').triggers_replace.userData)).toBe(cloudConfig.render());
  });
});

describe('MultipassVm with a secret on null_resource', () => {
  it('keeps the user-data sensitive inside the JSON-encoded identity trigger', () => {
    const stack = new LabStack(Testing.app(), 'lab', { commandResource: 'null_resource' });
    const cloudConfig = new CloudConfig({ lxd: { init: { trustPassword: PASSWORD } } });
    new MultipassVm(stack, 'vm', { cloudConfig });
    const json = synthJson(stack);
    expectOnlySensitive(json, PASSWORD);
    const identity: string = resourceBy(json, 'vm_object', 'null_resource').triggers.identity;
    expect(identity).toMatch(/^\{"kind":"multipass-vm",.*"userData":"\$\{sensitive\(".*"\)\}","daemon":"local#"\}$/s);
    expect(typeof resourceBy(json, 'vm_converge', 'null_resource').triggers.settings).toBe('string');
  });
});

describe('a secret from a sensitive Terraform variable', () => {
  it('is interpolated inside sensitive(), never written, and quoted for YAML', () => {
    const stack = new LabStack(Testing.app(), 'lab');
    const pw = new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true });
    new LxdPreseed(stack, 'p', {
      host: new LocalHost(stack, 'h'),
      preseed: { config: { 'core.trust_password': pw.stringValue, 'user.x': 'q"\\' } },
    });
    const conv = resourceBy(synthJson(stack), 'p_preseed_converge');
    const script: string = localExec(conv).environment.CDKTF_LAB_SCRIPT;
    expect(script).toMatch(/^\$\{sensitive\(".*core\.trust_password: \$\{jsonencode\(var\.pw\)\}\\n.*"\)\}$/s);
    expect(script).toContain('user.x: q\\"\\\\\\n');
    expect(conv.triggers_replace.settings).toContain('${replace(jsonencode(jsonencode(var.pw))');
  });
});
