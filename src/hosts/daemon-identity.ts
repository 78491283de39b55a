import { HostRunner } from './runner';

/**
 * Which machine a runner reaches, and which account's files it sees there. Pure: the app-wide
 * answer (clusters, host constructs) is constructs/core/daemons.ts, built on these.
 */

/** A machine, or a daemon on it: a stable `id` and a `label` for people. */
export interface Identity {
  /** e.g. `ssh:10.0.0.5:22`, `local`, `multipass:lab-vm`. */
  readonly id: string;
  /** e.g. `ssh 10.0.0.5:22`, `local`, `multipass lab-vm`. */
  readonly label: string;
}

/**
 * The machine behind a runner. An ssh host is its address and port (and the jump host that
 * reaches it), whatever the user; the deploying machine is `local`; a multipass VM is its name;
 * an instance used as a host is that instance on its parent (whose identity `parent` gives, so
 * that a cluster member's instances belong to the cluster).
 */
export function machineOf(r: HostRunner, parent: (runner: HostRunner) => Identity = machineOf): Identity {
  switch (r.kind) {
    case 'local':
      return { id: 'local', label: 'local' };
    case 'multipass':
      return { id: `multipass:${r.name}`, label: `multipass ${r.name}` };
    case 'ssh': {
      const address = r.address.toLowerCase();
      const via = r.proxyJump ? ` via ${r.proxyJump}` : '';
      return { id: `ssh:${address}:${r.port}${via ? `~${r.proxyJump}` : ''}`, label: `ssh ${address}:${r.port}${via}` };
    }
    case 'lxd-exec': {
      const p = parent(r.parent);
      return { id: `${p.id}/instance:${r.instance}`, label: `instance ${r.instance} on ${p.label}` };
    }
  }
}

/** The daemon `backend` on a machine: `ssh:10.0.0.5:22/lxd`, labelled `ssh 10.0.0.5:22` (`… (incus)` for Incus). */
export function daemonOn(machine: Identity, backend: string): Identity {
  return { id: `${machine.id}/${backend}`, label: backend === 'lxd' ? machine.label : `${machine.label} (${backend})` };
}

/**
 * Where record files written through a runner live: its machine and the account the scripts run
 * as (records sit under that account's home). `sudo` and a `root` login are the same account.
 */
export function recordStoreOf(r: HostRunner, machine: Identity): Identity {
  const account = accountOf(r);
  return { id: `${machine.id}#${account}`, label: account === '' ? machine.label : `${machine.label} as ${account}` };
}

function accountOf(r: HostRunner): string {
  switch (r.kind) {
    case 'lxd-exec':
      return 'root';
    case 'ssh':
      return r.sudo || r.user === 'root' ? 'root' : (r.user ?? '');
    case 'local':
    case 'multipass':
      return r.sudo ? 'root' : '';
  }
}
