/** Where a private daemon lives; serialisable (also stored as <lxdDir>.json). */
export interface DaemonRecord {
  id: string;
  netns: string;
  lxdDir: string;
  confDir: string;
  logFile: string;
  recordFile: string;
  pid: number;
  ownerPid: number | null;
  /** Set for multipass stand-in VMs: the daemon is stale once this file is gone. */
  vmFile?: string;
  [extra: string]: unknown;
}
/** What resetDaemonSync / stopDaemonSync({reset}) removes. */
export interface ResetWhat {
  instances?: boolean;
  profiles?: boolean;
  images?: boolean;
  networks?: boolean;
  pools?: boolean;
}
export const ROOT: string;
export function makeId(kind: string, name: string): string;
export function describeDaemon(id: string, extra?: Partial<DaemonRecord>): DaemonRecord;
export function daemonEnv(d: DaemonRecord, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function startDaemonSync(d: DaemonRecord, opts?: { timeoutSec?: number }): DaemonRecord;
export function stopDaemonSync(d: DaemonRecord, opts?: { reset?: ResetWhat; keepData?: boolean }): string[];
export function resetDaemonSync(d: DaemonRecord, what?: ResetWhat): string[];
export function query(d: DaemonRecord, urlPath: string, timeoutMs?: number): unknown;
export function netnsExists(name: string): boolean;
export function sweepStale(): string[];
