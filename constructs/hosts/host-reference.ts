import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable, TerraformResource, TerraformStack } from 'cdktf';
import { LxdRemote } from '../../src/hosts/lxd-remote';
import { HostRunner } from '../../src/hosts/runner';
import { HostBase, IHost } from './host';

/**
 * Terraform's built-in `terraform_data` holding references to other resources. Depending on
 * it waits for them: unlike `depends_on`, a reference may cross stacks (cdktf turns it into an
 * output of the other stack and a `terraform_remote_state` here, and orders the stacks).
 */
class AnchorResource extends TerraformResource {
  constructor(scope: Construct, id: string, private readonly refs: string[]) {
    super(scope, id, { terraformResourceType: 'terraform_data', terraformGeneratorMetadata: { providerName: 'terraform' } });
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
 */
export function dependablesIn(scope: Construct, id: string, deps: readonly ITerraformDependable[]): {
  readonly ready: ITerraformDependable[];
  /** A value that changes when any of `deps` is replaced (the anchor's id), when an anchor was made. */
  readonly generation?: string;
} {
  if (deps.length === 0 || inStackOf(scope, deps)) return { ready: [...deps] };
  const refs = deps.map((d) => {
    if (!(d instanceof TerraformResource)) {
      throw new Error(`[${scope.node.path}] cannot reference ${d.fqn} from another stack: only resources can be referenced across stacks`);
    }
    return d.getStringAttribute('id');
  });
  const anchor = new AnchorResource(scope, id, refs);
  return { ready: [anchor], generation: anchor.getStringAttribute('id') };
}

/** Props of {@link HostReference}. */
export interface HostReferenceProps {
  /** The host, usually declared in another stack. */
  readonly host: IHost;
  /** Other objects (of any stack) to wait for, e.g. a bridge's `ready`. @default [] */
  readonly after?: readonly ITerraformDependable[];
  /**
   * The host's LXD API as seen from this stack, for provider rendering; its address may
   * reference the other stack (e.g. `https://${vm.ipv4Address}:8443`). @default - the host's own
   */
  readonly lxdRemote?: LxdRemote;
}

/**
 * A host declared in another stack, used in this one: the same machine (same runner), with a
 * `ready` that is a local anchor referencing the other stack's objects. Constructs on it then
 * depend on the anchor, and cdktf deploys the other stack first (`cdktf deploy '*'`).
 *
 * @example
 * const vmHere = new HostReference(pxeStack, 'vm', { host: labVm, after: labBridge.ready });
 * const br = Bridge.fromName(pxeStack, 'br', vmHere, labBridge.networkName, labBridge.ipv4Cidr);
 */
export class HostReference extends HostBase {
  public readonly runner: HostRunner;
  public readonly ready: ITerraformDependable[];
  public readonly lxdRemote?: LxdRemote;
  /** Changes when the referenced objects are replaced. @default - none (same stack) */
  public readonly generation?: string;
  /** The host this refers to. */
  public readonly target: IHost;

  constructor(scope: Construct, id: string, props: HostReferenceProps) {
    super(scope, id);
    this.target = props.host;
    this.runner = props.host.runner;
    this.lxdRemote = props.lxdRemote ?? props.host.lxdRemote;
    const anchored = dependablesIn(this, 'ready', [...props.host.ready, ...(props.after ?? [])]);
    this.ready = anchored.ready;
    this.generation = anchored.generation;
  }
}
