import * as os from 'os';
import * as path from 'path';
import { UnitManifest } from './manifest';

/**
 * Host records: on the deploying machine, each stack notes every daemon (or record store) its
 * prunes have read. Terraform forgets a host removed from the app with its prune resources, and
 * the objects the stack owned there stay; `drift --removed-hosts` reads these notes to find them.
 */

/** What is remembered of a unit: how to read it again. */
export type HostRecord = Pick<UnitManifest, 'key' | 'label' | 'runner' | 'daemon' | 'recordsDir'>;

/** The folder of `owner`'s host records (`$XDG_STATE_HOME/cdktf-lxd-matchbox/hosts/OWNER`). */
export function hostsDir(owner: string, env: NodeJS.ProcessEnv): string {
  const state = env.XDG_STATE_HOME || path.join(env.HOME || os.homedir(), '.local', 'state');
  return path.join(state, 'cdktf-lxd-matchbox', 'hosts', owner);
}

/** A host record's file name (hex, so any key is a safe file name). */
export function hostRecordName(key: string): string {
  return `${Buffer.from(key, 'utf8').toString('hex')}.json`;
}

export function hostRecord(u: UnitManifest): HostRecord {
  return { key: u.key, label: u.label, runner: u.runner, daemon: u.daemon, recordsDir: u.recordsDir };
}
