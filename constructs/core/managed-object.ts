import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from './cdk';
import { execCommand, HostRunner, SCRIPT_ENV } from '../../src/hosts/runner';
import { recordDelete, recordWrite } from '../../src/lifecycle/scripts';
import { BackendSpec } from '../../src/lxd/backend';
import { localDependables } from './cross-stack';
import { commandResource } from './command-resource';
import { HostLifecycle, ObjectLifecycle } from './host-lifecycle';
import { ownerOf, settingsOf } from './stack-settings';
import { dependableToken, once, onceString, sensitiveLiteral, tfLiteral } from './terraform-values';

export { sensitiveLiteral, tfLiteral } from './terraform-values';

/** What a managed object is, computed lazily at synth from the construct's model. */
export interface ManagedObjectState {
  /** Fields whose change replaces the object (name, image, driver...). */
  readonly identity: Record<string, unknown>;
  /** Desired mutable settings; a change re-runs `converge` and never recreates the object. */
  readonly settings: Record<string, unknown>;
  /** Idempotent script: create if missing, then set the declared settings. */
  readonly converge: string;
  /** Idempotent script that deletes the object (empty when `deletable` is false). */
  readonly destroy: string;
  /** Extra environment for the converge command (e.g. user-data). */
  readonly environment?: Record<string, string>;
}

/** Props of {@link ManagedObject}. */
export interface ManagedObjectProps {
  /** Where the scripts run. */
  readonly runner: HostRunner;
  /** Produces the desired state; called once, at synth. */
  readonly state: () => ManagedObjectState;
  /** Objects that must exist first (and be destroyed after this one). */
  readonly dependsOn?: ITerraformDependable[];
  /** Terraform `prevent_destroy` on the object. @default false */
  readonly protect?: boolean;
  /** Whether destroying the object runs its destroy script. @default true */
  readonly deletable?: boolean;
  /** The settings carry a secret: mark them sensitive. @default false */
  readonly sensitive?: boolean;
  /**
   * How the object is found on its host when it leaves the app (prune) or drifts: an LXD
   * object by kind and name, or any other object through a record file its converge writes.
   * @default - not tracked (nothing removes it but its own destroy)
   */
  readonly lifecycle?: ObjectLifecycle;
  /** What the host needs before any command runs on it (the host's prune waits for it). @default [] */
  readonly hostReady?: ITerraformDependable[];
  /** The host's daemon, for the prune. @default - LXD */
  readonly backend?: BackendSpec;
}

/**
 * One object on a host, rendered as two command resources:
 * - `object`: holds the identity; replacing it deletes and recreates the object;
 *   its destroy provisioner deletes it (using only `self`).
 * - `converge`: holds the settings; replacing it re-runs the idempotent converge
 *   script in place. It has no destroy provisioner, so replacing it loses nothing.
 */
export class ManagedObject extends Construct {
  /** The identity resource: depend on it to order destroys. */
  public readonly object: TerraformResource;
  /** The converge resource: depend on it to order creates. */
  public readonly converged: TerraformResource;
  private cached?: ManagedObjectState;
  /** What the object resource depends on, before {@link withoutImplied}. */
  private objectDeps: ITerraformDependable[] = [];
  private extraDependencies = 0;

  constructor(scope: Construct, id: string, private readonly props: ManagedObjectProps) {
    super(scope, id);
    const kind = settingsOf(this).commandResource;
    const command = tfLiteral(execCommand(props.runner));
    const destroyProvisioner = {
      type: 'local-exec' as const,
      when: 'destroy' as const,
      command,
      environment: { [SCRIPT_ENV]: kind === 'terraform_data' ? '${self.input.destroy}' : '${self.triggers.destroy}' },
    };
    const nullResource = kind === 'null_resource';
    const lifecycle = props.lifecycle && HostLifecycle.of(this, props.runner, props.hostReady ?? [], props.lifecycle.kind === 'record' ? undefined : props.backend, props.lifecycle.kind !== 'record');
    if (lifecycle) this.objectDeps.push(...lifecycle.before);
    const destroyScript = onceString(() => tfLiteral(this.state.destroy));
    const identity = once(() => tfLiteral(this.state.identity));

    this.object = commandResource(this, kind, 'object', {
      // terraform_data: identity replaces, the destroy script updates in place.
      triggersReplace: identity,
      input: { destroy: destroyScript },
      // null_resource triggers are a map of strings: identity is JSON-encoded.
      triggers: nullResource ? { identity: onceString(() => JSON.stringify(tfLiteral(this.state.identity))), destroy: destroyScript } : undefined,
      provisioners: props.deletable === false ? undefined : [destroyProvisioner],
      dependsOn: (props.dependsOn || lifecycle) ? withoutImplied(this.objectDeps = [...this.objectDeps, ...localDependables(this, 'after', props.dependsOn ?? [])]) : undefined,
      preventDestroy: props.protect,
    });

    const settings = once(() => this.terraformValue(this.state.settings));
    const objectId = this.object.getStringAttribute('id');
    const convergeScript = onceString(() => this.terraformValue(this.state.converge) as string);
    // Each variable on its own: local-exec takes a map of strings.
    const environment = once(() => ({
      ...Object.fromEntries(Object.entries(this.state.environment ?? {}).map(([k, v]) => [k, this.terraformValue(v)])),
      [SCRIPT_ENV]: convergeScript,
    }));
    this.converged = commandResource(this, kind, 'converge', {
      triggersReplace: { object: objectId, settings },
      triggers: nullResource ? {
        object: objectId,
        settings: onceString(() => this.terraformValue(JSON.stringify(this.state.settings)) as string),
      } : undefined,
      provisioners: [{ type: 'local-exec', command, environment }],
      dependsOn: [this.object],
    });
    impliedBy.set(this.converged, this.object);
    if (lifecycle && props.lifecycle) lifecycle.register(props.lifecycle, this.node.scope?.node.path ?? this.node.path, this.converged);
  }

  /** Makes both resources wait for `deps` (and be destroyed before them). */
  public dependOn(...deps: ITerraformDependable[]): void {
    this.objectDeps.push(...localDependables(this, `after-${this.extraDependencies++}`, deps));
    this.object.dependsOn = withoutImplied(this.objectDeps).map(dependableToken);
  }

  /** The desired state, computed once; a recorded object also writes (and on destroy removes) its record. */
  private get state(): ManagedObjectState {
    if (this.cached) return this.cached;
    const state = this.props.state();
    const lc = this.props.lifecycle;
    if (lc?.kind !== 'record') return (this.cached = state);
    const owner = ownerOf(this);
    const record = {
      kind: lc.recordKind, name: lc.name, owner, path: this.node.scope?.node.path ?? this.node.path,
      protect: this.props.protect ?? false, order: lc.order ?? 0, destroy: state.destroy,
    };
    return (this.cached = {
      ...state,
      // The record carries the protection: changing it must rewrite the record.
      settings: record.protect ? { ...state.settings, protect: true } : state.settings,
      converge: `${state.converge}${recordWrite(record)}`,
      destroy: state.destroy === '' ? '' : `${state.destroy}${recordDelete(owner, lc.recordKind, lc.name)}`,
    });
  }

  /** The value as Terraform must read it: escaped literal data, wrapped in `sensitive()` when secret. */
  private terraformValue(value: unknown): unknown {
    return this.props.sensitive ? sensitiveLiteral(value) : tfLiteral(value);
  }
}


/** A converge resource depends on its object: listing both in a `depends_on` is redundant. */
const impliedBy = new WeakMap<ITerraformDependable, ITerraformDependable>();

/**
 * `deps` without duplicates and without the objects whose converge resource is listed too
 * (`ready` holds both): the order is the same, and every `depends_on` entry costs synth time.
 */
function withoutImplied(deps: readonly ITerraformDependable[]): ITerraformDependable[] {
  const unique = [...new Set(deps)];
  const implied = new Set(unique.map((d) => impliedBy.get(d)));
  return unique.filter((d) => !implied.has(d));
}
