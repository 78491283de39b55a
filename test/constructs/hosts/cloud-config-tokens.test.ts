import { App, TerraformVariable, Testing } from '../../../constructs/core/cdk';
import { CloudConfig, LabStack, MultipassVm } from '../../../index';

const withVariable = (rendering: 'cli' | 'provider') => {
  const stack = new LabStack(Testing.app() as App, 'lab', { rendering });
  const key = new TerraformVariable(stack, 'ssh_key', { type: 'string' });
  const build = () =>
    new MultipassVm(stack, 'vm', {
      cloudConfig: new CloudConfig({ users: [{ name: 'ops', sshAuthorizedKeys: [key.stringValue] }] }),
    });
  return { stack, build };
};

describe('Terraform values inside a cloud-config', () => {
  it('arrive in the user-data as quoted YAML strings (cli rendering)', () => {
    const { stack, build } = withVariable('cli');
    build();
    const json = JSON.parse(Testing.synth(stack, true));
    const converge = Object.entries(json.resource.terraform_data).find(([k]) => k.startsWith('vm_converge'))![1] as any;
    expect(converge.provisioner[0]['local-exec'].environment.CDKTF_LAB_USER_DATA).toContain(
      '- ${jsonencode(var.ssh_key)}',
    );
  });

  it('are refused where the user-data is a file written at synth (provider rendering)', () => {
    const { build } = withVariable('provider');
    expect(build).toThrow(/\[lab\/vm\] cloudConfig = .*cannot hold Terraform variables/);
  });
});
