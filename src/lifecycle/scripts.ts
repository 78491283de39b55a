import { heredoc, shq } from '../shell/quote';
import { LifecycleKind, OwnershipKeys, PruneManifest } from './prune-plan';

/**
 * The shell side of the lifecycle: the read-only inventory script (one call per host, shared
 * by prune and drift), record files for objects LXD cannot label, and the prune command.
 */

/** Config keys (LXD `user.*`) that name the owner of an object. */
export const OWNERSHIP_KEYS: OwnershipKeys = {
  owner: 'user.cdktf.owner',
  path: 'user.cdktf.path',
  protect: 'user.cdktf.protect',
  managedKeys: 'user.cdktf.managed-keys',
  managedDevices: 'user.cdktf.managed-devices',
};

/** Environment variables of the prune command. */
export const PRUNE_ENV = {
  read: 'CDKTF_LAB_READ', program: 'CDKTF_LAB_PRUNE', manifest: 'CDKTF_LAB_MANIFEST', host: 'CDKTF_LAB_HOST', objects: 'CDKTF_LAB_OBJECTS',
  marker: 'CDKTF_LAB_MARKER',
} as const;

/** An owner id: it becomes a folder name and a config value. */
export function checkOwnerId(id: string): { reason: string; fix: string } | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(id)
    ? undefined : { reason: 'an owner id must be 1-63 letters, digits, ".", "_" or "-"', fix: 'use e.g. the stack id lab' };
}

/** The folder of `owner`'s record files on a host, as a double-quoted shell word. */
export function recordsDir(owner: string): string {
  // Without XDG_STATE_HOME and HOME (a bare environment), a fixed folder of root's.
  return `"\${XDG_STATE_HOME:-\${HOME:-/var/lib/cdktf-lxd-matchbox}/.local/state}/cdktf-lxd-matchbox/records/${owner}"`;
}

/** The config keys that label an LXD object as owned. */
export function ownershipConfig(o: { readonly owner: string; readonly path: string; readonly protect?: boolean }): Record<string, string> {
  return {
    [OWNERSHIP_KEYS.owner]: o.owner,
    [OWNERSHIP_KEYS.path]: o.path,
    ...(o.protect ? { [OWNERSHIP_KEYS.protect]: 'true' } : {}),
  };
}

/**
 * The read-only script that prints the host's inventory: every instance, profile, managed
 * network, pool and image (one `lxc query` each, run side by side; the section is left out when
 * none answers: the host has no reachable daemon), then (with `records`) the owner's record files,
 * then an end marker. Without `daemon`, only the records.
 */
export function readScript(owner: string, client = 'lxc', records = true, daemon = true): string {
  const collections: [string, string][] = [
    ['instances', '/1.0/instances?recursion=1'], ['profiles', '/1.0/profiles?recursion=1'],
    ['networks', '/1.0/networks?recursion=1'], ['storage-pools', '/1.0/storage-pools?recursion=1'],
    ['images', '/1.0/images?recursion=1'],
  ];
  const names = collections.map(([name]) => name).join(' ');
  return [
    '{',
    'set -eu',
    ...(daemon ? [
      `if command -v ${client} >/dev/null 2>&1; then`,
      '  t=$(mktemp -d); pids=',
      ...collections.map(([name, url]) => `  ${client} query ${shq(url)} >"$t/${name}" 2>"$t/${name}.err" & pids="$pids $!"`),
      '  ok=0; failed=0',
      '  for p in $pids; do if wait "$p"; then ok=$((ok + 1)); else failed=$((failed + 1)); fi; done',
      `  if [ "$ok" -gt 0 ] && [ "$failed" -gt 0 ]; then cat "$t"/*.err >&2; rm -rf "$t"; exit 1; fi`,
      `  if [ "$ok" -gt 0 ]; then for s in ${names}; do echo "@@cdktf-lab $s"; cat "$t/$s"; echo; done; fi`,
      '  rm -rf "$t"',
      'fi',
    ] : []),
    ...(records ? [
      `for f in ${recordsDir(owner)}/*.json; do`,
      '  [ -f "$f" ] || continue',
      "  echo '@@cdktf-lab record'; cat \"$f\"; echo",
      'done',
    ] : []),
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

/** The names one stack declares on one host, and those other stacks of the app declare there. */
export interface HostDeclarations {
  readonly declared: Partial<Record<LifecycleKind, readonly string[]>>;
  readonly elsewhere: Partial<Record<LifecycleKind, readonly string[]>>;
}

/** The manifest of one prune phase. */
export function pruneManifest(owner: string, phase: 'before' | 'after', d: HostDeclarations, client = 'lxc'): PruneManifest {
  return { owner, phase, client, keys: OWNERSHIP_KEYS, recordsDir: recordsDir(owner), declared: d.declared, elsewhere: d.elsewhere };
}

/**
 * The local-exec command of a prune: read the host (one call), plan with `node` where
 * Terraform runs, then run the delete script on the host (a second call, only when there is
 * something to delete). A failed read or plan deletes nothing.
 */
export function pruneCommand(runnerCommand: string, phase: 'before' | 'after' = 'before'): string {
  // `after` first asks whether `before` deferred anything; when not, the host is not read again.
  const skip = phase === 'after' ? `if node -e "$${PRUNE_ENV.program}" skip-after; then exit 0; fi; ` : '';
  return `${skip}plan=$(printf '%s\\n' "$${PRUNE_ENV.read}" | ${runnerCommand} | node -e "$${PRUNE_ENV.program}") && `
    + `{ [ -z "$plan" ] || printf '%s\\n' "$plan" | ${runnerCommand}; }`;
}
