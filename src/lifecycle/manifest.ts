import { createHash } from 'crypto';
import { LifecycleKind, OwnershipKeys } from './prune-plan';

/**
 * The lab manifest: what one synthesized stack declares on each daemon (and in each record
 * store), written at synth next to cdk.tf.json. The prune and destroy steps of `terraform apply`,
 * and the `drift`, `repair` and `graph` commands, read it; none parses cdk.tf.json.
 */

/** The manifest's file name, in the stack's working directory (`cdktf.out/stacks/<stack>/`). */
export const MANIFEST_FILE = 'cdktf-lxd-matchbox.json';

/** Names by kind (records by `recordKind:name`). */
export type NamesByKind = Readonly<Partial<Record<LifecycleKind, readonly string[]>>>;

/** One declared object. */
export interface DeclaredObject {
  readonly kind: LifecycleKind;
  /** Its name on the daemon (a record: `recordKind:name`). */
  readonly name: string;
  /** The construct that declares it, e.g. `lab/web`: the key the destroy step looks it up by. */
  readonly path: string;
  /** Address of its converge resource (re-run to repair it). */
  readonly converge: string;
  /**
   * What replaces it when it changes: the daemon (or record store) it lives in, and a hash of the
   * rest (kind, name, image...: {@link identityHash}; the identity itself may hold secrets).
   */
  readonly identity: { readonly daemon: string; readonly hash: string };
  /** Its declared settings. @default - none: drift checks only that it exists */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly protect: boolean;
  /** Taken from another daemon when it is missing here (`migrateFrom`): that daemon's id and the name there. */
  readonly source?: { readonly daemon: string; readonly name: string };
}

/** What one stack declares on one daemon or record store, and how to read it. */
export interface UnitManifest {
  /** The daemon's id (`ssh:10.0.0.5:22/lxd`), or a record store's (`local#`). */
  readonly key: string;
  /** For people: `ssh 10.0.0.5:22`, `cluster m1+m2 via ssh 10.0.0.11:22`, `local`. */
  readonly label: string;
  /** The local command line that runs a script (stdin) there. */
  readonly runner: string;
  /** The daemon read there. @default - none: only record files are read */
  readonly daemon?: {
    /** `lxc` or `incus`. */
    readonly client: string;
    /** The app declares daemon objects there: a daemon that does not answer is an error. */
    readonly required: boolean;
  };
  /** The member names, when the daemon is a cluster. @default - not a cluster */
  readonly members?: readonly string[];
  /** The owner's record folder there, as a double-quoted shell word. @default - no records are read */
  readonly recordsDir?: string;
  /** Names this stack declares there. */
  readonly declared: NamesByKind;
  /** Names other stacks of the app declare there (and migration sources they take from there): never pruned. */
  readonly elsewhere: NamesByKind;
  /** Addresses of the two prune resources. */
  readonly prune: { readonly before: string; readonly after: string };
  readonly objects: readonly DeclaredObject[];
  /** Hash of what the prune resources hold: a prune run against another synth of the app fails. */
  readonly hash: string;
}

/** One stack's manifest. */
export interface LabManifest {
  readonly version: 1;
  readonly stack: string;
  /** The owner id written on the stack's objects. */
  readonly owner: string;
  /** Owner ids of every stack of the app: an object one of them owns may move to another. */
  readonly appOwners: readonly string[];
  readonly keys: OwnershipKeys;
  readonly units: readonly UnitManifest[];
  /** What only the `graph` command reads (drawn, never compared). @default - none (a manifest of an older release) */
  readonly facts?: LabFacts;
}

/**
 * Facts about the stack's hosts, bridges and Matchbox servers that the declared objects do not
 * carry. Written by constructs/core/lab-facts.ts; read by src/graph.
 */
export interface LabFacts {
  /** Every host construct of the stack (references too). */
  readonly hosts: readonly HostFact[];
  /** Every bridge the stack declares or references (`Bridge.fromBridgeAttributes`, `fromHostBridge`). */
  readonly bridges: readonly BridgeFact[];
  /** Every Matchbox server the stack declares or references. */
  readonly matchbox: readonly MatchboxFact[];
}

/** A host construct: the daemon it reaches, and where it runs. */
export interface HostFact {
  /** Its construct path (a multipass VM's record has the same path). */
  readonly path: string;
  /** The key of the daemon it reaches (a unit's `key`). */
  readonly daemon: string;
  /** The machine, for people: `multipass lab-vm`, `ssh 10.0.0.5:22`. */
  readonly machine: string;
  /** An instance used as a host: the daemon and the instance it runs in. @default - a machine of its own */
  readonly within?: { readonly daemon: string; readonly instance: string };
}

/** A bridge, as the synth-time address checks know it. */
export interface BridgeFact {
  readonly path: string;
  /** The key of its host's daemon. */
  readonly daemon: string;
  /** Its network name there. */
  readonly name: string;
  /** False for a host bridge LXD does not manage. */
  readonly managed: boolean;
  /** Its gateway address with prefix, when known. @default - unknown */
  readonly ipv4Cidr?: string;
}

/** A Matchbox server: where it is reached, and where its records live. */
export interface MatchboxFact {
  readonly path: string;
  /** e.g. `http://192.168.0.1:8080`. */
  readonly httpEndpoint: string;
  /** Its data directory (records are named `matchbox-<kind>:<dataDir>[/<id>]`). */
  readonly dataDir: string;
  /** The record store its records are written to (their `identity.daemon`). */
  readonly store: string;
}

/** JSON with object keys sorted at every level (Terraform's `jsonencode` order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The hash of a unit's declarations, as its prune resources carry it. */
export function declarationsHash(d: {
  readonly owner: string;
  readonly key: string;
  readonly declared: NamesByKind;
  readonly elsewhere: NamesByKind;
}): string {
  return createHash('sha256')
    .update(canonicalJson([d.owner, d.key, d.declared, d.elsewhere]))
    .digest('hex')
    .slice(0, 16);
}

/** The hash of an identity, its daemon aside (as the destroy step compares the state's one). */
export function identityHash(identity: Readonly<Record<string, unknown>>): string {
  return createHash('sha256')
    .update(canonicalJson({ ...identity, daemon: undefined }))
    .digest('hex')
    .slice(0, 32);
}
