import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable, TerraformResource, TerraformStack } from './cdk';
import { NullProvider, NullResource } from './null-provider';
import { CommandResourceKind } from './stack-settings';
import { dependableToken } from './terraform-values';

/** What a command resource holds. */
export interface CommandResourceSpec {
  /** terraform_data: a change replaces the resource (and re-runs its create provisioners). */
  readonly triggersReplace: unknown;
  /** terraform_data: data that updates in place. */
  readonly input?: unknown;
  /** null_resource: the triggers (a map of strings). */
  readonly triggers?: Record<string, string>;
  readonly provisioners: unknown;
  readonly dependsOn?: ITerraformDependable[];
  readonly preventDestroy?: boolean;
}

/** A resource that only carries local-exec provisioners: `terraform_data` or `null_resource`. */
export function commandResource(
  scope: Construct,
  kind: CommandResourceKind,
  id: string,
  c: CommandResourceSpec,
): TerraformResource {
  const lifecycle = c.preventDestroy ? { preventDestroy: true } : undefined;
  const provisioners = c.provisioners as TerraformResource['provisioners'];
  const resource =
    kind === 'null_resource'
      ? new NullResource(scope, id, { provider: nullProviderOf(scope), triggers: c.triggers, provisioners, lifecycle })
      : new TerraformDataResource(scope, id, {
          triggersReplace: c.triggersReplace,
          input: c.input,
          provisioners,
          lifecycle,
        });
  // Set after construction: the constructors would make a new dependable token per dependency.
  if (c.dependsOn) resource.dependsOn = [...new Set(c.dependsOn.map(dependableToken))];
  return resource;
}

/**
 * Terraform's built-in `terraform_data`, emitted as a plain TerraformResource.
 * (cdktf's own class for it spawns `terraform version` for every resource at synth.)
 */
class TerraformDataResource extends TerraformResource {
  private readonly triggersReplace: unknown;
  private readonly inputValue: unknown;

  constructor(
    scope: Construct,
    id: string,
    c: {
      triggersReplace: unknown;
      input?: unknown;
      provisioners?: TerraformResource['provisioners'];
      lifecycle?: { preventDestroy: boolean };
    },
  ) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      provisioners: c.provisioners,
      lifecycle: c.lifecycle,
    });
    this.triggersReplace = c.triggersReplace;
    this.inputValue = c.input;
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { triggers_replace: this.triggersReplace, input: this.inputValue };
  }
}

/** The stack's null provider, created on first use by `null_resource` rendering. */
function nullProviderOf(scope: IConstruct): NullProvider {
  const stack = TerraformStack.of(scope);
  return (stack.node.tryFindChild('null') as NullProvider | undefined) ?? new NullProvider(stack, 'null');
}
