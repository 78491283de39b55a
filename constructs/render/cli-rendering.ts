import { Construct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { ownershipConfig } from '../../src/lifecycle/scripts';
import { USER_DATA_ENV, vmDelete, vmLaunch } from '../../src/multipass/vm';
import { trackDeployingMachine, trackHost } from '../core/lifecycle';
import { TerraformStack } from '../core/cdk';
import { ManagedObject, sensitiveLiteral } from '../core/managed-object';
import { appOwners, ownerOf } from '../core/stack-settings';
import { daemonHost, hostLabel, IHost, runnerOf } from '../core/host';
import { dataFilesObject } from './data-files';
import { MatchboxGroupSpec, MatchboxProfileSpec } from '../../src/matchbox/model';
import {
  Ownership,
  RenderedObject,
  RenderedVm,
  RenderingStrategy,
  RenderMatchboxProps,
  RenderObjectProps,
  RenderVmProps,
} from './rendering-strategy';

const LOCAL = { kind: 'local', sudo: false } as const;

/**
 * The `cli` rendering: every object is a pair of command resources running idempotent scripts
 * through its host, and the stack prunes what it no longer declares on each host.
 */
export class CliRendering implements RenderingStrategy {
  public readonly name = 'cli';

  /**
   * @param stack the LabStack that owns the rendering: it prunes its VMs' records on the
   *   deploying machine even once it declares no host. @default - none (a plain TerraformStack)
   */
  constructor(stack?: Construct) {
    if (stack) trackDeployingMachine(TerraformStack.of(stack));
  }

  /** Gives the stack its prune on `host` and on the deploying machine, even before any object is declared there. */
  public trackHost(host: IHost): void {
    trackDeployingMachine(TerraformStack.of(host));
    trackHost(daemonHost(host));
  }

  public lxdObject(scope: Construct, id: string, p: RenderObjectProps): RenderedObject {
    const owner = ownerOf(scope);
    const ownership = (): Ownership => ({
      config: ownershipConfig({ owner, path: scope.node.path, protect: p.protect }),
      claim: {
        owner,
        from: appOwners(scope).filter((o) => o !== owner),
        adopt: p.adopt ?? false,
        what: `${p.lifecycle.kind} ${p.lifecycle.name}`,
        path: scope.node.path,
        where: hostLabel(p.host),
      },
    });
    const obj = new ManagedObject(scope, id, {
      runner: runnerOf(p.host),
      dependsOn: p.dependsOn,
      protect: p.protect,
      sensitive: p.sensitive,
      state: () => p.cli(ownership()),
      lifecycle: p.lifecycle,
      host: daemonHost(p.host),
      source: p.source && { host: daemonHost(p.source.host), name: p.source.name },
    });
    return { ready: [obj.object, obj.converged], dependOn: (...deps) => obj.dependOn(...deps) };
  }

  public multipassVm(vm: Construct, p: RenderVmProps): RenderedVm {
    const { model, userData, sensitive } = p;
    const launched = new ManagedObject(vm, 'vm', {
      runner: LOCAL,
      protect: p.protect,
      lifecycle: { kind: 'record', recordKind: 'multipass-vm', name: model.name, order: 10 },
      sensitive,
      state: () => ({
        identity: { kind: 'multipass-vm', ...model, userData: sensitive ? sensitiveLiteral(userData) : userData },
        settings: {},
        converge: vmLaunch(model, p.checks),
        destroy: vmDelete(model.name),
        environment: { [USER_DATA_ENV]: userData },
      }),
    });
    return { ready: [launched.converged] };
  }

  public matchboxProfile(scope: Construct, p: RenderMatchboxProps<MatchboxProfileSpec>): ITerraformDependable[] {
    return dataFilesObject(scope, 'files', { ...p, kind: 'matchbox-profile', objectId: p.spec.id });
  }

  public matchboxGroup(scope: Construct, p: RenderMatchboxProps<MatchboxGroupSpec>): ITerraformDependable[] {
    return dataFilesObject(scope, 'file', { ...p, kind: 'matchbox-group', objectId: p.spec.id });
  }
}
