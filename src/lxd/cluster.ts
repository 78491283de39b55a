import { shq } from '../shell/quote';
import { BackendSpec, LXD_BACKEND } from './backend';
import { script } from './script';
import { PreseedMemberConfig, preseedTree, renderPreseed } from './preseed';
import { checkObjectName } from './names';
import { Verdict } from '../validation/errors';
import { Rule, rule } from '../validation/rule';
import { isHttpsAddress, isPort } from '../validation/rules';

/**
 * LXD (or Incus) clustering as idempotent scripts: bootstrap the first member, join further
 * members with a join token obtained from the cluster at deploy time, remove members, and move
 * instances between members. The join token is a secret: it exists only in shell variables of
 * the local-exec process and on the stdin of the runners, never in a command line, a script
 * stored in state, or output.
 */

/** A cluster member: its name in the cluster and the address (`host:port`) it serves the cluster API on. */
export interface ClusterMemberModel {
  /** `server_name`, e.g. `lxd01`. */
  readonly name: string;
  /** `core.https_address` / `server_address`, e.g. `10.0.0.11:8443`. */
  readonly address: string;
  /** Per-member answers for member-specific keys of pools and networks (`cluster.member_config`). */
  readonly memberConfig?: PreseedMemberConfig[];
}

/** Marker that the join script replaces with the token (never stored: it is not a real token). */
const TOKEN_PLACEHOLDER = '@@CDKTF_CLUSTER_TOKEN@@';

/** The characters of a join or trust token (base64 of a JSON document). */
const TOKEN_CHARS = 'A-Za-z0-9+/=';

/** Rule: a trust token as `lxc config trust add` prints it (base64); the value itself is never repeated. */
export function checkTrustToken(token: string): Verdict | undefined {
  const bad = [...token].findIndex((c) => !new RegExp(`[${TOKEN_CHARS}]`).test(c));
  if (token !== '' && bad < 0) return undefined;
  return {
    reason:
      token === ''
        ? 'the trust token is empty'
        : `character ${bad + 1} of the trust token is not one a token has (tokens are base64: A-Z, a-z, 0-9, +, / and =)`,
    fix: 'copy the whole token that `lxc config trust add` (or `incus config trust add`) printed on the source, without quotes or spaces',
  };
}

/** Rule: the address of a server a migration takes a container from: `https://HOST[:PORT]`. */
export const checkMigrationAddress: Rule<unknown> = rule(
  isHttpsAddress,
  'not an https:// address the destination can reach (a unix:// socket is only local)',
  'use e.g. https://10.0.0.5:8443',
);

/** Rule: the `host:port` a member serves the cluster API on. */
export function checkMemberAddress(value: unknown): Verdict | undefined {
  if (typeof value !== 'string' || !/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/.test(value)) {
    return {
      reason: 'not host:port',
      fix: 'use the address the member serves the cluster API on, e.g. 10.0.0.11:8443',
    };
  }
  return isPort(Number(value.slice(value.lastIndexOf(':') + 1)))
    ? undefined
    : { reason: 'port out of range', fix: 'use a port between 1 and 65535, usually 8443' };
}

/** A problem with a member's name or address (the name's first), or undefined. */
export function checkClusterMember(
  m: ClusterMemberModel,
): { property: string; value: unknown; reason: string; fix: string } | undefined {
  const name = checkObjectName(m.name);
  if (name) return { property: 'name', value: m.name, ...name };
  const address = checkMemberAddress(m.address);
  return address && { property: 'address', value: m.address, ...address };
}

/** Shell condition: this daemon is already a cluster member (of any cluster). */
function isClustered(b: BackendSpec): string {
  return `case "$(${b.client} query /1.0/cluster 2>/dev/null)" in *'"enabled": true'*) true ;; *) false ;; esac`;
}

/**
 * Bootstraps a cluster on its first member: `core.https_address` and `cluster.enabled` through
 * `lxd init --preseed`. Does nothing on a daemon that is already clustered.
 */
export function clusterBootstrap(m: ClusterMemberModel, b: BackendSpec = LXD_BACKEND): string {
  const doc = renderPreseed({
    config: { 'core.https_address': m.address },
    cluster: { serverName: m.name, enabled: true },
  });
  return script([
    `if ${isClustered(b)}; then exit 0; fi`,
    `${b.init} --preseed <<'CDKTF_EOF'`,
    doc.trimEnd(),
    'CDKTF_EOF',
  ]);
}

/**
 * The script run on the joining member: `lxd init --preseed` with the join document, the token
 * read from the shell variable `$token` that the join script puts in front of it. The document is
 * JSON (valid YAML), printed in pieces so the token never appears in the script text itself.
 */
export function clusterJoinMemberScript(
  m: ClusterMemberModel,
  bootstrapAddress: string,
  b: BackendSpec = LXD_BACKEND,
): string {
  const tree = preseedTree({
    config: { 'core.https_address': m.address },
    cluster: {
      serverName: m.name,
      enabled: true,
      serverAddress: m.address,
      clusterAddress: bootstrapAddress,
      clusterToken: TOKEN_PLACEHOLDER,
      memberConfig: m.memberConfig ?? [],
    },
  });
  const [before, after] = JSON.stringify(tree).split(TOKEN_PLACEHOLDER);
  return script([
    `if ${isClustered(b)}; then exit 0; fi`,
    `{ printf '%s' ${shq(before)}; printf '%s' "$token"; printf '%s\\n' ${shq(after)}; } | ${b.init} --preseed`,
  ]);
}

/** Run on the bootstrap member: a fresh join token for `name` on stdout (an old unused one revoked first). */
export function clusterTokenScript(name: string, b: BackendSpec = LXD_BACKEND): string {
  return script([
    `${b.client} cluster revoke-token ${shq(name)} >/dev/null 2>&1 || true`,
    `${b.client} cluster add ${shq(name)} --quiet`,
  ]);
}

/** Run on the bootstrap member: revokes an unused join token for `name`, if any. */
export function clusterRevokeScript(name: string, b: BackendSpec = LXD_BACKEND): string {
  return script([`${b.client} cluster revoke-token ${shq(name)} >/dev/null 2>&1 || true`]);
}

/** How the local-exec process reaches each member: the runner commands (each reads a script on stdin). */
export interface ClusterJoinRunners {
  /** Command that runs a script on a member already in the cluster (usually the bootstrap member). */
  readonly cluster: string;
  /** Command that runs a script on the joining member. */
  readonly member: string;
}

/**
 * The join, run by the local-exec process (`sh -s` on the deploying machine): unless the member
 * is clustered already, ask the cluster for a join token through its runner, check it looks like
 * a token, and pipe `token=…` plus the member script into the joining member's runner. The token
 * lives in a shell variable only (printf is a shell builtin: it is in no process's arguments);
 * `set +x` keeps it out of traces. A failed join revokes the token.
 */
export function clusterJoin(
  m: ClusterMemberModel,
  bootstrapAddress: string,
  runners: ClusterJoinRunners,
  b: BackendSpec = LXD_BACKEND,
): string {
  const check = script([`if ${isClustered(b)}; then exit 0; fi`, 'exit 3']);
  return script([
    'set +x',
    `check_script=${shq(check)}`,
    `token_script=${shq(clusterTokenScript(m.name, b))}`,
    `revoke_script=${shq(clusterRevokeScript(m.name, b))}`,
    `join_script=${shq(clusterJoinMemberScript(m, bootstrapAddress, b))}`,
    `if printf '%s\\n' "$check_script" | ${runners.member} >/dev/null 2>&1; then exit 0; fi`,
    `token=$(printf '%s\\n' "$token_script" | ${runners.cluster})`,
    `case "$token" in ''|*[!${TOKEN_CHARS}]*) echo ${shq(`cdktf-lxd-matchbox: the cluster gave no valid join token for member ${m.name}`)} >&2; exit 1 ;; esac`,
    `if ! { printf 'token=%s\\n' "$token"; printf '%s\\n' "$join_script"; } | ${runners.member}; then`,
    '  token=',
    `  printf '%s\\n' "$revoke_script" | ${runners.cluster} || true`,
    `  echo ${shq(`cdktf-lxd-matchbox: member ${m.name} could not join the cluster at ${bootstrapAddress} (see the error above)`)} >&2`,
    '  exit 1',
    'fi',
    'token=',
  ]);
}

/**
 * Run on a remaining member: removes `name` from the cluster if it is a member, and revokes an
 * unused join token for it. LXD refuses while the member still has instances or is the last one.
 */
export function clusterMemberRemove(name: string, b: BackendSpec = LXD_BACKEND): string {
  return script([
    `${b.client} cluster revoke-token ${shq(name)} >/dev/null 2>&1 || true`,
    `if ${b.client} query ${shq(`/1.0/cluster/members/${name}`)} >/dev/null 2>&1; then ${b.client} cluster remove ${shq(name)}; fi`,
  ]);
}

/**
 * Run on a member: removes every member not in `keep` whose name is listed in `$old` (the members this
 * library joined, recorded in the server config key `recordKey`), then records `keep`. Members
 * joined by hand are never touched.
 */
export function clusterMembersConverge(
  keep: readonly string[],
  recordKey: string,
  b: BackendSpec = LXD_BACKEND,
): string {
  const names = [...keep].sort();
  return script([
    `old=$(${b.client} config get ${shq(recordKey)} 2>/dev/null || true)`,
    `for m in $old; do case ${shq(` ${names.join(' ')} `)} in *" $m "*) ;; *)`,
    `  ${b.client} cluster revoke-token "$m" >/dev/null 2>&1 || true`,
    `  if ${b.client} query "/1.0/cluster/members/$m" >/dev/null 2>&1; then ${b.client} cluster remove "$m"; fi ;;`,
    'esac; done',
    // KEY=VALUE: Incus 7 deprecates `config set KEY VALUE`; LXD (5.0+) and Incus 6.0 take both.
    names.length
      ? `${b.client} config set ${shq(`${recordKey}=${names.join(' ')}`)}`
      : `${b.client} config unset ${shq(recordKey)} 2>/dev/null || true`,
  ]);
}

/**
 * Lines that move an existing instance to cluster member `target` when it is elsewhere: cold
 * (`lxc move NAME --target M`) when stopped, stateless live (`--stateless`: stopped, moved,
 * started again; stateful live migration needs CRIU) when running. The instance keeps its data.
 */
export function instanceMoveToMemberLines(name: string, target: string, b: BackendSpec = LXD_BACKEND): string[] {
  const q = shq(`^${name}$`);
  return [
    `where=$(${b.client} list ${q} -c L -f csv)`,
    `if [ -n "$where" ] && [ "$where" != ${shq(target)} ]; then`,
    // A running container moves statelessly: LXD stops and starts it itself (--stateless); Incus 6.0
    // refuses that ("Instance must be stopped to be moved statelessly"), so it is stopped and started here.
    b.name === 'incus'
      ? `  if [ "$(${b.client} list ${q} -c s -f csv)" = RUNNING ]; then ${b.client} stop ${shq(name)}; ${b.client} move ${shq(name)} --target ${shq(target)} --quiet; ${b.client} start ${shq(name)}; else ${b.client} move ${shq(name)} --target ${shq(target)} --quiet; fi`
      : `  if [ "$(${b.client} list ${q} -c s -f csv)" = RUNNING ]; then ${b.client} move ${shq(name)} --target ${shq(target)} --stateless --quiet; else ${b.client} move ${shq(name)} --target ${shq(target)} --quiet; fi`,
    'fi',
  ];
}

/** How an instance reaches another remote. */
export interface RemoteMigration {
  readonly name: string;
  /** Remote the instance is on now (`local` for the daemon of the runner). */
  readonly from: string;
  /** Remote it must end up on. */
  readonly to: string;
  /** `move` (the source is gone afterwards) or `copy` (both exist). */
  readonly mode: 'move' | 'copy';
  /** Cluster member on the destination. @default - the destination picks */
  readonly target?: string;
}

/**
 * Moves or copies an instance to another remote unless it is there already (`lxc move|copy
 * FROM:NAME TO:NAME`), stateless when it runs: the instance keeps its root disk and config, it is
 * not recreated from its image.
 */
export function instanceMigrateRemote(mg: RemoteMigration, b: BackendSpec = LXD_BACKEND): string {
  const src = shq(`${mg.from}:${mg.name}`);
  const dst = shq(`${mg.to}:${mg.name}`);
  const target = mg.target ? ` --target ${shq(mg.target)}` : '';
  return script([
    `if ${b.client} query ${shq(`${mg.to}:/1.0/instances/${mg.name}`)} >/dev/null 2>&1; then exit 0; fi`,
    `if [ "$(${b.client} list ${shq(`${mg.from}:^${mg.name}$`)} -c s -f csv)" = RUNNING ]; then flags=--stateless; else flags=; fi`,
    `${b.client} ${mg.mode} ${src} ${dst}${target} $flags --quiet`,
  ]);
}

/** Where a container missing on its host is taken from: another LXD server, reached as a remote. */
export interface RemoteSourceModel {
  readonly name: string;
  /** Remote name on the destination's client, e.g. `cdktf-10-0-0-5-8443`. */
  readonly remote: string;
  /** The source server's API address, e.g. `https://10.0.0.5:8443`. */
  readonly address: string;
  /** `move` (gone from the source afterwards) or `copy` (both exist). */
  readonly mode: 'move' | 'copy';
}

/** The remote name the destination's client gives a source server at `address`. */
export function migrationRemoteName(address: string): string {
  return `cdktf-${address
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}`;
}

/**
 * Lines run on the destination before the instance converge: when the instance is not there yet,
 * add the source server as a remote (unless the client already has it, trusted), the trust token
 * read from the shell variable `$token` and handed to `lxc remote add` on its stdin (printf is a
 * builtin: the token is in no process's arguments), then copy or move the instance cold (a running
 * source is stopped first; a copied one is started again): it keeps its root disk and config and is
 * not recreated from its image. `$token` is emptied afterwards.
 */
export function instanceMigrateFromRemoteLines(m: RemoteSourceModel, b: BackendSpec = LXD_BACKEND): string[] {
  const r = shq(m.remote);
  const src = shq(`${m.remote}:${m.name}`);
  const fail = (msg: string) => `echo ${shq(`cdktf-lxd-matchbox: ${msg}`)} >&2; exit 1`;
  return [
    `if ! ${b.client} query ${shq(`/1.0/instances/${m.name}`)} >/dev/null 2>&1; then`,
    `  if ! ${b.client} query ${shq(`${m.remote}:/1.0`)} 2>/dev/null | grep -q '"auth": "trusted"'; then`,
    `    ${b.client} remote remove ${r} >/dev/null 2>&1 || true`,
    `    case "$token" in ''|*[!${TOKEN_CHARS}]*) ${fail(`no valid trust token for ${m.address} (the source of ${m.name})`)} ;; esac`,
    `    if ! printf '%s\\n' "$token" | ${b.client} remote add ${r} ${shq(m.address)} --accept-certificate >/dev/null; then token=; ${fail(`the server at ${m.address} refused the trust token (see the error above)`)}; fi`,
    '  fi',
    '  token=',
    `  was=$(${b.client} list ${shq(`${m.remote}:`)} ${shq(`^${m.name}$`)} -c s -f csv)`,
    `  if [ -z "$was" ]; then ${fail(`no instance ${m.name} on ${m.address} to ${m.mode}`)}; fi`,
    `  if [ "$was" = RUNNING ]; then ${b.client} stop ${src}; fi`,
    `  ${b.client} ${m.mode} ${src} ${shq(m.name)} --quiet`,
    ...(m.mode === 'copy' ? [`  if [ "$was" = RUNNING ]; then ${b.client} start ${src}; fi`] : []),
    'fi',
    'token=',
  ];
}

/**
 * The script that takes a missing instance from another server ({@link instanceMigrateFromRemoteLines}),
 * with the trust token in a shell variable: it travels inside the script, on the runner's stdin.
 * Run it before the instance converge.
 */
export function instanceMigrateFromRemote(m: RemoteSourceModel, token: string, b: BackendSpec = LXD_BACKEND): string {
  return script(['set +x', `token=${shq(token)}`, ...instanceMigrateFromRemoteLines(m, b)]);
}
