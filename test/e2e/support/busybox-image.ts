/** The offline busybox LXD image used by the e2e tests (built by ./lib/image.js). */
import * as image from './lib/image';
import type { LxdDaemon } from './lxd-daemon';

/** Path of the cached busybox image tarball (built on first use, ~1 MB). */
export function busyboxImagePath(): string {
  return image.buildBusyboxImageSync();
}

/** Import the busybox image into `daemon` under `alias` (default 'busybox'); idempotent. */
export async function importBusybox(daemon: Pick<LxdDaemon, 'env'>, alias = 'busybox'): Promise<void> {
  image.importBusyboxSync(daemon.env, alias);
}
