import { IConstruct } from 'constructs';
import { TerraformResource } from './cdk';

/**
 * The Terraform resources a construct synthesizes (its command resources under `cli`, its native
 * provider resources under `provider`), in tree order: the escape hatch for overrides.
 */
export function terraformResourcesOf(scope: IConstruct): TerraformResource[] {
  return scope.node.findAll().filter((c): c is TerraformResource => TerraformResource.isTerraformResource(c));
}
