import type { DaemonRecordBase, Flavor } from './daemon';

/** One machine of a lab as asked for. */
export interface LabMachineSpec {
  readonly name: string;
  readonly flavor: Flavor;
}
/** A lab machine's record: its daemon (by id), netns, address and sshd files. */
export interface LabMachineRecord {
  name: string;
  kind: 'lxd' | 'incus';
  /** SUBNET.N, N = position + 1. */
  address: string;
  daemonId: string;
  netns: string;
  /** This machine's XDG_STATE_HOME (set for every ssh session by its sshd). */
  stateHome: string;
  sshd: { config: string; hostKey: string; pidFile: string; log: string; pid: number };
}
/** A lab, serialisable (also stored as <dir>.json). */
export interface LabRecord {
  id: string;
  name: string;
  subnet: string;
  ownerPid: number | null;
  dir: string;
  recordFile: string;
  hubNetns: string;
  workstation: { netns: string; address: string };
  identityFile: string;
  knownHostsFile: string;
  controlDir: string;
  authorizedKeysDir: string;
  /** Users whose login the lab key opens: root, alice, bob. */
  users: string[];
  machines: LabMachineRecord[];
  /** The detached watchdog tearing the lab down if its owner dies. */
  watchdogPid?: number;
  /** Milliseconds startLabSync took. */
  startMs?: number;
}
export const ROOT: string;
export const USERS: readonly string[];
export const SUDOERS: string;
export const LEG: string;
export function describeLab(opts: { name: string; subnet: string; machines: readonly LabMachineSpec[]; ownerPid?: number | null }): LabRecord;
export function flavorOfMachine(m: LabMachineRecord): Flavor;
export function machineDaemon(m: LabMachineRecord): DaemonRecordBase;
export function ensureUsersSync(): void;
export function startLabSync(rec: LabRecord, opts?: { timeoutSec?: number }): LabRecord;
export function haltMachineSync(m: LabMachineRecord): string[];
export function resumeMachineSync(m: LabMachineRecord, opts?: { timeoutSec?: number }): void;
export function stopRecordSync(rec: LabRecord): string[];
export function sweepStaleLabs(): string[];
