import { App, TerraformStack, TerraformVariable, Testing } from '../../../constructs/core/cdk';
import { tfLiteral } from '../../../constructs/core/terraform-values';

describe('tfLiteral', () => {
  it('escapes template syntax in literal text and keeps embedded references', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app as App, 's');
    const v = new TerraformVariable(stack, 'name', { type: 'string' });
    const mixed = tfLiteral(`echo \${HOME} %{ if x } ${v.stringValue}`);
    stack.addOverride('locals.out', mixed);
    const json = JSON.parse(Testing.synth(stack));
    expect(json.locals.out).toBe('echo $${HOME} %%{ if x } ${var.name}');
  });

  it('escapes nested strings and keys, leaving other values alone', () => {
    expect(tfLiteral({ 'a${b}': ['%{x}', 1, true, null] })).toEqual({ 'a$${b}': ['%%{x}', 1, true, null] });
  });
});
