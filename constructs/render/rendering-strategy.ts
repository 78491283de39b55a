import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { DataFile, MatchboxGroupSpec, MatchboxProfileSpec } from '../../src/matchbox/model';
import { MultipassVmModel, VmLaunchChecks } from '../../src/multipass/vm';
import { ManagedObjectState } from '../core/managed-object';
import { Rendering } from '../core/stack-settings';
import { IHost } from '../core/host';
import { MatchboxTarget } from './matchbox-target';
import { ProviderTarget } from './provider-target';
import { Claim } from '../../src/lxd/cli';

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
  /** The daemon and name the object is taken from when it is missing (`migrateFrom`). @default - nowhere */
  readonly source?: { readonly host: IHost; readonly name: string };
  /** The object's kind and name on the host, for prune and drift. */
  readonly lifecycle: { readonly kind: 'instance' | 'profile' | 'network' | 'pool' | 'image'; readonly name: string };
  /** The cli rendering's scripts and state, given the ownership keys to set on the object and who may converge it. */
  readonly cli: (ownership: Ownership) => ManagedObjectState;
  /** Converge an existing object whoever owns it (hand-made, another app's). @default false */
  readonly adopt?: boolean;
  /**
   * The native resource, or its resources with the object itself last (a pool of a cluster defined
   * member by member); undefined when the provider cannot express the object (cli is used).
   */
  readonly provider?: (target: ProviderTarget) => TerraformResource | TerraformResource[];
}

/** What the cli rendering tells an object's scripts about its ownership. */
export interface Ownership {
  /** The config keys (or image properties) that name the object's owner. */
  readonly config: Record<string, string>;
  /** Who may converge the object when it exists already. */
  readonly claim: Claim;
}

/** A multipass VM to render. */
export interface RenderVmProps {
  readonly model: MultipassVmModel;
  /** The cloud-init user-data, rendered. */
  readonly userData: string;
  /** The user-data holds a secret: keep it out of plans. */
  readonly sensitive: boolean;
  readonly protect?: boolean;
  /** What the wait for cloud-init checks when cloud-init fails. @default {} */
  readonly checks?: VmLaunchChecks;
}

/** A rendered VM: what waits for it, and its address when Terraform knows it. */
export interface RenderedVm {
  readonly ready: ITerraformDependable[];
  /** A Terraform reference to the VM's IPv4 address. @default - unknown to Terraform */
  readonly ipv4Address?: string;
}

/** A Matchbox profile or group to render: its spec, the data files it writes and what it waits for. */
export interface RenderMatchboxProps<Spec> {
  readonly server: MatchboxTarget;
  readonly spec: Spec;
  readonly files: DataFile[];
  readonly dependsOn: ITerraformDependable[];
}

/**
 * How a stack turns the library's objects into Terraform resources. A LabStack owns one
 * (`cli` or `provider`, see {@link renderingOf}); constructs ask it instead of testing a mode.
 */
export interface RenderingStrategy {
  /** The rendering's name, as `LabStackProps.rendering` spells it. */
  readonly name: Rendering;
  /** A host was declared: the cli rendering gives the stack its prune there. */
  trackHost(host: IHost): void;
  /** An LXD (or Incus) object: instance, profile, network, storage pool or image. */
  lxdObject(scope: Construct, id: string, p: RenderObjectProps): RenderedObject;
  /** A multipass VM and the wait for its cloud-init. */
  multipassVm(vm: Construct, p: RenderVmProps): RenderedVm;
  /** A Matchbox profile's data files or `matchbox_profile`. */
  matchboxProfile(scope: Construct, p: RenderMatchboxProps<MatchboxProfileSpec>): ITerraformDependable[];
  /** A Matchbox group's file or `matchbox_group`. */
  matchboxGroup(scope: Construct, p: RenderMatchboxProps<MatchboxGroupSpec>): ITerraformDependable[];
}
