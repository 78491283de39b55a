/**
 * Driver-independent desired state of LXD objects. Constructs build these;
 * renderers (shell scripts today, native provider resources later) consume them.
 */

/** LXD config map: every value is a string, as the LXD API stores it. */
export type ConfigMap = Readonly<Record<string, string>>;

/** One device: `type` plus its keys, e.g. `{ type: 'nic', network: 'lxdbr0', name: 'eth0' }`. */
export type DeviceMap = Readonly<Record<string, ConfigMap>>;

/** Storage drivers the library models. */
export type StorageDriver = 'dir' | 'btrfs' | 'lvm' | 'zfs' | 'ceph';

export interface StoragePoolModel {
  readonly name: string;
  readonly driver: StorageDriver;
  readonly config: ConfigMap;
  readonly description: string;
}

export interface NetworkModel {
  readonly name: string;
  readonly type: 'bridge';
  readonly config: ConfigMap;
  readonly description: string;
}

export interface ProfileModel {
  readonly name: string;
  readonly config: ConfigMap;
  readonly devices: DeviceMap;
  readonly description: string;
}

/** Instance power state. */
export type InstanceState = 'running' | 'stopped';

export interface InstanceModel {
  readonly name: string;
  /** Image as `lxc init` takes it: `alias`, `remote:alias` or a fingerprint. */
  readonly image: string;
  readonly profiles: string[];
  /** Pool for the root disk when no profile provides one. */
  readonly storagePool?: string;
  readonly config: ConfigMap;
  readonly devices: DeviceMap;
  readonly state: InstanceState;
  readonly description: string;
  /** Cluster member the instance is created on and moved to when it is elsewhere. */
  readonly target?: string;
}

/** Config keys of a pool that LXD only takes at creation. */
export const POOL_CREATE_ONLY_KEYS: readonly string[] = [
  'source',
  'zfs.pool_name',
  'lvm.vg_name',
  'lvm.thinpool_name',
  'lvm.use_thinpool',
  'ceph.osd.pool_name',
  'ceph.cluster_name',
  'ceph.user.name',
  'ceph.osd.pg_num',
];

/** Config keys of a pool that each cluster member has its own value for (LXD's NodeSpecificStorageConfig). */
export const POOL_MEMBER_KEYS: readonly string[] = [
  'size',
  'source',
  'source.wipe',
  'zfs.pool_name',
  'lvm.thinpool_name',
  'lvm.vg_name',
];

/** Config keys of a network that each cluster member has its own value for (LXD's NodeSpecificNetworkConfig). */
export const NETWORK_MEMBER_KEYS: readonly string[] = [
  'bridge.external_interfaces',
  'parent',
  'bgp.ipv4.nexthop',
  'bgp.ipv6.nexthop',
];

/** The member-specific keys of a pool or network on one cluster member. */
export interface MemberObjectConfig {
  /** The member's name in the cluster. */
  readonly member: string;
  /** Only member-specific keys. */
  readonly config: ConfigMap;
}
