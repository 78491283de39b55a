import { Construct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { HostRunner } from '../../src/hosts/runner';
import { daemonOf } from '../core/daemons';
import { MatchboxGroupSpec, MatchboxProfileSpec } from '../../src/matchbox/model';
import { vmWaitForCloudInit } from '../../src/multipass/vm';
import { checkProps, checkRequired } from '../../src/validation/props';
import { ensure } from '../../src/validation/rule';
import { localDependables } from '../core/cross-stack';
import { ManagedObject } from '../core/managed-object';
import { LxdProviderVersion } from '../core/stack-settings';
import { dependableToken } from '../core/terraform-values';
import { backendOf, daemonHost, IHost } from '../core/host';
import { CliRendering } from './cli-rendering';
import { incusRemoteChecks, incusRemoteName } from './incus-provider';
import { lxdRemoteChecks, lxdRemoteName } from './lxd-remote';
import { matchboxGroupResource, matchboxProfileResource } from './matchbox-provider';
import { multipassInstance } from './multipass-provider';
import {
  RenderedObject,
  RenderedVm,
  RenderingStrategy,
  RenderMatchboxProps,
  RenderObjectProps,
  RenderVmProps,
} from './rendering-strategy';

/**
 * The `provider` rendering: native terraform-lxd/lxd (or lxc/incus), poseidon/matchbox and
 * larstobi/multipass resources. What a provider cannot express stays on the cli rendering.
 */
export class ProviderRendering implements RenderingStrategy {
  public readonly name = 'provider';
  private readonly cli = new CliRendering();

  constructor(private readonly lxdProviderVersion: LxdProviderVersion) {}

  /** Provider resources are deleted by Terraform itself: no prune. */
  public trackHost(_host: IHost): void {}

  public lxdObject(scope: Construct, id: string, p: RenderObjectProps): RenderedObject {
    if (!p.provider) return this.cli.lxdObject(scope, id, p);
    checkProps(scope.node.path, [
      checkRequired(
        'host',
        p.host.node.path,
        ensure(
          p.host.lxdRemote !== undefined,
          "provider rendering needs the host's LXD API address and credentials",
          'give the host an lxdRemote, e.g. { address: "https://10.0.0.5:8443", trustToken }',
        ),
      ),
    ]);
    const remote = p.host.lxdRemote!;
    const backend = backendOf(p.host).name;
    const version = this.lxdProviderVersion;
    // The remote is the host's prop: checked before the provider's remote blocks name it.
    checkProps(p.host.node.path, backend === 'incus' ? incusRemoteChecks(remote) : lxdRemoteChecks(remote, version));
    const hostId = remoteKey(daemonOf(daemonHost(p.host)).primary._runner);
    const made = p.provider({
      remote:
        backend === 'incus' ? incusRemoteName(scope, hostId, remote) : lxdRemoteName(scope, hostId, remote, version),
      version,
      backend,
      dependsOn: [...new Set(localDependables(scope, 'after', p.dependsOn))],
    });
    const resources = Array.isArray(made) ? made : [made];
    if (p.protect) for (const r of resources) r.addOverride('lifecycle.prevent_destroy', true);
    let extra = 0;
    return {
      ready: [resources[resources.length - 1]],
      dependOn: (...deps) => {
        const local = localDependables(scope, `after-${extra++}`, deps).map(dependableToken);
        for (const r of resources) r.dependsOn = [...new Set([...(r.dependsOn ?? []), ...local])];
      },
    };
  }

  public multipassVm(vm: Construct, p: RenderVmProps): RenderedVm {
    const instance = multipassInstance(vm, p.model, p.userData);
    // larstobi/multipass cannot wait for cloud-init: that part stays a local-exec.
    const wait = new ManagedObject(vm, 'cloud-init', {
      runner: { kind: 'local', sudo: false },
      deletable: false,
      dependsOn: [instance],
      state: () => ({
        identity: { instance: instance.getStringAttribute('id') },
        settings: {},
        converge: vmWaitForCloudInit(p.model.name, p.checks),
        destroy: '',
      }),
    });
    return { ready: [instance, wait.converged], ipv4Address: instance.ipv4 };
  }

  public matchboxProfile(scope: Construct, p: RenderMatchboxProps<MatchboxProfileSpec>): ITerraformDependable[] {
    return [matchboxProfileResource(scope, p.server, p.spec, p.dependsOn)];
  }

  public matchboxGroup(scope: Construct, p: RenderMatchboxProps<MatchboxGroupSpec>): ITerraformDependable[] {
    return [matchboxGroupResource(scope, p.server, p.spec, p.dependsOn)];
  }
}

/**
 * The provider remote of a daemon is named after the transport of the daemon's first host, as
 * release 0.1 named every host's remote: upgraded stacks keep their remotes (a renamed remote
 * would replace the resources on it), and hosts that reach one daemon share one remote.
 */
function remoteKey(r: HostRunner): string {
  switch (r.kind) {
    case 'local':
      return 'local';
    case 'multipass':
      return `multipass:${r.name}`;
    case 'ssh':
      return `ssh:${r.user ?? ''}@${r.address}:${r.port}`;
    case 'lxd-exec':
      return `${remoteKey(r.parent)}/lxd:${r.instance}`;
  }
}
