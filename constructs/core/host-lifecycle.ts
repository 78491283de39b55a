import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable, TerraformResource, TerraformStack } from './cdk';
import { HostRunner, runnerCommand, runnerIdentity } from '../../src/hosts/runner';
import { LifecycleKind, pruneProgram } from '../../src/lifecycle/prune-plan';
import { BackendSpec, LXD_BACKEND } from '../../src/lxd/backend';
import { HostDeclarations, PRUNE_ENV, pruneCommand, pruneManifest, readScript } from '../../src/lifecycle/scripts';
import { commandResource } from './command-resource';
import { localDependables } from './cross-stack';
import { ownerOf, settingsOf } from './stack-settings';
import { dependableToken, once, onceString, tfLiteral } from './terraform-values';

/**
 * How an object is found on its host: an LXD object by kind and name, or (`record`) any other
 * object by the record file its converge writes.
 */
export type ObjectLifecycle =
  | { readonly kind: Exclude<LifecycleKind, 'record'>; readonly name: string }
  | {
      readonly kind: 'record';
      /** e.g. `multipass-vm`, `matchbox-group`. */
      readonly recordKind: string;
      /** Unique on the host for that kind. */
      readonly name: string;
      /** Deletion order among records (lower first). @default 0 */
      readonly order?: number;
    };

/** The key a lifecycle entry is declared under: records by `kind:name`. */
function declaredName(l: ObjectLifecycle): string {
  return l.kind === 'record' ? `${l.recordKind}:${l.name}` : l.name;
}

/** The program is the same for every host: built once. */
let program: string | undefined;

/**
 * The lifecycle of one stack's objects on one host: two prune resources, re-run only when the
 * set of declared objects changes. `before` deletes what the stack owns there but no longer
 * declares (ahead of every create, so a renamed object can keep its address); `after` runs
 * once the stack's objects have converged and deletes what declared objects used until then.
 */
export class HostLifecycle extends Construct {
  /** The lifecycle of `runner`'s host in `scope`'s stack, created on first use. */
  /**
   * The lifecycle of `runner`'s host and `backend` in `scope`'s stack, created on first use.
   * `readsDaemon`: the stack has (or may have) daemon objects there, so the prune reads the
   * daemon; the deploying machine, tracked for its record files only, is not read otherwise.
   */
  public static of(scope: IConstruct, runner: HostRunner, hostReady: readonly ITerraformDependable[], backend: BackendSpec = LXD_BACKEND, readsDaemon = true): HostLifecycle {
    const stack = TerraformStack.of(scope);
    // One per machine and daemon: a machine may run LXD and Incus side by side.
    const hostId = runnerIdentity(runner) + (backend.name === 'lxd' ? '' : `/${backend.name}`);
    const id = `lifecycle-${hostId.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
    const found = stack.node.tryFindChild(id);
    const lifecycle = found instanceof HostLifecycle ? found : new HostLifecycle(stack, id, runner, hostReady, backend);
    lifecycle.readsDaemon ||= readsDaemon;
    return lifecycle;
  }

  /** What objects of the stack on this host wait for before they are created. */
  public readonly before: ITerraformDependable[];
  /** The host's identity (see runnerIdentity). */
  public readonly hostId: string;
  private readonly entries = new Map<LifecycleKind, Set<string>>();
  private readsDaemon = false;
  private readonly objects: { lifecycle: ObjectLifecycle; path: string; converged: TerraformResource }[] = [];
  private readonly afterResource: TerraformResource;

  private constructor(scope: TerraformStack, id: string, runner: HostRunner, hostReady: readonly ITerraformDependable[], backend: BackendSpec) {
    super(scope, id);
    this.hostId = runnerIdentity(runner) + (backend.name === 'lxd' ? '' : `/${backend.name}`);
    registry(this).push(this);
    const owner = ownerOf(this);
    const kind = settingsOf(this).commandResource;
    const declarations = once(() => tfLiteral({ lifecycle: 'cdktf-lxd-matchbox', owner, ...this.declarations() }));
    const host = runnerCommand(runner);
    const resource = (phase: 'before' | 'after') => commandResource(this, kind, phase, {
      triggersReplace: declarations,
      triggers: kind === 'null_resource' ? { declarations: onceString(() => JSON.stringify(tfLiteral(this.declarations()))) } : undefined,
      provisioners: [{
        type: 'local-exec',
        command: tfLiteral(pruneCommand(host, phase)),
        environment: {
          // Record files belong to the machine: only its LXD-keyed lifecycle reads them.
          [PRUNE_ENV.read]: onceString(() => tfLiteral(readScript(owner, backend.client, backend.name === 'lxd', this.readsDaemon))),
          [PRUNE_ENV.program]: tfLiteral((program ??= pruneProgram())),
          [PRUNE_ENV.manifest]: onceString(() => tfLiteral(JSON.stringify(pruneManifest(owner, phase, this.declarations(), backend.client)))),
          [PRUNE_ENV.host]: tfLiteral(host),
          // Where Terraform runs (the stack's directory): `before` tells `after` whether it deferred anything.
          [PRUNE_ENV.marker]: tfLiteral(`.cdktf-lab-prune-${id}`),
          // What the drift command compares: each declared object and its resources.
          [PRUNE_ENV.objects]: onceString(() => tfLiteral(JSON.stringify(this.objects.map((o) => ({
            kind: o.lifecycle.kind, name: declaredName(o.lifecycle), path: o.path,
            converge: `${o.converged.terraformResourceType}.${o.converged.friendlyUniqueId}`,
          }))))),
        },
      }],
      dependsOn: [...new Set(localDependables(this, 'host', hostReady))],
    });
    this.before = [resource('before')];
    this.afterResource = resource('after');
    this.afterResource.dependsOn = [...(this.afterResource.dependsOn ?? []), dependableToken(this.before[0])];
  }

  /** Records that the stack declares `l` (at `path`) on this host; `after` waits for `converged`. */
  public register(l: ObjectLifecycle, path: string, converged: TerraformResource): void {
    this.objects.push({ lifecycle: l, path, converged });
    let names = this.entries.get(l.kind);
    if (!names) this.entries.set(l.kind, (names = new Set()));
    names.add(declaredName(l));
    this.afterResource.dependsOn!.push(dependableToken(converged));
  }

  /** What this stack declares on the host, and what the app's other stacks declare there. */
  public declarations(): HostDeclarations {
    // Every other stack, whatever its owner: two stacks sharing an ownerId must not prune each other.
    const others = registry(this).filter((l) => l !== this && l.hostId === this.hostId);
    const collect = (sources: HostLifecycle[]) => {
      const out: Partial<Record<LifecycleKind, string[]>> = {};
      for (const s of sources) {
        for (const [kind, names] of s.entries) out[kind] = [...new Set([...(out[kind] ?? []), ...names])].sort();
      }
      return out;
    };
    return { declared: collect([this]), elsewhere: collect(others) };
  }
}

/** Every HostLifecycle of an app, so each knows what the other stacks declare on its host. */
const registries = new WeakMap<IConstruct, HostLifecycle[]>();
function registry(c: IConstruct): HostLifecycle[] {
  const root = c.node.root;
  let list = registries.get(root);
  if (!list) registries.set(root, (list = []));
  return list;
}
