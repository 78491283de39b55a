/**
 * Jest fixture: a private Incus daemon (`incusd`) in its own network namespace with its own INCUS_DIR:
 * the Incus binding of the fixture in ./lxd-daemon.ts (the flavor is described in ./lib/daemon.js).
 */
import { INCUS } from './lib/daemon';
import { cleanupDaemons, startDaemon, type FlavoredDaemon } from './lxd-daemon';

export type { RunResult } from './lib/sh';
export type { ResetWhat } from './lib/daemon';
export type { RunAsyncOptions } from './lxd-daemon';

/** A running private Incus daemon: `incusDir`, `incus`, `incusOk`, `incusJson` besides DaemonFixture. */
export type IncusDaemon = FlavoredDaemon<'incus', 'incusDir'>;

/**
 * Start a private Incus daemon named after `name` (see startDaemon in ./lxd-daemon.ts). Resolves when
 * `incus admin waitready` answers; a watchdog removes the daemon if this process exits without
 * stop()/cleanupAllIncus().
 */
export function startIncus(opts: { name: string; timeoutSec?: number }): Promise<IncusDaemon> {
  return startDaemon(INCUS, opts);
}

/** Stop every Incus daemon this process started and has not stopped yet (use in afterAll). */
export function cleanupAllIncus(): Promise<string[]> {
  return cleanupDaemons(INCUS);
}
