/**
 * What the library needs to know of the LXD version a host runs: LXD 6.1 removed the trust password
 * (`core.trust_password`, `lxd init --trust-password`, the cluster join password, a remote's
 * password). A host may declare the oldest LXD it runs (`minLxdVersion`): synth then refuses what that
 * version no longer has. Without it, the scripts that would use a password read the daemon's version
 * at deploy time and stop with a clear error on LXD 6.1 and later.
 */
import { shq } from '../shell/quote';
import { Verdict } from '../validation/errors';
import { Rule } from '../validation/rule';
import { PreseedDocument } from './preseed';

/** An LXD version as `MAJOR.MINOR`, compared numerically. */
interface Version {
  readonly major: number;
  readonly minor: number;
}

/** The first LXD release without trust passwords. */
export const NO_TRUST_PASSWORD_FROM = '6.1';

function parse(v: string): Version | undefined {
  const m = /^(\d+)\.(\d+)(\.\d+)?$/.exec(v);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** Rule: a declared LXD version is `MAJOR.MINOR` or `MAJOR.MINOR.PATCH` (what `lxd --version` prints). */
export function checkLxdVersion(value: unknown): Verdict | undefined {
  return typeof value === 'string' && parse(value) && Number(value.split('.')[0]) >= 3
    ? undefined
    : {
        reason: 'not an LXD version',
        fix: "use MAJOR.MINOR as `lxd --version` prints it, e.g. '5.0', '5.21' or '6.1'",
      };
}

/** True when LXD `version` (a valid one) is `than` or later. */
export function lxdAtLeast(version: string, than: string): boolean {
  const a = parse(version);
  const b = parse(than);
  if (!a || !b) return false;
  return a.major > b.major || (a.major === b.major && a.minor >= b.minor);
}

/** True when a host that runs at least LXD `minVersion` refuses trust passwords. */
export function refusesTrustPassword(minVersion: string | undefined): boolean {
  return minVersion !== undefined && lxdAtLeast(minVersion, NO_TRUST_PASSWORD_FROM);
}

/** The verdict on a trust password (`what`) for a host that runs at least LXD `minVersion`, if refused. */
export function checkTrustPassword(minVersion: string | undefined, what: string): Verdict | undefined {
  if (!refusesTrustPassword(minVersion)) return undefined;
  return {
    reason: `the host runs LXD ${minVersion} or later, and LXD ${NO_TRUST_PASSWORD_FROM} removed trust passwords (${what})`,
    fix:
      'trust clients with a token instead (lxc config trust add NAME prints one; a remote takes it as trustToken), ' +
      'and join clusters with a token (LxdCluster asks for one itself)',
  };
}

/** Rule: a trust password (`what`) is allowed on a host that runs at least LXD `minVersion` (whatever its value). */
export function trustPasswordAllowed(minVersion: string | undefined, what: string): Rule<unknown> {
  return () => checkTrustPassword(minVersion, what);
}

/** Where a preseed asks for a password: `config.core.trust_password` and `cluster.clusterPassword`. */
export function preseedPasswords(doc: PreseedDocument | string): string[] {
  if (typeof doc === 'string') {
    // YAML text: a key at the start of a line (block style, as `lxd init --dump` writes it).
    return [
      ['config.core.trust_password', /^\s*core\.trust_password\s*:/m],
      ['cluster.cluster_password', /^\s*cluster_password\s*:\s*\S/m],
    ]
      .filter(([, re]) => (re as RegExp).test(doc))
      .map(([k]) => k as string);
  }
  return [
    ...(doc.config?.['core.trust_password'] !== undefined ? ['config.core.trust_password'] : []),
    ...(doc.cluster?.clusterPassword !== undefined ? ['cluster.clusterPassword'] : []),
  ];
}

/**
 * Shell lines that set `$lxd_version` (e.g. `5.0.2`; empty when unreadable), `$lxd_major` and
 * `$lxd_minor` from the daemon answering `query`, a command printing `GET /1.0` (e.g. `lxc query
 * /1.0`, whose JSON is indented with tabs).
 */
export function serverVersionLines(query: string): string[] {
  return [
    `lxd_version=$(${query} 2>/dev/null | sed -n ${shq(String.raw`s/^[[:space:]]*"server_version":[[:space:]]*"\([0-9][0-9.]*\)".*/\1/p`)} | head -n 1) || lxd_version=`,
    'lxd_major=${lxd_version%%.*}; lxd_minor=${lxd_version#*.}; lxd_minor=${lxd_minor%%.*}',
  ];
}

/**
 * Shell lines that stop with a clear error when the daemon answering `query` (see
 * {@link serverVersionLines}) runs LXD 6.1 or later, which has no trust password: `what` says what
 * needed one. An unreadable version lets the script go on (the daemon reports its own error).
 */
export function refuseTrustPasswordLines(query: string, what: string): string[] {
  const before = `cdktf-lxd-matchbox: ${what} uses a trust password, but this host runs LXD `;
  const after =
    ` and LXD ${NO_TRUST_PASSWORD_FROM} removed trust passwords. Fix: trust clients with a token (lxc config trust add NAME;` +
    " a remote takes it as trustToken), join clusters with a token, and declare the host's minLxdVersion so that synth says so.";
  return [
    ...serverVersionLines(query),
    'if [ -n "$lxd_version" ] && { [ "$lxd_major" -gt 6 ] || { [ "$lxd_major" -eq 6 ] && [ "$lxd_minor" -ge 1 ]; }; }; then',
    `  echo ${shq(before)}"$lxd_version"${shq(after)} >&2`,
    '  exit 1',
    'fi',
  ];
}
