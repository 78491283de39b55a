import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from './cdk';
import { execCommand, HostRunner, runnerCommand, SCRIPT_ENV } from '../../src/hosts/runner';
import { recordDelete, recordWrite } from '../../src/lifecycle/scripts';
import { localDependables } from './cross-stack';
import { commandResource } from './command-resource';
import { DaemonHost } from './daemons';
import { lifecycleProgram, ObjectLifecycle, trackObject } from './lifecycle';
import { ownerOf, settingsOf } from './stack-settings';
import { dependableToken, hclString, once, onceString, sensitiveLiteral, tfLiteral } from './terraform-values';
import { DESTROY_ENV } from '../../src/lifecycle/program';

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
  /**
   * The settings drift compares, without secrets (they go into the lab manifest).
   * @default - `settings`, or none when the object is sensitive (drift then checks only that it exists)
   */
  readonly driftSettings?: Record<string, unknown>;
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
  /**
   * The host the object lives on, for a tracked object (`runner` reaches it).
   * @default - the deploying machine (records only)
   */
  readonly host?: DaemonHost;
  /** Where the object is taken from when it is missing (`migrateFrom`), for the prunes. @default - nowhere */
  readonly source?: { readonly host: DaemonHost; readonly name: string };
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
  /** The daemon (or record store) a tracked object lives in, for its identity. */
  private home?: () => string;
  /** What the object resource depends on, before {@link withoutImplied}. */
  private objectDeps: ITerraformDependable[] = [];
  private extraDependencies = 0;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ManagedObjectProps,
  ) {
    super(scope, id);
    const kind = settingsOf(this).commandResource;
    const runner = execCommand(props.runner);
    const transport = runnerCommand(props.runner);
    const nullResource = kind === 'null_resource';
    const path = this.node.scope?.node.path ?? this.node.path;
    const tracked = props.lifecycle !== undefined;
    const destroyScript = onceString(() => tfLiteral(this.state.destroy));
    const identity = once(() => tfLiteral(this.identity));

    this.object = commandResource(this, kind, 'object', {
      // terraform_data: identity replaces; the destroy script, and where it runs, update in place.
      triggersReplace: identity,
      input:
        tracked && !nullResource
          ? { destroy: destroyScript, runner: tfLiteral(transport), protect: props.protect ?? false }
          : { destroy: destroyScript },
      // null_resource triggers are a map of strings: identity is JSON-encoded.
      triggers: nullResource
        ? { identity: onceString(() => JSON.stringify(tfLiteral(this.identity))), destroy: destroyScript }
        : undefined,
      provisioners:
        props.deletable === false
          ? undefined
          : [
              tracked
                ? destroyStep(this, path, props, transport, nullResource)
                : {
                    type: 'local-exec',
                    when: 'destroy',
                    command: tfLiteral(runner),
                    environment: { [SCRIPT_ENV]: nullResource ? '${self.triggers.destroy}' : '${self.input.destroy}' },
                  },
            ],
      // A tracked object's destroy step enforces its protection (see destroyDecision).
      preventDestroy: tracked ? undefined : props.protect,
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
      triggers: nullResource
        ? {
            object: objectId,
            settings: onceString(() => this.terraformValue(JSON.stringify(this.state.settings)) as string),
          }
        : undefined,
      provisioners: [{ type: 'local-exec', command: tfLiteral(runner), environment }],
      dependsOn: [this.object],
    });
    impliedBy.set(this.converged, this.object);

    if (props.lifecycle) {
      const registered = trackObject(this, {
        lifecycle: props.lifecycle,
        host: props.host,
        path,
        protect: props.protect ?? false,
        source: props.source,
        converged: this.converged,
        state: () => ({
          identity: this.state.identity,
          settings: this.state.driftSettings ?? (props.sensitive ? undefined : this.state.settings),
        }),
      });
      this.home = registered.home;
      this.objectDeps.push(registered.before);
    }
    this.objectDeps.push(...localDependables(this, 'after', props.dependsOn ?? []));
    if (this.objectDeps.length) this.object.dependsOn = withoutImplied(this.objectDeps).map(dependableToken);
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
      kind: lc.recordKind,
      name: lc.name,
      owner,
      path: this.node.scope?.node.path ?? this.node.path,
      protect: this.props.protect ?? false,
      order: lc.order ?? 0,
      destroy: state.destroy,
    };
    return (this.cached = {
      ...state,
      // The record carries the protection: changing it must rewrite the record.
      settings: record.protect ? { ...state.settings, protect: true } : state.settings,
      converge: `${state.converge}${recordWrite(record)}`,
      destroy: state.destroy === '' ? '' : `${state.destroy}${recordDelete(owner, lc.recordKind, lc.name)}`,
    });
  }

  /** What replaces the object: the state's identity and, for a tracked object, its daemon. */
  private get identity(): Record<string, unknown> {
    return this.home ? { ...this.state.identity, daemon: this.home() } : this.state.identity;
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

/**
 * The destroy step of a tracked object: the lifecycle program decides (delete, keep while it moves
 * to another daemon, or refuse when protected) from the identity the state holds, and deletes through
 * the runner the object was created with (both from the state, not from the new configuration).
 */
function destroyStep(scope: Construct, path: string, props: ManagedObjectProps, runner: string, nullResource: boolean) {
  const protect = props.protect ?? false;
  const self = nullResource
    ? {
        identity: '${self.triggers.identity}',
        runner: tfLiteral(runner),
        protect: String(protect),
        script: '${self.triggers.destroy}',
      }
    : {
        identity: '${jsonencode(self.triggers_replace)}',
        runner: `\${try(self.input.runner, ${hclString(runner)})}`,
        protect: `\${try(self.input.protect, ${protect})}`,
        script: '${self.input.destroy}',
      };
  return {
    type: 'local-exec' as const,
    when: 'destroy' as const,
    command: onceString(() => `node ${lifecycleProgram(scope)} destroy`),
    workingDir: '${path.module}',
    environment: {
      [DESTROY_ENV.path]: tfLiteral(path),
      [DESTROY_ENV.kind]: props.lifecycle!.kind,
      [DESTROY_ENV.identity]: self.identity,
      [DESTROY_ENV.protect]: self.protect,
      [DESTROY_ENV.runner]: self.runner,
      [DESTROY_ENV.script]: self.script,
    },
  };
}
