import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable, TerraformResource, TerraformStack } from './cdk';
import { ValidationError } from '../../src/validation/errors';

/**
 * Terraform's built-in `terraform_data` holding references to other resources. Depending on
 * it waits for them: unlike `depends_on`, a reference may cross stacks (cdktf turns it into an
 * output of the other stack and a `terraform_remote_state` here, and orders the stacks).
 */
class AnchorResource extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly refs: string[],
  ) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
    });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    // Replaced when an anchored object is replaced, so its `id` marks that object's generation.
    return { triggers_replace: this.refs };
  }
}

/** True when every item is in `scope`'s stack. */
export function inStackOf(scope: IConstruct, deps: readonly ITerraformDependable[]): boolean {
  const stack = TerraformStack.of(scope);
  return deps.every((d) => !(d instanceof Construct) || TerraformStack.of(d) === stack);
}

/**
 * What `scope` can depend on to wait for `deps`: `deps` themselves when they are in its stack,
 * otherwise one local `terraform_data` that references their ids (a cross-stack reference).
 * (`depends_on` on a resource of another stack would name a resource the stack does not have.)
 * `property` names what the user gave `deps` as, for the error when one cannot be referenced.
 */
export function dependablesIn(
  scope: Construct,
  id: string,
  deps: readonly ITerraformDependable[],
  property = 'dependsOn',
): {
  readonly ready: ITerraformDependable[];
  /** A value that changes when any of `deps` is replaced (the anchor's id), when an anchor was made. */
  readonly generation?: string;
} {
  if (deps.length === 0 || inStackOf(scope, deps)) return { ready: [...deps] };
  const refs = deps.map((d) => {
    if (!(d instanceof TerraformResource)) {
      throw new ValidationError([
        {
          path: scope.node.path,
          property,
          value: d.fqn,
          reason: 'cannot be referenced from another stack: only resources can be referenced across stacks',
          fix: "depend on a resource of the other stack (e.g. an object's ready list), or declare this object in that stack",
        },
      ]);
    }
    return d.getStringAttribute('id');
  });
  const anchor = new AnchorResource(scope, id, refs);
  return { ready: [anchor], generation: anchor.getStringAttribute('id') };
}

/**
 * Splits `deps` into what `scope` can name in `depends_on`: the ones in its stack as they are,
 * the others through one local anchor that references them (see {@link dependablesIn}).
 */
export function localDependables(
  scope: Construct,
  id: string,
  deps: readonly ITerraformDependable[],
): ITerraformDependable[] {
  const stack = TerraformStack.of(scope);
  const local = deps.filter((d) => !(d instanceof Construct) || TerraformStack.of(d) === stack);
  const remote = deps.filter((d) => !local.includes(d));
  return [...local, ...(remote.length ? dependablesIn(scope, id, remote).ready : [])];
}
