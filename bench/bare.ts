/**
 * The bare-cdktf floor: what a hand-written cdktf app needs to emit the same Terraform as the
 * library, with none of the library's modelling, validation or script rendering. Pairs of
 * `terraform_data` resources (plain TerraformResource, as the library emits them): an `object`
 * with triggers_replace, input and a destroy-time local-exec, and a `converge` that references
 * the object's id and a variable, depends on it, and runs a local-exec with an environment.
 * Every resource carries `fill` characters of literal input, so cdk.tf.json has the same size.
 */
import { Construct } from 'constructs';
import {
  App,
  ITerraformDependable,
  LocalBackend,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
} from '../constructs/core/cdk';

class DataResource extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly attrs: Record<string, unknown>,
    rest: { provisioners: TerraformResource['provisioners']; dependsOn?: ITerraformDependable[] },
  ) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      provisioners: rest.provisioners,
      dependsOn: rest.dependsOn,
    });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return this.attrs;
  }
}

/** Text of `length` characters that JSON does not escape (shell-like words). */
function text(seed: number, length: number): string {
  const words = `lxc query -X PATCH /1.0/instances/c${seed} --data limits.cpu=2 limits.memory=512MiB `;
  return words.repeat(Math.ceil(length / words.length) + 1).slice(0, Math.max(0, length));
}

/** Adds a stack `bench` with `resources` terraform_data resources of about `bytesPerResource` each. */
export function buildBare(app: App, resources: number, fillPerResource: number): TerraformStack {
  const stack = new TerraformStack(app, 'bench');
  new LocalBackend(stack, { path: 'terraform.bench.tfstate' });
  const reconcile = new TerraformVariable(stack, 'reconcile', { type: 'string', default: '' });
  const command = `printf '%s\\n' "$CDKTF_LAB_SCRIPT" | ssh -o BatchMode=yes -p 22 -- ubuntu@lxd01 'sudo sh -s'`;
  const fill = Math.max(0, fillPerResource);
  for (let i = 0; i < resources / 2; i++) {
    const scope = new Construct(stack, `o${i}`);
    const object = new DataResource(
      scope,
      'object',
      {
        triggers_replace: { kind: 'lxd-container', name: `c${i}`, image: 'ubuntu:22.04' },
        input: { destroy: text(i, fill) },
      },
      {
        provisioners: [
          { type: 'local-exec', when: 'destroy', command, environment: { CDKTF_LAB_SCRIPT: '${self.input.destroy}' } },
        ],
      },
    );
    const half = Math.floor(fill / 2);
    new DataResource(
      scope,
      'converge',
      {
        triggers_replace: {
          object: object.getStringAttribute('id'),
          settings: { description: text(i + 1, half) },
          reconcile: reconcile.stringValue,
        },
      },
      {
        provisioners: [{ type: 'local-exec', command, environment: { CDKTF_LAB_SCRIPT: text(i + 2, fill - half) } }],
        dependsOn: [object],
      },
    );
  }
  return stack;
}
