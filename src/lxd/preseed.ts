import { stringify } from 'yaml';
import { BackendName } from './backend';
import { ConfigMap, DeviceMap } from './model';
import { checkConfigKey } from './names';
import { compact, sortedMap } from '../util/objects';

/** A network in a preseed (`networks[]`). */
export interface PreseedNetwork {
  readonly name: string;
  /** @default 'bridge' */
  readonly type?: string;
  readonly config?: ConfigMap;
  readonly description?: string;
  readonly project?: string;
}

/** A storage pool in a preseed (`storage_pools[]`). */
export interface PreseedStoragePool {
  readonly name: string;
  readonly driver: string;
  readonly config?: ConfigMap;
  readonly description?: string;
}

/** A storage volume (`storage_volumes[]`, LXD 5.21 and later only). */
export interface PreseedStorageVolume {
  readonly name: string;
  readonly pool: string;
  /** @default 'custom' */
  readonly type?: string;
  readonly contentType?: 'filesystem' | 'block';
  readonly config?: ConfigMap;
  readonly description?: string;
  readonly project?: string;
}

/** A profile in a preseed (`profiles[]`). */
export interface PreseedProfile {
  readonly name: string;
  readonly config?: ConfigMap;
  readonly devices?: DeviceMap;
  readonly description?: string;
}

/** A project in a preseed (`projects[]`). */
export interface PreseedProject {
  readonly name: string;
  readonly config?: ConfigMap;
  readonly description?: string;
  /** Default storage pool (LXD 5.21+). */
  readonly storage?: string;
  /** Default network (LXD 5.21+). */
  readonly network?: string;
}

/** One `cluster.member_config[]` entry, answered when joining a cluster. */
export interface PreseedMemberConfig {
  readonly entity: string;
  readonly name: string;
  readonly key: string;
  readonly value: string;
  readonly description?: string;
}

/** The `cluster:` section: bootstrap (`enabled` only) or join (address, certificate, token or password). */
export interface PreseedCluster {
  readonly serverName?: string;
  readonly enabled?: boolean;
  readonly serverAddress?: string;
  readonly clusterAddress?: string;
  readonly clusterCertificate?: string;
  readonly clusterCertificatePath?: string;
  /** Join token (secret). */
  readonly clusterToken?: string;
  /** Join password (secret; LXD 5.0/5.21 only, removed in 6.x). */
  readonly clusterPassword?: string;
  readonly memberConfig?: PreseedMemberConfig[];
}

/** The whole `lxd init --preseed` document. */
export interface PreseedDocument {
  /** Server config such as `core.https_address`, `images.auto_update_interval`. */
  readonly config?: Record<string, string | number | boolean>;
  readonly networks?: PreseedNetwork[];
  readonly storagePools?: PreseedStoragePool[];
  readonly storageVolumes?: PreseedStorageVolume[];
  readonly profiles?: PreseedProfile[];
  readonly projects?: PreseedProject[];
  readonly cluster?: PreseedCluster;
}

/** Server config keys and cluster fields that carry secrets. */
export const PRESEED_SECRET_KEYS = ['core.trust_password', 'cluster_token', 'cluster_password'];

type Plain = Record<string, unknown>;

const maybeMap = (m: ConfigMap | undefined) => (m ? sortedMap(m) : undefined);
const devicesOf = (d: DeviceMap | undefined) =>
  d ? Object.fromEntries(Object.keys(d).sort().map((k) => [k, sortedMap(d[k])])) : undefined;

/** Converts the typed document to LXD's key tree (snake_case keys, as `lxd init --dump` prints). */
export function preseedTree(doc: PreseedDocument): Plain {
  const c = doc.cluster;
  return compact({
    config: doc.config ? sortedMap(doc.config) : undefined,
    networks: doc.networks?.map((n) =>
      compact({ name: n.name, type: n.type ?? 'bridge', config: maybeMap(n.config), description: n.description, project: n.project })),
    storage_pools: doc.storagePools?.map((p) =>
      compact({ name: p.name, driver: p.driver, config: maybeMap(p.config), description: p.description })),
    storage_volumes: doc.storageVolumes?.map((v) =>
      compact({ name: v.name, pool: v.pool, type: v.type ?? 'custom', content_type: v.contentType, config: maybeMap(v.config), description: v.description, project: v.project })),
    profiles: doc.profiles?.map((p) =>
      compact({ name: p.name, description: p.description, config: maybeMap(p.config), devices: devicesOf(p.devices) })),
    projects: doc.projects?.map((p) =>
      compact({ name: p.name, description: p.description, config: maybeMap(p.config), storage: p.storage, network: p.network })),
    cluster: c
      ? compact({
          server_name: c.serverName,
          enabled: c.enabled,
          server_address: c.serverAddress,
          cluster_address: c.clusterAddress,
          cluster_certificate: c.clusterCertificate,
          cluster_certificate_path: c.clusterCertificatePath,
          cluster_token: c.clusterToken,
          cluster_password: c.clusterPassword,
          member_config: c.memberConfig?.map((m) => compact({ ...m })),
        })
      : undefined,
  });
}

/** Renders the preseed YAML that `lxd init --preseed` reads on stdin. */
export function renderPreseed(doc: PreseedDocument): string {
  return stringify(preseedTree(doc), { lineWidth: 0 });
}

/** True when the document carries a secret (trust password, cluster token or password). */
export function preseedHasSecret(doc: PreseedDocument): boolean {
  return doc.config?.['core.trust_password'] !== undefined ||
    doc.cluster?.clusterToken !== undefined || doc.cluster?.clusterPassword !== undefined;
}

/**
 * Storage drivers `lxd init --preseed` can create pools with. LXD 5.0 has dir, btrfs, lvm, zfs,
 * ceph, cephfs and cephobject; 5.21 adds alletra, powerflex and pure, 6.x powerstore.
 * Incus has lvmcluster, linstor and truenas instead of the vendor drivers.
 */
export const PRESEED_STORAGE_DRIVERS: Readonly<Record<BackendName, readonly string[]>> = {
  lxd: ['dir', 'btrfs', 'lvm', 'zfs', 'ceph', 'cephfs', 'cephobject', 'alletra', 'powerflex', 'pure', 'powerstore'],
  incus: ['dir', 'btrfs', 'lvm', 'zfs', 'ceph', 'cephfs', 'cephobject', 'lvmcluster', 'linstor', 'truenas'],
};

/** A problem in a preseed document; `property` is relative to the document (`storagePools.data.driver`). */
export interface PreseedProblem {
  readonly property: string;
  readonly value: unknown;
  readonly reason: string;
  readonly fix: string;
}

/** Checks a preseed's storage pool drivers and every config key (`config`, and each object's `config`). */
export function checkPreseed(doc: PreseedDocument, backend: BackendName = 'lxd'): PreseedProblem[] {
  const problems: PreseedProblem[] = [];
  const drivers = PRESEED_STORAGE_DRIVERS[backend];
  for (const p of doc.storagePools ?? []) {
    if (!drivers.includes(p.driver)) {
      problems.push({
        property: `storagePools.${p.name}.driver`, value: p.driver,
        reason: `not a storage driver ${backend === 'incus' ? 'Incus' : 'LXD'} knows`, fix: `use one of ${drivers.join(', ')}`,
      });
    }
  }
  const keysOf = (property: string, config: Readonly<Record<string, unknown>> | undefined) => {
    for (const key of Object.keys(config ?? {})) {
      const verdict = checkConfigKey(key);
      if (verdict) problems.push({ property: `${property}.${key}`, value: key, ...verdict });
    }
  };
  keysOf('config', doc.config);
  for (const n of doc.networks ?? []) keysOf(`networks.${n.name}.config`, n.config);
  for (const p of doc.storagePools ?? []) keysOf(`storagePools.${p.name}.config`, p.config);
  for (const v of doc.storageVolumes ?? []) keysOf(`storageVolumes.${v.name}.config`, v.config);
  for (const p of doc.profiles ?? []) keysOf(`profiles.${p.name}.config`, p.config);
  for (const p of doc.projects ?? []) keysOf(`projects.${p.name}.config`, p.config);
  return problems;
}
