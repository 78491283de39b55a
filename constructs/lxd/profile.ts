import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { profileConverge, profileDelete } from '../../src/lxd/cli';
import { checkDiskSource, diskDevice, DiskOptions, nicDevice, rootDisk } from '../../src/lxd/devices';
import { ConfigMap, ProfileModel } from '../../src/lxd/model';
import { checkObjectName } from '../../src/lxd/names';
import { Problem } from '../../src/validation/errors';
import { booleans, checkProps, checkRequired } from '../../src/validation/props';
import { registerProblems } from '../core/problems';
import { profileResource } from '../render/lxd-provider';
import { renderingOf } from '../render/rendering';
import { backendOf, IHost, IOnHost, registerName } from '../core/host';
import { IBridge } from './bridge';
import { addDeviceTo, configChecks, crossHostProblem, deviceChecks, withConfig } from './private/common';
import { IStoragePool } from './storage-pool';
import { readProps } from '../core/input';

/** A profile, declared or pre-existing. */
export interface IProfile extends IOnHost {
  /** The profile's name in LXD. */
  readonly profileName: string;
  /** What a user of the profile must depend on. */
  readonly ready: ITerraformDependable[];
}

/** Props of {@link Profile}. */
export interface ProfileProps {
  /** The host the profile is created on. */
  readonly host: IHost;
  /** The profile's name. @default - the construct id */
  readonly name?: string;
  /** Instance config such as `security.privileged`, `limits.cpu`. @default {} */
  readonly config?: Record<string, string>;
  /** Raw devices by name. Prefer the typed methods. @default {} */
  readonly devices?: Record<string, ConfigMap>;
  /** Give instances a root disk on this pool. @default - none */
  readonly rootPool?: IStoragePool;
  /** Give instances an `eth0` on this bridge. @default - none */
  readonly network?: IBridge;
  /** The profile's description in LXD. @default '' */
  readonly description?: string;
  /**
   * Take over an object of this name that exists on the daemon already and is not the app's (made by
   * hand, or by another app): the stack then owns it, converges it to these props, and deletes it when
   * it leaves the code. Without it, such an object fails the deploy before anything is changed.
   * @default false
   */
  readonly adopt?: boolean;
}

/** Instance settings shared by containers: config and devices. Everything is mutable in place. */
export class Profile extends Construct implements IProfile {
  /** References a profile that already exists, such as `default`. */
  public static fromProfileName(scope: Construct, id: string, host: IHost, profileName: string): IProfile {
    return new ImportedProfile(scope, id, host, profileName, 'profileName');
  }

  /**
   * References a profile that already exists on the host.
   * @deprecated use {@link Profile.fromProfileName}
   */
  public static fromName(scope: Construct, id: string, host: IHost, name: string): IProfile {
    return new ImportedProfile(scope, id, host, name, 'name');
  }

  /** The host the profile is on. */
  public readonly host: IHost;
  /** The profile's name (`name`, or the construct id). */
  public readonly profileName: string;
  /** What a user of the profile must depend on. */
  public readonly ready: ITerraformDependable[];
  private readonly config: Record<string, string>;
  private readonly devices: Record<string, ConfigMap> = {};
  private readonly refs: { property: string; ref: IBridge | IStoragePool }[] = [];
  private readonly description: string;

  /** Escape hatch: the Terraform resources this construct synthesizes, e.g. for `addOverride`. */
  public get terraformResources(): TerraformResource[] {
    return terraformResourcesOf(this);
  }

  constructor(scope: Construct, id: string, props: ProfileProps) {
    super(scope, id);
    const path = this.node.path;
    props = readProps(path, props);
    this.host = props.host;
    this.profileName = props.name ?? id;
    this.description = props.description ?? '';
    checkProps(path, [
      checkRequired('name', this.profileName, checkObjectName),
      configChecks('config', props.config),
      deviceChecks('devices', props.devices),
    ]);
    this.config = { ...props.config };
    const deps: ITerraformDependable[] = [];
    if (props.rootPool) {
      this.addDevice('root', rootDisk(props.rootPool.poolName));
      this.refs.push({ property: 'rootPool', ref: props.rootPool });
      deps.push(...props.rootPool.ready);
    }
    if (props.network) {
      this.addDevice('eth0', nicDevice({ network: props.network.networkName }));
      this.refs.push({ property: 'network', ref: props.network });
      deps.push(...props.network.ready);
    }
    for (const [name, d] of Object.entries(props.devices ?? {})) this.addDevice(name, d);
    registerName(this.host, 'profile', this.profileName, this);
    registerProblems(this);

    this.ready = renderingOf(this).lxdObject(this, 'profile', {
      host: this.host,
      dependsOn: [...this.host.ready, ...deps],
      lifecycle: { kind: 'profile', name: this.profileName },
      adopt: props.adopt,
      cli: (ownership) => {
        const model = withConfig(this.model(), ownership.config);
        return {
          identity: { kind: 'lxd-profile', name: model.name },
          settings: { description: model.description, config: model.config, devices: model.devices },
          converge: profileConverge(model, backendOf(this.host), ownership.claim),
          destroy: profileDelete(model.name, backendOf(this.host)),
        };
      },
      // LXD's `default` profile always exists: the provider cannot create it, so it stays on cli.
      provider:
        this.profileName === 'default'
          ? undefined
          : (target) => profileResource(this, 'resource', target, () => this.model()),
    }).ready;
  }

  /** Adds a raw device. */
  public addDevice(name: string, device: ConfigMap): void {
    addDeviceTo(this.node.path, this.devices, name, device);
  }

  /** Shares a host path with the instances (seed 004's `lxc profile device add NAME /etc/apt/ disk ...`). */
  public addDisk(name: string, options: DiskOptions): void {
    name = readProps(this.node.path, name, 'addDisk');
    options = readProps(this.node.path, options, `addDisk(${name})`);
    checkProps(this.node.path, [
      booleans(options, ['readonly', 'shift'], `addDisk(${name}).`),
      checkRequired(`addDisk(${name}).source`, options.source, checkDiskSource),
    ]);
    this.addDevice(name, diskDevice(options));
  }

  /** The desired profile. */
  private model(): ProfileModel {
    return { name: this.profileName, config: this.config, devices: this.devices, description: this.description };
  }

  /** Reports referenced bridges and storage pools that live on another host. */
  public collectProblems(): Problem[] {
    return this.refs.map((r) => crossHostProblem(this, r.property, r.ref)).filter((p): p is Problem => p !== undefined);
  }
}

/** A profile that exists on its host outside this app. */
class ImportedProfile extends Construct implements IProfile {
  public readonly ready: ITerraformDependable[];
  /** `nameProperty`: the importer's parameter, for the error message. */
  constructor(
    scope: Construct,
    id: string,
    public readonly host: IHost,
    public readonly profileName: string,
    nameProperty: string,
  ) {
    checkProps(`${scope.node.path}/${id}`, [checkRequired(nameProperty, profileName, checkObjectName)]);
    super(scope, id);
    this.ready = host.ready;
  }
}
