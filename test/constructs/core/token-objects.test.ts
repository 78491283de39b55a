/**
 * Terraform token objects (`TerraformVariable.value`, `Token.asAny`) where a string goes: read as
 * their string form, the same token `.stringValue` gives, by the constructs and the public renderers
 * (walking one as plain data used to follow its references into the construct tree: a RangeError).
 */
import { TerraformOutput, TerraformVariable, Testing, Token } from '../../../constructs/core/cdk';
import { CloudConfig, Container, LabStack, LocalHost, renderIgnition, renderPreseed } from '../../../index';
import { resourceBy, synthJson } from '../../helpers';

function variable() {
  const stack = new LabStack(Testing.app(), 'lab');
  return { stack, v: new TerraformVariable(stack, 'secret', { type: 'string', sensitive: true }) };
}

test('the public renderers take a token object as the string token it stands for', () => {
  const { stack, v } = variable();
  expect(typeof v.value).toBe('object');
  let n = 0;
  const resolved = (text: string): string => {
    const id = `o${n++}`;
    new TerraformOutput(stack, id, { value: text });
    return synthJson(stack).output[id].value;
  };
  expect(resolved(renderPreseed({ config: { 'core.trust_password': v.value } }))).toContain(
    'core.trust_password: ${var.secret}',
  );
  expect(resolved(renderIgnition({ users: [{ name: 'core', sshAuthorizedKeys: [v.value] }] }))).toContain(
    '"${var.secret}"',
  );
  expect(resolved(new CloudConfig({ hostname: v.value }).render())).toContain('hostname: ${var.secret}');
  expect(resolved(renderPreseed({ config: { k: Token.asAny('plain') as unknown as string } }))).toContain('k: plain');
});

test('a container config value given as a token object synthesizes to the variable reference', () => {
  const { stack, v } = variable();
  new Container(stack, 'web', {
    host: new LocalHost(stack, 'host'),
    image: 'busybox',
    config: { 'user.note': v.value },
  });
  const converge = resourceBy(synthJson(stack), 'web_instance_converge');
  expect(converge.triggers_replace.settings.config['user.note']).toBe('${var.secret}');
});
