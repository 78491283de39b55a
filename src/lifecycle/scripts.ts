import { heredoc, shq } from '../shell/quote';
import { OwnershipKeys } from './prune-plan';

/**
 * The shell side of the lifecycle: the read-only inventory script (one call per host, shared
 * by prune and drift), and record files for objects LXD cannot label.
 */

/** Config keys (LXD `user.*`) that name the owner of an object. */
export const OWNERSHIP_KEYS: OwnershipKeys = {
  owner: 'user.cdktf.owner',
  path: 'user.cdktf.path',
  protect: 'user.cdktf.protect',
  managedKeys: 'user.cdktf.managed-keys',
  managedDevices: 'user.cdktf.managed-devices',
};

/** An owner id: it becomes a folder name and a config value. */
export function checkOwnerId(id: string): { reason: string; fix: string } | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(id)
    ? undefined
    : { reason: 'an owner id must be 1-63 letters, digits, ".", "_" or "-"', fix: 'use e.g. the stack id lab' };
}

/** The folder of `owner`'s record files on a host, as a double-quoted shell word. */
export function recordsDir(owner: string): string {
  // Without XDG_STATE_HOME and HOME (a bare environment), a fixed folder of root's.
  return `"\${XDG_STATE_HOME:-\${HOME:-/var/lib/cdktf-lxd-matchbox}/.local/state}/cdktf-lxd-matchbox/records/${owner}"`;
}

/** The config keys that label an LXD object as owned. */
export function ownershipConfig(o: {
  readonly owner: string;
  readonly path: string;
  readonly protect?: boolean;
}): Record<string, string> {
  return {
    [OWNERSHIP_KEYS.owner]: o.owner,
    [OWNERSHIP_KEYS.path]: o.path,
    ...(o.protect ? { [OWNERSHIP_KEYS.protect]: 'true' } : {}),
  };
}

/** Where a daemon that runs listens, when its client is told nothing else (its data directory's variable first). */
const SOCKETS: Record<string, string[]> = {
  lxc: ['${LXD_DIR:+$LXD_DIR/unix.socket}', '/var/snap/lxd/common/lxd/unix.socket', '/var/lib/lxd/unix.socket'],
  incus: ['${INCUS_DIR:+$INCUS_DIR/unix.socket}', '/var/lib/incus/unix.socket'],
};

/** What a read covers: the daemon (through its client) and the record files of one folder. */
export interface ReadSpec {
  /** The daemon's client, `lxc` or `incus`. @default - the daemon is not read */
  readonly client?: string;
  /**
   * True when the app declares objects on the daemon: a daemon that does not answer fails the read.
   * Otherwise a machine with no daemon at all (no socket) reads as `no-daemon`. @default false
   */
  readonly required?: boolean;
  /** Record folders, each a double-quoted shell word. @default - no records */
  readonly recordsDirs?: readonly string[];
}

/**
 * The read-only script that prints a host's inventory: every instance, profile, managed network,
 * pool and image (one `query` each, run side by side), the record files, then an end marker. Any
 * query that fails fails the whole read, with the client's error: no answer never reads as
 * "owns nothing". Only a daemon the app declares nothing on may be absent (`@@cdktf-lab
 * no-daemon`): no socket where its client would look (the client is then not even called).
 */
export function readScript(r: ReadSpec): string {
  const collections: [string, string][] = [
    ['instances', '/1.0/instances?recursion=1'],
    ['profiles', '/1.0/profiles?recursion=1'],
    ['networks', '/1.0/networks?recursion=1'],
    ['storage-pools', '/1.0/storage-pools?recursion=1'],
    ['images', '/1.0/images?recursion=1'],
  ];
  const names = collections.map(([name]) => name).join(' ');
  const c = r.client;
  const sockets = (c && SOCKETS[c]) || [];
  const query = c
    ? [
        `if ! command -v ${c} >/dev/null 2>&1; then echo "${c} is not installed on this host" >&2; exit 1; fi`,
        't=$(mktemp -d); pids=',
        ...collections.map(
          ([name, url]) => `${c} query ${shq(url)} >"$t/${name}" 2>"$t/${name}.err" & pids="$pids $!"`,
        ),
        'failed=0',
        'for p in $pids; do wait "$p" || failed=1; done',
        `if [ "$failed" -ne 0 ]; then cat "$t"/*.err >&2; rm -rf "$t"; exit 1; fi`,
        `for s in ${names}; do echo "@@cdktf-lab $s"; cat "$t/$s"; echo; done`,
        'rm -rf "$t"',
      ]
    : [];
  const daemon = !c
    ? []
    : r.required
      ? query
      : [
          'present=',
          `for s in ${sockets.map((p) => `"${p}"`).join(' ')}; do if [ -n "$s" ] && [ -S "$s" ]; then present=1; fi; done`,
          'if [ -n "$present" ]; then',
          ...query.map((l) => `  ${l}`),
          'else',
          "  echo '@@cdktf-lab no-daemon'",
          'fi',
        ];
  return [
    '{',
    'set -eu',
    ...daemon,
    ...(r.recordsDirs?.length
      ? [
          `for f in ${r.recordsDirs.map((d) => `${d}/*.json`).join(' ')}; do`,
          '  [ -f "$f" ] || continue',
          '  echo \'@@cdktf-lab record\'; cat "$f"; echo',
          'done',
        ]
      : []),
    "echo '@@cdktf-lab end'",
    '}',
    '',
  ].join('\n');
}

/** What a record file holds: enough to find and delete the object without Terraform. */
export interface RecordSpec {
  readonly kind: string;
  readonly name: string;
  readonly owner: string;
  readonly path: string;
  readonly protect: boolean;
  /** Deletion order among records (lower first). */
  readonly order: number;
  /** The object's own destroy script. */
  readonly destroy: string;
}

/** The record file name of `kind:name` (hex, so any name is a safe file name). */
export function recordFileName(kind: string, name: string): string {
  return `${Buffer.from(`${kind}:${name}`, 'utf8').toString('hex')}.json`;
}

/**
 * Lines that write the record of an object after its converge: the object moves to `owner`
 * (a record of the same object by another owner is removed).
 */
export function recordWrite(r: RecordSpec): string {
  const fileName = recordFileName(r.kind, r.name);
  const body = JSON.stringify({ ...r, fileName });
  return [
    '{',
    'set -eu',
    `dir=${recordsDir(r.owner)}`,
    'mkdir -p "$dir"',
    `rm -f -- "$dir"/../*/${shq(fileName)}`,
    heredoc(`cat > "$dir"/${shq(`.${fileName}.tmp`)}`, body),
    `mv -f -- "$dir"/${shq(`.${fileName}.tmp`)} "$dir"/${shq(fileName)}`,
    '}',
    '',
  ].join('\n');
}

/** Lines that remove the record of an object (after its destroy). */
export function recordDelete(owner: string, kind: string, name: string): string {
  return `rm -f -- ${recordsDir(owner)}/${shq(recordFileName(kind, name))}\n`;
}
