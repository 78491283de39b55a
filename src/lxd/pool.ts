import { Verdict } from '../validation/errors';
import { Rule } from '../validation/rule';
import { StorageDriver } from './model';

/** Config keys each driver takes (LXD 5.x), besides `user.*` and `volume.*`. */
export const DRIVER_KEYS: Readonly<Record<StorageDriver, readonly string[]>> = {
  dir: ['source', 'rsync.bwlimit', 'rsync.compression'],
  btrfs: ['size', 'source', 'source.wipe', 'btrfs.mount_options'],
  lvm: [
    'size',
    'source',
    'source.wipe',
    'lvm.thinpool_name',
    'lvm.thinpool_metadata_size',
    'lvm.use_thinpool',
    'lvm.vg.force_reuse',
    'lvm.vg_name',
    'rsync.bwlimit',
    'rsync.compression',
  ],
  zfs: ['size', 'source', 'source.wipe', 'zfs.clone_copy', 'zfs.export', 'zfs.pool_name'],
  ceph: [
    'source',
    'ceph.cluster_name',
    'ceph.osd.data_pool_name',
    'ceph.osd.force_reuse',
    'ceph.osd.pg_num',
    'ceph.osd.pool_name',
    'ceph.rbd.clone_copy',
    'ceph.rbd.du',
    'ceph.rbd.features',
    'ceph.user.name',
  ],
};

/** True for a storage driver the library knows. */
export function isStorageDriver(value: unknown): value is StorageDriver {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DRIVER_KEYS, value);
}

/** Rule: a storage driver (`dir`, `btrfs`, `lvm`, `zfs` or `ceph`). */
export function checkStorageDriver(value: unknown): Verdict | undefined {
  return isStorageDriver(value)
    ? undefined
    : { reason: 'unknown storage driver', fix: `use one of ${Object.keys(DRIVER_KEYS).join(', ')}` };
}

/** Rule: a config key the pool's `driver` takes, or a `user.*` or `volume.*` key. */
export function checkDriverKey(driver: StorageDriver): Rule<string> {
  return (key) =>
    DRIVER_KEYS[driver].includes(key) || /^(user|volume)\./.test(key)
      ? undefined
      : {
          reason: `the ${driver} driver does not take this option`,
          fix: `use one of ${DRIVER_KEYS[driver].join(', ')}, volume.* or user.*`,
        };
}
