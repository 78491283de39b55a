import { LxdRemote } from '../../src/hosts/lxd-remote';
import { BackendName } from '../../src/lxd/backend';
import { checkLxdVersion, checkTrustPassword } from '../../src/lxd/version';
import { assertValid } from '../../src/validation/errors';

/**
 * A host's declared `minLxdVersion`, checked: its format, an LXD host (Incus has versions of its own
 * and never had trust passwords), and what that version refuses among the host's own props (a
 * remote's trust password). Returns it.
 */
export function hostMinLxdVersion(path: string, minLxdVersion: string | undefined, backend: BackendName, lxdRemote?: LxdRemote): string | undefined {
  if (minLxdVersion !== undefined) {
    assertValid(path, 'minLxdVersion', minLxdVersion, checkLxdVersion(minLxdVersion));
    assertValid(path, 'minLxdVersion', minLxdVersion, backend === 'incus'
      ? { reason: 'the host runs Incus: minLxdVersion describes an LXD daemon (Incus never had trust passwords)', fix: 'drop minLxdVersion' } : undefined);
  }
  if (lxdRemote?.password !== undefined) {
    assertValid(path, 'lxdRemote.password', '(secret)', checkTrustPassword(minLxdVersion, 'a remote\'s password'));
  }
  return minLxdVersion;
}
