import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { runnerIdentity } from '../../src/hosts/runner';
import { ownershipConfig } from '../../src/lifecycle/scripts';
import { ValidationError } from '../../src/validation/errors';
import { LabStack } from '../core/lab-stack';
import { ManagedObject, ManagedObjectState } from '../core/managed-object';
import { localDependables } from '../core/cross-stack';
import { dependableToken } from '../core/terraform-values';
import { backendOf, IHost, runnerOf } from '../hosts/host';
import { ProviderTarget } from './lxd-provider';
import { incusRemoteName } from './incus-provider';
import { lxdRemoteName } from './lxd-remote';

/** A rendered object: what dependents wait for, and a way to add dependencies later. */
export interface RenderedObject {
  readonly ready: ITerraformDependable[];
  dependOn(...deps: ITerraformDependable[]): void;
}

/** How to render one LXD object under either rendering. */
export interface RenderObjectProps {
  readonly host: IHost;
  readonly dependsOn: ITerraformDependable[];
  readonly protect?: boolean;
  /** The cli scripts carry a secret: mark the object sensitive. @default false */
  readonly sensitive?: boolean;
  /** The object's kind and name on the host, for prune and drift. */
  readonly lifecycle: { readonly kind: 'instance' | 'profile' | 'network' | 'pool' | 'image'; readonly name: string };
  /** The cli rendering's scripts and state, given the ownership keys to set on the object. */
  readonly cli: (ownership: Record<string, string>) => ManagedObjectState;
  /** The native resource; undefined when the provider cannot express the object (cli is used). */
  readonly provider?: (target: ProviderTarget) => TerraformResource;
}

/**
 * Renders an object as the stack asks: idempotent scripts through the host (`cli`), or a
 * native terraform-lxd/lxd resource on the host's remote (`provider`).
 */
export function renderObject(scope: Construct, id: string, p: RenderObjectProps): RenderedObject {
  const settings = LabStack.settingsOf(scope);
  if (settings.rendering === 'provider' && p.provider) {
    const remote = p.host.lxdRemote;
    if (!remote) {
      throw new ValidationError([{
        path: scope.node.path, property: 'host', value: p.host.node.path,
        reason: 'provider rendering needs the host\'s LXD API address and credentials',
        fix: 'give the host an lxdRemote, e.g. { address: "https://10.0.0.5:8443", trustToken }',
      }]);
    }
    const backend = backendOf(p.host).name;
    const hostId = runnerIdentity(runnerOf(p.host));
    const target = {
      remote: backend === 'incus' ? incusRemoteName(scope, hostId, remote) : lxdRemoteName(scope, hostId, remote, settings.lxdProviderVersion),
      version: settings.lxdProviderVersion,
      backend,
      dependsOn: [...new Set(localDependables(scope, 'after', p.dependsOn))],
    };
    const resource = p.provider(target);
    if (p.protect) resource.addOverride('lifecycle.prevent_destroy', true);
    let extra = 0;
    return {
      ready: [resource],
      dependOn: (...deps) => {
        const local = localDependables(scope, `after-${extra++}`, deps);
        resource.dependsOn = [...new Set([...(resource.dependsOn ?? []), ...local.map(dependableToken)])];
      },
    };
  }
  const ownership = ownershipConfig({ owner: LabStack.ownerOf(scope), path: scope.node.path, protect: p.protect });
  const obj = new ManagedObject(scope, id, {
    runner: runnerOf(p.host), dependsOn: p.dependsOn, protect: p.protect, sensitive: p.sensitive, state: () => p.cli(ownership),
    lifecycle: p.lifecycle, hostReady: p.host.ready, backend: backendOf(p.host),
  });
  return { ready: [obj.object, obj.converged], dependOn: (...deps) => obj.dependOn(...deps) };
}
