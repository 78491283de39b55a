import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { memberConfigs, poolConverge, poolConvergeCluster, poolDelete } from '../../src/lxd/cli';
import {
  MemberObjectConfig,
  POOL_CREATE_ONLY_KEYS,
  POOL_MEMBER_KEYS,
  StorageDriver,
  StoragePoolModel,
} from '../../src/lxd/model';
import { checkObjectName } from '../../src/lxd/names';
import { checkDriverKey, checkStorageDriver, DRIVER_KEYS, isStorageDriver } from '../../src/lxd/pool';
import { booleans, check, checkProps, checkRequired, Checks } from '../../src/validation/props';
import { lxdSize } from '../../src/validation/size';
import { storagePoolResource } from '../render/lxd-provider';
import { renderingOf } from '../render/rendering';
import { backendOf, IHost, IOnHost, registerName } from '../core/host';
import { configChecks, stringValues } from './private/common';
import { clusterPlacementChecks, ILxdCluster } from './icluster';
import { readProps } from '../core/input';

/** A storage pool, declared or pre-existing. */
export interface IStoragePool extends IOnHost {
  /** The pool's name in LXD. */
  readonly poolName: string;
  /** What a user of the pool must depend on. */
  readonly ready: ITerraformDependable[];
}

/** Props of {@link StoragePool}. */
export interface StoragePoolProps {
  /** The host the pool is created on. */
  readonly host: IHost;
  /** The pool's name. @default - the construct id */
  readonly name?: string;
  /** The storage backend: `dir`, `btrfs`, `lvm`, `zfs` or `ceph`; fixed once created. */
  readonly driver: StorageDriver;
  /** Size of a loop-backed pool (btrfs, lvm, zfs), e.g. `80GiB`. @default - LXD's default (20% of free space, 5-30 GiB) */
  readonly size?: string;
  /** Existing directory, block device, volume group, zpool or ceph pool. @default - a new loop file */
  readonly source?: string;
  /** LVM thin pool name. @default 'LXDThinPool' */
  readonly lvmThinpoolName?: string;
  /** LVM volume group name. @default - the pool name */
  readonly lvmVgName?: string;
  /** ZFS zpool name. @default - the pool name */
  readonly zfsPoolName?: string;
  /** Ceph OSD pool name. @default - the pool name */
  readonly cephOsdPoolName?: string;
  /** Other driver keys, e.g. `{ 'zfs.clone_copy': 'false' }`. @default {} */
  readonly config?: Record<string, string>;
  /** The pool's description in LXD. @default '' */
  readonly description?: string;
  /** Terraform `prevent_destroy`: the pool holds data. @default false */
  readonly protect?: boolean;
  /**
   * The cluster the pool is created on (declare it on `cluster.host`): defined on each member first
   * (`lxc storage create P DRIVER --target M` with the member-specific keys `size`, `source`,
   * `source.wipe`, `lvm.vg_name`, `lvm.thinpool_name`, `zfs.pool_name`: those given above go to
   * every member, `perMember` adds or overrides per member), then globally with the other keys.
   * With the `provider` rendering: terraform-lxd v3's `member_overrides`, or (v2, Incus) one resource
   * per member with `target` before the cluster-wide one. @default - a pool of one daemon
   */
  readonly cluster?: ILxdCluster;
  /** Member-specific keys per member name, e.g. `{ m1: { source: '/srv/lxd' }, m2: { source: '/data/lxd' } }`. Needs `cluster`. @default {} */
  readonly perMember?: Record<string, Readonly<Record<string, string>>>;
  /**
   * Take over an object of this name that exists on the daemon already and is not the app's (made by
   * hand, or by another app): the stack then owns it, converges it to these props, and deletes it when
   * it leaves the code. Without it, such an object fails the deploy before anything is changed.
   * @default false
   */
  readonly adopt?: boolean;
}

/**
 * An LXD storage pool. The driver and create-only keys (source, vg/zpool names)
 * are fixed: changing them replaces the pool, which LXD refuses while it is in use.
 */
export class StoragePool extends Construct implements IStoragePool {
  /** References a pool that already exists on the host (it is never created or deleted). */
  public static fromPoolName(scope: Construct, id: string, host: IHost, poolName: string): IStoragePool {
    return new ImportedStoragePool(scope, id, host, poolName, 'poolName');
  }

  /**
   * References a storage pool that already exists on the host.
   * @deprecated use {@link StoragePool.fromPoolName}
   */
  public static fromName(scope: Construct, id: string, host: IHost, name: string): IStoragePool {
    return new ImportedStoragePool(scope, id, host, name, 'name');
  }

  /** The host the pool is on. */
  public readonly host: IHost;
  /** The pool's name (`name`, or the construct id). */
  public readonly poolName: string;
  public readonly ready: ITerraformDependable[];
  private readonly model: StoragePoolModel;
  /** The member-specific keys of each member, when the pool is on a cluster. */
  public readonly members?: MemberObjectConfig[];

  /** Escape hatch: the Terraform resources this construct synthesizes, e.g. for `addOverride`. */
  public get terraformResources(): TerraformResource[] {
    return terraformResourcesOf(this);
  }

  constructor(scope: Construct, id: string, props: StoragePoolProps) {
    super(scope, id);
    const path = this.node.path;
    props = readProps(path, props);
    this.host = props.host;
    this.poolName = props.name ?? id;
    const config = {
      ...props.config,
      ...stringValues({
        size: props.size,
        source: props.source,
        'lvm.thinpool_name': props.lvmThinpoolName,
        'lvm.vg_name': props.lvmVgName,
        'zfs.pool_name': props.zfsPoolName,
        'ceph.osd.pool_name': props.cephOsdPoolName,
      }),
    };
    checkProps(path, poolChecks(props, this.poolName, config));
    this.model = { name: this.poolName, driver: props.driver, config, description: props.description ?? '' };
    const cluster = props.cluster;
    const members = cluster ? memberConfigs(config, POOL_MEMBER_KEYS, cluster.memberNames, props.perMember) : undefined;
    this.members = members;
    registerName(this.host, 'storage pool', this.poolName, this);

    const fixed = Object.fromEntries(Object.entries(config).filter(([k]) => POOL_CREATE_ONLY_KEYS.includes(k)));
    this.ready = renderingOf(this).lxdObject(this, 'pool', {
      host: this.host,
      dependsOn: cluster ? [...this.host.ready, ...cluster.ready] : this.host.ready,
      protect: props.protect,
      lifecycle: { kind: 'pool', name: this.poolName },
      adopt: props.adopt,
      cli: (ownership) => {
        const model = { ...this.model, config: { ...this.model.config, ...ownership.config } };
        return {
          identity: { kind: 'lxd-storage-pool', name: this.poolName, driver: props.driver, config: fixed },
          settings: members
            ? { description: model.description, config: model.config, perMember: members }
            : { description: model.description, config: model.config },
          converge: members
            ? poolConvergeCluster(model, members, backendOf(this.host), ownership.claim)
            : poolConverge(model, backendOf(this.host), ownership.claim),
          destroy: poolDelete(this.poolName, backendOf(this.host)),
        };
      },
      provider: (target) =>
        storagePoolResource(
          this,
          'resource',
          target,
          () => this.model,
          cluster && members
            ? {
                memberNames: cluster.memberNames,
                members: () => members,
                overrides: props.perMember ?? {},
                memberKeys: POOL_MEMBER_KEYS,
              }
            : undefined,
        ),
    }).ready;
  }
}

/** The checks of a pool's props (`config`: with the typed props' keys). */
function poolChecks(props: StoragePoolProps, name: string, config: Record<string, string>): Checks {
  // The keys are checked against a known driver only.
  const driver = isStorageDriver(props.driver) ? props.driver : undefined;
  return [
    booleans(props, ['protect']),
    checkRequired('name', name, checkObjectName),
    checkRequired('driver', props.driver, checkStorageDriver),
    check('size', props.size, lxdSize({ positive: true })),
    configChecks('config', config),
    driver
      ? Object.keys(config).map((key) =>
          checkRequired(key.includes('.') ? `config.${key}` : key, key, checkDriverKey(driver)),
        )
      : [],
    clusterPlacementChecks(
      props.host,
      props.cluster,
      props.perMember,
      POOL_MEMBER_KEYS,
      (k) => !driver || DRIVER_KEYS[driver].includes(k),
    ),
  ];
}

/** A storage pool that exists on its host outside this app. */
class ImportedStoragePool extends Construct implements IStoragePool {
  public readonly ready: ITerraformDependable[];
  /** `nameProperty`: the importer's parameter, for the error message. */
  constructor(
    scope: Construct,
    id: string,
    public readonly host: IHost,
    public readonly poolName: string,
    nameProperty: string,
  ) {
    checkProps(`${scope.node.path}/${id}`, [checkRequired(nameProperty, poolName, checkObjectName)]);
    super(scope, id);
    this.ready = host.ready;
  }
}
