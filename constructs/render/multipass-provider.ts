import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Construct } from 'constructs';
import { AssetType, TerraformAsset, TerraformStack, Token } from '../core/cdk';
import { Instance as MultipassInstance } from '../../generated/providers/multipass/instance';
import { MultipassProvider } from '../../generated/providers/multipass/provider';
import { MultipassVmModel } from '../../src/multipass/vm';
import { checkProps, checkRequired } from '../../src/validation/props';
import { ensure } from '../../src/validation/rule';

/**
 * A larstobi/multipass `multipass_instance`, its cloud-init file shipped as a cdktf asset
 * (written to a private temporary file at construction; synth copies it into the stack).
 */
export function multipassInstance(scope: Construct, model: MultipassVmModel, userData: string): MultipassInstance {
  checkProps(scope.node.path, [
    checkRequired(
      'mounts',
      model.mounts,
      ensure(model.mounts.length === 0, 'larstobi/multipass has no mounts', 'drop the mounts or use the cli rendering'),
    ),
    checkRequired(
      'cloudConfig',
      '(cloud-config with a Terraform value)',
      ensure(
        !Token.isUnresolved(userData),
        'the cloud-init file is written at synth, so it cannot hold Terraform variables or references',
        'pass literal values, or use the cli rendering',
      ),
    ),
  ]);
  const stack = TerraformStack.of(scope);
  if (!stack.node.tryFindChild('multipass')) new MultipassProvider(stack, 'multipass', {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-user-data-'));
  const file = path.join(dir, `${model.name}.yaml`);
  fs.writeFileSync(file, userData, { mode: 0o600 });
  const asset = new TerraformAsset(scope, 'user-data', { path: file, type: AssetType.FILE });
  return new MultipassInstance(scope, 'instance', {
    name: model.name,
    cpus: model.cpus,
    memory: model.memory,
    disk: model.disk,
    image: model.image,
    cloudinitFile: asset.path,
  });
}
