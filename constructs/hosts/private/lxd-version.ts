import { LxdRemote } from '../../../src/hosts/lxd-remote';
import { BackendName } from '../../../src/lxd/backend';
import { checkLxdVersion, trustPasswordAllowed } from '../../../src/lxd/version';
import { check, Check, shown } from '../../../src/validation/props';
import { ensure } from '../../../src/validation/rule';

/**
 * The checks of a host's declared `minLxdVersion`: its format, an LXD host (Incus has versions of its
 * own and never had trust passwords), and what that version refuses among the host's own props (a
 * remote's trust password).
 */
export function minLxdVersionChecks(
  minLxdVersion: string | undefined,
  backend: BackendName,
  lxdRemote?: LxdRemote,
): Check[] {
  return [
    check(
      'minLxdVersion',
      minLxdVersion,
      checkLxdVersion,
      ensure(
        backend !== 'incus',
        'the host runs Incus: minLxdVersion describes an LXD daemon (Incus never had trust passwords)',
        'drop minLxdVersion',
      ),
    ),
    shown(
      check('lxdRemote.password', lxdRemote?.password, trustPasswordAllowed(minLxdVersion, "a remote's password")),
      '(secret)',
    ),
  ];
}
