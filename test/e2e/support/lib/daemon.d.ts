/**
 * What differs between an LXD and an Incus daemon. `C` is the client command (`lxc`, `incus`),
 * `D` the record (and fixture) field holding the data dir (`lxdDir`, `incusDir`).
 */
export interface Flavor<C extends string = string, D extends string = string> {
  readonly kind: 'lxd' | 'incus';
  /** Product name, as in LXD's "Default LXD profile". */
  readonly label: string;
  /** Where the daemons' dirs and records live. */
  readonly root: string;
  readonly netnsPrefix: string;
  /** Prefix of the ids the jest fixture makes. */
  readonly idPrefix: string;
  /** The daemon binary (a command on PATH or an absolute path). */
  readonly daemon: string;
  readonly client: C;
  readonly dirKey: D;
  /** Env vars naming the data dir and the client's config dir. */
  readonly dirVar: string;
  readonly confVar: string;
  /** Commands (before `--timeout=N`) that wait for the daemon, and shut it down. */
  readonly waitready: readonly string[];
  readonly shutdown: readonly string[];
  /** The client's `query` prints nothing (not `[]`) for an empty list. */
  readonly silentEmptyList: boolean;
}
export const LXD: Flavor<'lxc', 'lxdDir'>;
export const INCUS: Flavor<'incus', 'incusDir'>;
/** The Incus daemon binary found (Debian ships it outside PATH). */
export const INCUSD: string;
/** LXD's root (kept for existing users; see Flavor.root). */
export const ROOT: string;

/** Where a private daemon lives, whatever its flavor; serialisable (also stored as <dir>.json). */
export interface DaemonRecordBase {
  id: string;
  /** The flavor (absent in records written before flavors existed: LXD). */
  kind?: 'lxd' | 'incus';
  netns: string;
  confDir: string;
  logFile: string;
  recordFile: string;
  pid: number;
  ownerPid: number | null;
  /** Milliseconds from creating the netns (or, on a restart, spawning the daemon) to the daemon answering `waitready`. */
  startMs?: number;
  /** When the last start began (ms since the epoch). */
  launchedAt?: number;
  /** Set for multipass stand-in VMs: the daemon is stale once this file is gone. */
  vmFile?: string;
  [extra: string]: unknown;
}
/** A daemon record with its data dir under the flavor's key (`lxdDir` by default). */
export type DaemonRecord<D extends string = 'lxdDir'> = DaemonRecordBase & { [K in D]: string };
/** What resetDaemonSync / stopDaemonSync({reset}) removes. */
export interface ResetWhat {
  instances?: boolean;
  profiles?: boolean;
  images?: boolean;
  networks?: boolean;
  pools?: boolean;
}
export function flavorOf(d: DaemonRecordBase): Flavor;
export function makeId(kind: string, name: string): string;
export function describeDaemon(id: string, extra?: Partial<DaemonRecord>): DaemonRecord;
export function describeDaemon<D extends string>(id: string, extra: Partial<DaemonRecordBase>, flavor: Flavor<string, D>): DaemonRecord<D>;
export function daemonEnv(d: DaemonRecordBase, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
/** `restart`: start the daemon again in its existing netns and data dir (after haltDaemonSync). */
export function startDaemonSync<R extends DaemonRecordBase>(d: R, opts?: { timeoutSec?: number; restart?: boolean }): R;
/** startDaemonSync for several daemons, launched together and then awaited. */
export function startDaemonsSync<R extends DaemonRecordBase>(ds: R[], opts?: { timeoutSec?: number; restart?: boolean }): R[];
/** Stop only the daemon process (SIGTERM, then SIGKILL): netns, data and instances stay. Returns problems. */
export function haltDaemonSync(d: DaemonRecordBase, opts?: { timeoutSec?: number }): string[];
/** `kill`: no graceful shutdown, SIGKILL everything in the netns. */
export function stopDaemonSync(d: DaemonRecordBase, opts?: { reset?: ResetWhat; keepData?: boolean; kill?: boolean }): string[];
/** SIGKILL everything in `netns` (and `alsoPids`) with descendants, then delete the netns. Returns problems. */
export function killNetnsSync(netns: string, alsoPids?: number[]): string[];
export function resetDaemonSync(d: DaemonRecordBase, what?: ResetWhat): string[];
export function parseQuery(flavor: Flavor, stdout: string): any;
export function query(d: DaemonRecordBase, urlPath: string, timeoutMs?: number): unknown;
export function netnsExists(name: string): boolean;
export function sweepStale(flavor?: Flavor): string[];
