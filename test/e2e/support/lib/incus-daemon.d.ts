import type { ResetWhat } from './daemon';

export type { ResetWhat } from './daemon';
/** Where a private Incus daemon lives; serialisable (also stored as <incusDir>.json). */
export interface IncusDaemonRecord {
  id: string;
  kind: 'incus';
  netns: string;
  incusDir: string;
  confDir: string;
  logFile: string;
  recordFile: string;
  pid: number;
  ownerPid: number | null;
  /** Milliseconds from `ip netns add` to `incus admin waitready` answering. */
  startMs?: number;
  [extra: string]: unknown;
}
export const ROOT: string;
export const INCUSD: string;
export function makeId(kind: string, name: string): string;
export function describeDaemon(id: string, extra?: Partial<IncusDaemonRecord>): IncusDaemonRecord;
export function daemonEnv(d: IncusDaemonRecord, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function startDaemonSync(d: IncusDaemonRecord, opts?: { timeoutSec?: number }): IncusDaemonRecord;
export function stopDaemonSync(d: IncusDaemonRecord, opts?: { reset?: ResetWhat; keepData?: boolean }): string[];
export function resetDaemonSync(d: IncusDaemonRecord, what?: ResetWhat): string[];
export function query(d: IncusDaemonRecord, urlPath: string, timeoutMs?: number): unknown;
export function netnsExists(name: string): boolean;
export function sweepStale(): string[];
export function importBusyboxSync(env: NodeJS.ProcessEnv, alias?: string): void;
