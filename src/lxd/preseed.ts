import { stringify } from 'yaml';
import { BackendName } from './backend';
import { ConfigMap, DeviceMap } from './model';
import { checkConfigKey } from './names';
import { compact, sortedMap } from '../util/objects';
import { stringTokens } from '../util/tokens';

/** A network in a preseed (`networks[]`). */
export interface PreseedNetwork {
  /** Network name, e.g. `lxdbr0`. */
  readonly name: string;
  /** Network type. @default 'bridge' */
  readonly type?: string;
  /** Network config keys, e.g. `ipv4.address`. @default - no config keys */
  readonly config?: ConfigMap;
  /** Free-form description. @default - no description */
  readonly description?: string;
  /** Project the network belongs to. @default - the default project */
  readonly project?: string;
}

/** A storage pool in a preseed (`storage_pools[]`). */
export interface PreseedStoragePool {
  /** Pool name, e.g. `default`. */
  readonly name: string;
  /** Storage driver, e.g. `dir` or `zfs` (see `PRESEED_STORAGE_DRIVERS`). */
  readonly driver: string;
  /** Pool config keys, e.g. `source` or `size`. @default - no config keys */
  readonly config?: ConfigMap;
  /** Free-form description. @default - no description */
  readonly description?: string;
}

/** A storage volume (`storage_volumes[]`, LXD 5.21 and later only). */
export interface PreseedStorageVolume {
  /** Volume name. */
  readonly name: string;
  /** Storage pool that holds the volume. */
  readonly pool: string;
  /** Volume type. @default 'custom' */
  readonly type?: string;
  /** Content type of the volume. @default - left to LXD (`filesystem`) */
  readonly contentType?: 'filesystem' | 'block';
  /** Volume config keys, e.g. `size`. @default - no config keys */
  readonly config?: ConfigMap;
  /** Free-form description. @default - no description */
  readonly description?: string;
  /** Project the volume belongs to. @default - the default project */
  readonly project?: string;
}

/** A profile in a preseed (`profiles[]`). */
export interface PreseedProfile {
  /** Profile name, e.g. `default`. */
  readonly name: string;
  /** Profile config keys, e.g. `limits.cpu`. @default - no config keys */
  readonly config?: ConfigMap;
  /** Devices by name, e.g. `root` and `eth0`. @default - no devices */
  readonly devices?: DeviceMap;
  /** Free-form description. @default - no description */
  readonly description?: string;
}

/** A project in a preseed (`projects[]`). */
export interface PreseedProject {
  /** Project name. */
  readonly name: string;
  /** Project config keys, e.g. `features.images`. @default - no config keys */
  readonly config?: ConfigMap;
  /** Free-form description. @default - no description */
  readonly description?: string;
  /** Default storage pool (LXD 5.21+). @default - none set */
  readonly storage?: string;
  /** Default network (LXD 5.21+). @default - none set */
  readonly network?: string;
}

/** One `cluster.member_config[]` entry, answered when joining a cluster. */
export interface PreseedMemberConfig {
  /** Entity kind the key applies to, e.g. `storage-pool`. */
  readonly entity: string;
  /** Name of the entity, e.g. the pool name. */
  readonly name: string;
  /** Config key to answer, e.g. `source`. */
  readonly key: string;
  /** Value for this member. */
  readonly value: string;
  /** Description LXD gave for the key. @default - no description */
  readonly description?: string;
}

/** The `cluster:` section: bootstrap (`enabled` only) or join (address, certificate, token or password). */
export interface PreseedCluster {
  /** This member's name in the cluster. @default - omitted (LXD uses the hostname) */
  readonly serverName?: string;
  /** Whether clustering is enabled on this member. @default - omitted */
  readonly enabled?: boolean;
  /** This member's address, `host:port`. @default - omitted */
  readonly serverAddress?: string;
  /** Address of an existing member to join. @default - omitted (bootstrap) */
  readonly clusterAddress?: string;
  /** PEM certificate of the cluster to join. @default - omitted */
  readonly clusterCertificate?: string;
  /** Path to the cluster's certificate file. @default - omitted */
  readonly clusterCertificatePath?: string;
  /** Join token (secret). @default - omitted */
  readonly clusterToken?: string;
  /** Join password (secret; LXD 5.0/5.21 only, removed in 6.x). @default - omitted */
  readonly clusterPassword?: string;
  /** Per-member config answers when joining. @default - none */
  readonly memberConfig?: PreseedMemberConfig[];
}

/** The whole `lxd init --preseed` document. */
export interface PreseedDocument {
  /** Server config such as `core.https_address`, `images.auto_update_interval`. @default - no server config */
  readonly config?: Record<string, string | number | boolean>;
  /** Networks to create. @default - none */
  readonly networks?: PreseedNetwork[];
  /** Storage pools to create. @default - none */
  readonly storagePools?: PreseedStoragePool[];
  /** Storage volumes to create (LXD 5.21+). @default - none */
  readonly storageVolumes?: PreseedStorageVolume[];
  /** Profiles to create or update. @default - none */
  readonly profiles?: PreseedProfile[];
  /** Projects to create. @default - none */
  readonly projects?: PreseedProject[];
  /** Cluster bootstrap or join settings. @default - no `cluster:` section */
  readonly cluster?: PreseedCluster;
}

/** Server config keys and cluster fields that carry secrets. */
export const PRESEED_SECRET_KEYS = ['core.trust_password', 'cluster_token', 'cluster_password'];

type Plain = Record<string, unknown>;

const maybeMap = (m: ConfigMap | undefined) => (m ? sortedMap(m) : undefined);
const devicesOf = (d: DeviceMap | undefined) =>
  d
    ? Object.fromEntries(
        Object.keys(d)
          .sort()
          .map((k) => [k, sortedMap(d[k])]),
      )
    : undefined;

/** Converts the typed document to LXD's key tree (snake_case keys, as `lxd init --dump` prints). */
export function preseedTree(doc: PreseedDocument): Plain {
  doc = stringTokens(doc);
  const c = doc.cluster;
  return compact({
    config: doc.config ? sortedMap(doc.config) : undefined,
    networks: doc.networks?.map((n) =>
      compact({
        name: n.name,
        type: n.type ?? 'bridge',
        config: maybeMap(n.config),
        description: n.description,
        project: n.project,
      }),
    ),
    storage_pools: doc.storagePools?.map((p) =>
      compact({ name: p.name, driver: p.driver, config: maybeMap(p.config), description: p.description }),
    ),
    storage_volumes: doc.storageVolumes?.map((v) =>
      compact({
        name: v.name,
        pool: v.pool,
        type: v.type ?? 'custom',
        content_type: v.contentType,
        config: maybeMap(v.config),
        description: v.description,
        project: v.project,
      }),
    ),
    profiles: doc.profiles?.map((p) =>
      compact({ name: p.name, description: p.description, config: maybeMap(p.config), devices: devicesOf(p.devices) }),
    ),
    projects: doc.projects?.map((p) =>
      compact({
        name: p.name,
        description: p.description,
        config: maybeMap(p.config),
        storage: p.storage,
        network: p.network,
      }),
    ),
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
  return (
    doc.config?.['core.trust_password'] !== undefined ||
    doc.cluster?.clusterToken !== undefined ||
    doc.cluster?.clusterPassword !== undefined
  );
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
        property: `storagePools.${p.name}.driver`,
        value: p.driver,
        reason: `not a storage driver ${backend === 'incus' ? 'Incus' : 'LXD'} knows`,
        fix: `use one of ${drivers.join(', ')}`,
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
