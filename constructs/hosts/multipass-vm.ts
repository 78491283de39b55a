import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { CloudConfig } from '../../src/cloudinit/cloud-config';
import { LxdRemote } from '../../src/hosts/lxd-remote';
import { HostRunner } from '../../src/hosts/runner';
import { BackendName } from '../../src/lxd/backend';
import { checkInstanceName } from '../../src/lxd/names';
import {
  checkCpus,
  checkMultipassImage,
  checkMultipassMount,
  checkTimeoutSeconds,
  MULTIPASS_MIN_DISK,
  MULTIPASS_MIN_MEMORY,
  MultipassVmModel,
} from '../../src/multipass/vm';
import { ValidationError } from '../../src/validation/errors';
import { booleans, check, checkProps, checkRequired, Checks } from '../../src/validation/props';
import { multipassSize } from '../../src/validation/size';
import { yamlSafeTokens } from '../core/terraform-values';
import { renderingOf } from '../render/rendering';
import { readProps } from '../core/input';
import { minLxdVersionChecks } from './private/lxd-version';
import { preseedPasswords } from '../../src/lxd/version';
import { HostBase } from './private/host-base';

/** A host folder mounted into the VM. */
export interface MultipassMount {
  /** The folder on the machine running multipass. */
  readonly source: string;
  /** The mount point inside the VM. */
  readonly target: string;
}

/** Props of {@link MultipassVm}. */
export interface MultipassVmProps {
  /** The host's LXD API for `provider` rendering. @default - none (required by provider rendering) */
  readonly lxdRemote?: LxdRemote;
  /** VM name. @default - the construct id */
  readonly name?: string;
  /** Number of virtual CPUs. @default 1 */
  readonly cpus?: number;
  /** Memory in multipass syntax. @default '1G' */
  readonly memory?: string;
  /** Disk in multipass syntax. @default '5G' */
  readonly disk?: string;
  /** Image: `22.04`, `jammy`, `lts`... @default - multipass's default (latest LTS) */
  readonly image?: string;
  /** cloud-init user-data applied at first boot. @default - an empty cloud-config */
  readonly cloudConfig?: CloudConfig;
  /** Host folders mounted into the VM. @default [] */
  readonly mounts?: MultipassMount[];
  /** Seconds to wait for the launch. @default 600 */
  readonly timeoutSeconds?: number;
  /** Run LXD commands in the VM with sudo. @default true */
  readonly sudo?: boolean;
  /** Terraform `prevent_destroy`. @default false */
  readonly protect?: boolean;
  /** The daemon the VM runs (its cloud-config installs it): `lxd` or `incus`. @default 'lxd' */
  readonly backend?: BackendName;
  /**
   * The oldest LXD version the host runs, `MAJOR.MINOR` as `lxd --version` prints it (e.g. `'5.0'`,
   * `'5.21'`, `'6.1'`): from 6.1 on a trust password (`core.trust_password`, a cluster join password, the
   * `lxdRemote`'s password) is refused at synth. LXD hosts only.
   * @default - unknown: a script that would use a trust password reads the version at deploy time and stops on LXD 6.1 or later
   */
  readonly minLxdVersion?: string;
}

/**
 * A multipass VM bootstrapped by cloud-init. Create runs `multipass launch --cloud-init`
 * and waits for `cloud-init status --wait`; destroy runs `multipass delete --purge`.
 * Every property is fixed at launch, so changing any of them replaces the VM (the plan says so).
 */
export class MultipassVm extends HostBase {
  /** @internal */
  public readonly _runner: HostRunner;
  public readonly lxdRemote?: LxdRemote;
  public readonly ready: ITerraformDependable[];
  /** The VM's name in multipass (`name`, or the construct id). */
  public readonly vmName: string;
  public readonly backend: BackendName;
  /** The oldest LXD version the host runs, as declared. @default - unknown */
  public readonly minLxdVersion?: string;
  /** The cloud-init user-data the VM is launched with. */
  public readonly cloudConfig: CloudConfig;
  private readonly providerIpv4?: string;

  /**
   * The VM's IPv4 address: a Terraform reference to the multipass_instance, so `provider`
   * rendering only. Under `cli` the address is not known to Terraform: reading it throws.
   */
  public get ipv4Address(): string {
    if (this.providerIpv4 === undefined) {
      throw new ValidationError([
        {
          path: this.node.path,
          property: 'ipv4Address',
          value: '(read under rendering: cli)',
          reason:
            "the VM's address is an attribute of the multipass provider's resource, unknown to Terraform under the cli rendering",
          fix: "use LabStack's rendering: 'provider', or give the VM a static address and use that",
        },
      ]);
    }
    return this.providerIpv4;
  }

  /** Escape hatch: the Terraform resources this construct synthesizes, e.g. for `addOverride`. */
  public get terraformResources(): TerraformResource[] {
    return terraformResourcesOf(this);
  }

  constructor(scope: Construct, id: string, props: MultipassVmProps = {}) {
    super(scope, id);
    const path = this.node.path;
    props = readProps(path, props);
    this.lxdRemote = props.lxdRemote;
    this.backend = props.backend ?? 'lxd';
    this.minLxdVersion = props.minLxdVersion;
    this.vmName = props.name ?? id;
    const model: MultipassVmModel = {
      name: this.vmName,
      cpus: props.cpus ?? 1,
      memory: props.memory ?? '1G',
      disk: props.disk ?? '5G',
      image: props.image,
      mounts: props.mounts ?? [],
      timeoutSeconds: props.timeoutSeconds ?? 600,
    };
    this.cloudConfig = props.cloudConfig ?? new CloudConfig();
    checkProps(path, vmChecks(props, model), this.cloudConfig.validate(path, this.backend, this.minLxdVersion));

    this._runner = { kind: 'multipass', name: model.name, sudo: props.sudo ?? true };
    // Terraform values in the cloud-config land in the YAML as quoted strings (see yamlSafeTokens).
    const userData = new CloudConfig(yamlSafeTokens(this.cloudConfig.props)).render();
    const rendering = renderingOf(this);
    // A trust password LXD 6.1+ refuses fails cloud-init: the launch then reads the VM's LXD version to say so.
    const preseed = this.backend === 'lxd' ? this.cloudConfig.lxdPreseed : undefined;
    const checks =
      preseed !== undefined && preseedPasswords(preseed).length
        ? { trustPasswordClient: `${(props.sudo ?? true) ? 'sudo ' : ''}lxc` }
        : {};
    const vm = rendering.multipassVm(this, {
      model,
      userData,
      sensitive: this.cloudConfig.hasSecret,
      protect: props.protect,
      checks,
    });
    this.ready = vm.ready;
    this.providerIpv4 = vm.ipv4Address;
    this.registerHost();
    rendering.trackHost(this);
  }
}

/** The checks of a VM's props (`model`: with the defaults filled in); the cloud-config is checked on its own. */
function vmChecks(props: MultipassVmProps, model: MultipassVmModel): Checks {
  return [
    booleans(props, ['sudo', 'protect']),
    minLxdVersionChecks(props.minLxdVersion, props.backend ?? 'lxd', props.lxdRemote),
    checkRequired('name', model.name, checkInstanceName),
    checkRequired('cpus', model.cpus, checkCpus),
    checkRequired('memory', model.memory, multipassSize(MULTIPASS_MIN_MEMORY, '128M')),
    checkRequired('disk', model.disk, multipassSize(MULTIPASS_MIN_DISK, '512M')),
    checkRequired('timeoutSeconds', model.timeoutSeconds, checkTimeoutSeconds),
    check('image', model.image, checkMultipassImage),
    model.mounts.map((m) => checkRequired('mounts', m, checkMultipassMount)),
  ];
}
