import { heredoc, shq } from '../shell/quote';
import { script } from './script';
import { renderPreseed, PreseedDocument } from './preseed';
import {
  ConfigMap,
  DeviceMap,
  InstanceModel,
  MemberObjectConfig,
  NETWORK_MEMBER_KEYS,
  NetworkModel,
  POOL_CREATE_ONLY_KEYS,
  POOL_MEMBER_KEYS,
  ProfileModel,
  StoragePoolModel,
} from './model';
import { sortedMap } from '../util/objects';
import { BackendSpec, imageSetProperty, LXD_BACKEND } from './backend';
import { instanceMoveToMemberLines } from './cluster';
import { OWNERSHIP_KEYS } from '../lifecycle/scripts';

const OWNER_KEY = OWNERSHIP_KEYS.owner;

/**
 * Shell scripts that converge LXD (or Incus) objects through the `lxc` (or `incus`) client. Every script is
 * idempotent: it adopts an existing object, sets what is declared, and removes only
 * the keys and devices it set itself before (recorded in `user.cdktf.*` keys).
 */

/** Config key recording which config keys this library manages on an object. */
export const MANAGED_KEYS = 'user.cdktf.managed-keys';
/** Config key recording which devices this library manages on an object. */
export const MANAGED_DEVICES = 'user.cdktf.managed-devices';

/** How `lxc` names each kind of object. */
interface Kind {
  /** `lxc <cli> get|unset`, e.g. `network`, `storage`, `profile`, `config`. */
  readonly cli: string;
  /** REST collection, e.g. `/1.0/networks`. */
  readonly collection: string;
  /** `lxc <devices> device remove`, when the kind has devices. */
  readonly devices?: string;
}

const NETWORK: Kind = { cli: 'network', collection: '/1.0/networks' };
const POOL: Kind = { cli: 'storage', collection: '/1.0/storage-pools' };
const PROFILE: Kind = { cli: 'profile', collection: '/1.0/profiles', devices: 'profile' };
const INSTANCE: Kind = { cli: 'config', collection: '/1.0/instances', devices: 'config' };

const json = (value: unknown) => shq(JSON.stringify(value));
const url = (kind: Kind, name: string) => shq(`${kind.collection}/${name}`);

/**
 * The one way the scripts change an object through the API: `lxc query -X METHOD PATH --wait --data
 * BODY`. `--wait` (in the client since LXD 3.x and in every Incus) waits for the operation an
 * asynchronous endpoint returns (storage pools and networks from LXD 6.8) and fails when it fails;
 * on a synchronous endpoint it changes nothing. The reply is dropped.
 */
export function changeQuery(
  b: BackendSpec,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
): string {
  return `${b.client} query -X ${method} ${shq(path)} --wait --data ${json(body)} >/dev/null`;
}

export { script } from './script';

/**
 * Who may converge an object that already exists: the stack that owns it, or one of the app's other
 * stacks (the object moves between them), or anyone with `adopt`. A hand-made object, or one of
 * another app, stops the script before anything changes.
 */
export interface Claim {
  /** The owner the object gets. */
  readonly owner: string;
  /** The app's other stacks' owners, whose objects it may take over. */
  readonly from: readonly string[];
  /** Take it over whatever its owner (`adopt: true`). */
  readonly adopt: boolean;
  /** For the message: e.g. `instance web`, its construct path and its daemon's label. */
  readonly what: string;
  readonly path: string;
  readonly where: string;
}

/** Lines that stop the script when the existing object's owner (the value of `ownerExpr`) may not be taken over. */
function claimLines(c: Claim | undefined, ownerExpr: string): string[] {
  if (!c || c.adopt) return [];
  const message =
    'cdktf-lxd-matchbox: %s already exists on %s and was %s: nothing was changed. To take it over ' +
    '(the stack then owns it, and deletes it when it leaves the code), set adopt: true on %s; or remove or rename the existing one.\\n';
  return [
    `owner=${ownerExpr}`,
    `case "$owner" in ${[c.owner, ...c.from].map(shq).join('|')}) ;; *)`,
    `  if [ -z "$owner" ]; then who='made by hand'; else who="created by the owner $owner (another app, or a stack renamed since)"; fi`,
    `  printf ${shq(message)} ${shq(c.what)} ${shq(c.where)} "$who" ${shq(c.path)} >&2; exit 1 ;;`,
    'esac',
  ];
}

/** awk program printing the value of the `config` key `key` of `lxc ... show` YAML (quotes removed). */
const CONFIG_VALUE = String.raw`$0 == "config:" { f = 1; next } /^[^ ]/ { f = 0 } f && index($0, "  " key ": ") == 1 { v = substr($0, length(key) + 5); gsub(/^["']|["']$/, "", v); print v }`;

/** Config with the bookkeeping keys that record what is managed. */
function withRecord(config: ConfigMap, devices?: DeviceMap): Record<string, string> {
  const record: Record<string, string> = { ...config, [MANAGED_KEYS]: Object.keys(config).sort().join(' ') };
  if (devices) record[MANAGED_DEVICES] = Object.keys(devices).sort().join(' ');
  return sortedMap(record);
}

/**
 * Lines that remove the keys/devices in `$old_keys`/`$old_devices` that are no longer declared.
 * `perLine`: the lists hold one name a line (read from `show`, where a name set by hand may
 * contain spaces), not space-separated words (the managed-keys record).
 */
function pruneLines(
  kind: Kind,
  name: string,
  config: ConfigMap,
  devices: DeviceMap | undefined,
  b: BackendSpec,
  perLine = false,
): string[] {
  const keep = Object.keys(withRecord(config, devices));
  const lines = [
    `for k in $old_keys; do case ${shq(` ${keep.join(' ')} `)} in *" $k "*) ;; *) ${b.client} ${kind.cli} unset ${shq(name)} "$k" ;; esac; done`,
  ];
  if (kind.devices && devices) {
    lines.push(
      `for d in $old_devices; do case ${shq(` ${Object.keys(devices).join(' ')} `)} in *" $d "*) ;; *) ${b.client} ${kind.devices} device remove ${shq(name)} "$d" ;; esac; done`,
    );
  }
  return perLine ? ["IFS='\n'", ...lines, 'unset IFS'] : lines;
}

/**
 * Lines that read the record into `$old_keys`/`$old_devices` of an object that exists (after
 * checking `claim`), or run `create` when the object is missing.
 */
function adoptOrCreate(
  kind: Kind,
  name: string,
  create: string[],
  hasDevices: boolean,
  b: BackendSpec,
  claim?: Claim,
): string[] {
  const readDevices = hasDevices
    ? [`  old_devices=$(${b.client} ${kind.cli} get ${shq(name)} ${MANAGED_DEVICES})`]
    : [];
  return [
    `if old_keys=$(${b.client} ${kind.cli} get ${shq(name)} ${MANAGED_KEYS} 2>/dev/null); then`,
    ...claimLines(claim, `$(${b.client} ${kind.cli} get ${shq(name)} ${OWNER_KEY})`).map((l) => `  ${l}`),
    ...readDevices,
    '  :',
    'else',
    '  old_keys=; old_devices=',
    ...create.map((l) => `  ${l}`),
    'fi',
  ];
}

/**
 * awk program printing the keys of the top-level YAML map `sec` (`config`, `devices`) of `lxc ... show`,
 * one a line, LXD's own keys left out. LXD (yaml.v2) writes a key plain (`user.a:b: v`, `c:d:`),
 * single-quoted (`'user.k: v': v`) or double-quoted (`"1":`, `"on":`, `"user.t\tx": v`); a key
 * it cannot write on one line (`? |-`) and escapes other than \\ \" \t \/ are skipped.
 */
const SECTION_KEYS = [
  String.raw`function key(s,  out, i, c) {`,
  String.raw`  if (s ~ /^'/) { s = substr(s, 2); out = ""; while ((i = index(s, "'")) > 0) {`,
  String.raw`    if (substr(s, i + 1, 1) != "'") return out substr(s, 1, i - 1); out = out substr(s, 1, i); s = substr(s, i + 2) } return "" }`,
  String.raw`  if (s ~ /^"/) { s = substr(s, 2); out = ""; while (length(s) > 0) { c = substr(s, 1, 1); s = substr(s, 2)`,
  String.raw`    if (c == "\"") return out; if (c == "\\") { c = substr(s, 1, 1); s = substr(s, 2)`,
  String.raw`      if (c == "t") c = "\t"; else if (c != "\\" && c != "\"" && c != "/") return "" } out = out c } return "" }`,
  String.raw`  if (s ~ /^[?:]/) return ""`,
  String.raw`  if ((i = index(s, ": ")) > 0) return substr(s, 1, i - 1); sub(/:$/, "", s); return s`,
  '}',
  String.raw`$0 == sec ":" || index($0, sec ": ") == 1 { f = 1; next } /^[^ ]/ { f = 0 } f && /^  [^ ]/ { k = key(substr($0, 3)); if (k != "" && k !~ /^(volatile|image)\./) print k }`,
].join('\n');

/**
 * Like adoptOrCreate, but `$old_keys`/`$old_devices` are every key and device the object has
 * (LXD's `volatile.*`/`image.*` aside): what the code does not declare is removed, so a key or
 * device added by hand is drift that the next converge repairs.
 */
function adoptOrCreateAll(kind: Kind, name: string, create: string[], b: BackendSpec, claim?: Claim): string[] {
  return [
    `if shown=$(${b.client} ${kind.devices} show ${shq(name)} 2>/dev/null); then`,
    ...claimLines(claim, `$(printf '%s\\n' "$shown" | awk -v key=${OWNER_KEY} ${shq(CONFIG_VALUE)})`).map(
      (l) => `  ${l}`,
    ),
    `  keys_awk=${shq(SECTION_KEYS)}`,
    `  old_keys=$(printf '%s\\n' "$shown" | awk -v sec=config "$keys_awk")`,
    `  old_devices=$(printf '%s\\n' "$shown" | awk -v sec=devices "$keys_awk")`,
    'else',
    '  old_keys=; old_devices=',
    ...create.map((l) => `  ${l}`),
    'fi',
  ];
}

/**
 * Converges a managed bridge network. `auto` addresses are sent only at creation:
 * sending `auto` again would make LXD pick a new subnet.
 */
export function networkConverge(n: NetworkModel, b: BackendSpec = LXD_BACKEND, claim?: Claim): string {
  const patch = Object.fromEntries(Object.entries(withRecord(n.config)).filter(([, v]) => v !== 'auto'));
  return script([
    ...adoptOrCreate(
      NETWORK,
      n.name,
      [
        changeQuery(b, 'POST', NETWORK.collection, {
          name: n.name,
          type: n.type,
          description: n.description,
          config: withRecord(n.config),
        }),
      ],
      false,
      b,
      claim,
    ),
    changeQuery(b, 'PATCH', `${NETWORK.collection}/${n.name}`, { description: n.description, config: patch }),
    ...pruneLines(NETWORK, n.name, n.config, undefined, b),
  ]);
}

/** Converges a storage pool; create-only keys are sent only when the pool is created. */
export function poolConverge(p: StoragePoolModel, b: BackendSpec = LXD_BACKEND, claim?: Claim): string {
  const mutable = Object.fromEntries(Object.entries(p.config).filter(([k]) => !POOL_CREATE_ONLY_KEYS.includes(k)));
  return script([
    ...adoptOrCreate(
      POOL,
      p.name,
      [
        changeQuery(b, 'POST', POOL.collection, {
          name: p.name,
          driver: p.driver,
          description: p.description,
          config: withRecord(p.config),
        }),
      ],
      false,
      b,
      claim,
    ),
    changeQuery(b, 'PATCH', `${POOL.collection}/${p.name}`, {
      description: p.description,
      config: withRecord(mutable),
    }),
    ...pruneLines(POOL, p.name, p.config, undefined, b),
  ]);
}

/** `config` split into the keys every member has its own value of (`member`) and the cluster-wide rest. */
function splitMemberKeys(config: ConfigMap, memberKeys: readonly string[]): { global: ConfigMap; member: ConfigMap } {
  const pick = (member: boolean) =>
    Object.fromEntries(Object.entries(config).filter(([k]) => memberKeys.includes(k) === member));
  return { global: pick(false), member: pick(true) };
}

/**
 * Lines that read a clustered object (`GET`, the JSON compacted) into `$status` (`Created`,
 * `Pending`, `Errored`, or empty when it does not exist) and `$locs` (the members it is defined
 * on, as `"m1","m2"`), then, unless it is `Created`: define it on each member that lacks it
 * (`create NAME ... --target M` with the member's keys) and create it globally (`create NAME ...`
 * with the cluster-wide keys), as LXD requires. A created object only reads its record.
 */
function clusterAdoptOrCreate(
  kind: Kind,
  name: string,
  create: (config: ConfigMap, target?: string) => string,
  global: ConfigMap,
  members: readonly MemberObjectConfig[],
  b: BackendSpec,
  claim?: Claim,
): string[] {
  return [
    `if shown=$(${b.client} query ${url(kind, name)} 2>/dev/null); then shown=$(printf '%s' "$shown" | tr -d ' \\t\\n'); else shown=; fi`,
    `status=$(printf '%s' "$shown" | sed -n ${shq('s/.*"status":"\\([A-Za-z]*\\)".*/\\1/p')})`,
    'if [ "$status" = Created ]; then',
    ...claimLines(
      claim,
      `$(printf '%s' "$shown" | sed -n ${shq(`s/.*"${OWNER_KEY.replace(/\./g, '\\.')}":"\\([^"]*\\)".*/\\1/p`)})`,
    ).map((l) => `  ${l}`),
    `  old_keys=$(${b.client} ${kind.cli} get ${shq(name)} ${MANAGED_KEYS} 2>/dev/null || true)`,
    'else',
    '  old_keys=',
    `  locs=$(printf '%s' "$shown" | sed -n ${shq('s/.*"locations":\\[\\([^]]*\\)\\].*/\\1/p')})`,
    ...members.map(
      (m) => `  case ",$locs," in *${shq(`,"${m.member}",`)}*) ;; *) ${create(m.config, m.member)} >/dev/null ;; esac`,
    ),
    `  ${create(withRecord(global))} >/dev/null`,
    'fi',
  ];
}

const keyValues = (config: ConfigMap) =>
  Object.entries(sortedMap(config))
    .map(([k, v]) => ` ${shq(`${k}=${v}`)}`)
    .join('');

/**
 * Converges a storage pool of a cluster: defined on each member first (`lxc storage create P
 * DRIVER KEY=VALUE... --target M`, the member-specific keys: source, size...; a member that has
 * its definition already is skipped), then created globally with the cluster-wide keys; a
 * created pool is only patched (its member-specific keys are create-only here).
 */
export function poolConvergeCluster(
  p: StoragePoolModel,
  members: readonly MemberObjectConfig[],
  b: BackendSpec = LXD_BACKEND,
  claim?: Claim,
): string {
  const { global } = splitMemberKeys(p.config, POOL_MEMBER_KEYS);
  const mutable = Object.fromEntries(Object.entries(global).filter(([k]) => !POOL_CREATE_ONLY_KEYS.includes(k)));
  const create = (config: ConfigMap, target?: string) =>
    `${b.client} storage create ${shq(p.name)} ${shq(p.driver)}${keyValues(config)}${target ? ` --target ${shq(target)}` : ''}`;
  return script([
    ...clusterAdoptOrCreate(POOL, p.name, create, global, members, b, claim),
    changeQuery(b, 'PATCH', `${POOL.collection}/${p.name}`, {
      description: p.description,
      config: withRecord(mutable),
    }),
    ...pruneLines(POOL, p.name, global, undefined, b),
  ]);
}

/**
 * Converges a managed network of a cluster: defined on each member first (`lxc network create N
 * KEY=VALUE... --target M`, the member-specific keys such as `bridge.external_interfaces`; a
 * member that has its definition already is skipped), then created globally with the
 * cluster-wide keys (`auto` addresses sent only then); a created network is only patched.
 */
export function networkConvergeCluster(
  n: NetworkModel,
  members: readonly MemberObjectConfig[],
  b: BackendSpec = LXD_BACKEND,
  claim?: Claim,
): string {
  const { global } = splitMemberKeys(n.config, NETWORK_MEMBER_KEYS);
  const patch = Object.fromEntries(Object.entries(withRecord(global)).filter(([, v]) => v !== 'auto'));
  const type = n.type === 'bridge' ? '' : ` --type ${shq(n.type)}`;
  const create = (config: ConfigMap, target?: string) =>
    `${b.client} network create ${shq(n.name)}${type}${keyValues(config)}${target ? ` --target ${shq(target)}` : ''}`;
  return script([
    ...clusterAdoptOrCreate(NETWORK, n.name, create, global, members, b, claim),
    changeQuery(b, 'PATCH', `${NETWORK.collection}/${n.name}`, { description: n.description, config: patch }),
    ...pruneLines(NETWORK, n.name, global, undefined, b),
  ]);
}

/**
 * The member-specific keys of each member: those of `config` (every member gets them) under the
 * member's own from `perMember`.
 */
export function memberConfigs(
  config: ConfigMap,
  memberKeys: readonly string[],
  memberNames: readonly string[],
  perMember: Readonly<Record<string, ConfigMap>> = {},
): MemberObjectConfig[] {
  const { member } = splitMemberKeys(config, memberKeys);
  return memberNames.map((m) => ({ member: m, config: sortedMap({ ...member, ...perMember[m] }) }));
}

/**
 * Converges a profile (config and devices). A profile of the app owns all its keys and devices;
 * on LXD's `default` profile only those the app set before are removed when no longer declared.
 */
export function profileConverge(p: ProfileModel, b: BackendSpec = LXD_BACKEND, claim?: Claim): string {
  const body = { description: p.description, config: withRecord(p.config, p.devices), devices: p.devices };
  // Owned from birth: a converge killed after the create finds its own profile.
  const create = [changeQuery(b, 'POST', PROFILE.collection, { name: p.name, config: ownershipOf(p.config) })];
  return script([
    // LXD's default profile always exists and is everyone's: only the keys the app set are its.
    ...(p.name === 'default'
      ? adoptOrCreate(PROFILE, p.name, create, true, b)
      : adoptOrCreateAll(PROFILE, p.name, create, b, claim)),
    changeQuery(b, 'PATCH', `${PROFILE.collection}/${p.name}`, body),
    ...pruneLines(PROFILE, p.name, p.config, p.devices, b, p.name !== 'default'),
  ]);
}

/** The ownership keys (`user.cdktf.*` but the bookkeeping) of a config. */
function ownershipOf(config: ConfigMap): ConfigMap {
  return Object.fromEntries(Object.entries(config).filter(([k]) => Object.values(OWNERSHIP_KEYS).includes(k)));
}

/** `lxc init` arguments for an instance that does not exist yet: owned from birth (`-c`). */
function initCommand(i: InstanceModel, b: BackendSpec): string {
  const profiles = i.profiles.length ? i.profiles.map((p) => `-p ${shq(p)}`) : ['--no-profiles'];
  const pool = i.storagePool ? [`-s ${shq(i.storagePool)}`] : [];
  const target = i.target ? [`--target ${shq(i.target)}`] : [];
  const owned = Object.entries(sortedMap(ownershipOf(i.config))).map(([k, v]) => `-c ${shq(`${k}=${v}`)}`);
  return [`${b.client} init`, shq(i.image), shq(i.name), ...profiles, ...pool, ...target, ...owned, '>/dev/null'].join(
    ' ',
  );
}

/** Converges an instance: create if missing, then config, devices, profiles and power state. */
export function instanceConverge(i: InstanceModel, b: BackendSpec = LXD_BACKEND, claim?: Claim): string {
  const body = {
    description: i.description,
    profiles: i.profiles,
    config: withRecord(i.config, i.devices),
    devices: i.devices,
  };
  const status = `"$(${b.client} list ${shq(`^${i.name}$`)} -c s -f csv)"`;
  return script([
    'created=',
    ...adoptOrCreateAll(INSTANCE, i.name, [initCommand(i, b), 'created=1'], b, claim),
    ...(i.target ? instanceMoveToMemberLines(i.name, i.target, b) : []),
    changeQuery(b, 'PATCH', `${INSTANCE.collection}/${i.name}`, body),
    ...pruneLines(INSTANCE, i.name, i.config, i.devices, b, true),
    // A container just created is stopped: no need to ask (one lxc process less per create).
    i.state === 'running'
      ? `if [ -n "$created" ] || [ ${status} != RUNNING ]; then ${b.client} start ${shq(i.name)}; fi`
      : `if [ -z "$created" ] && [ ${status} != STOPPED ]; then ${b.client} stop ${shq(i.name)}; fi`,
  ]);
}

/** Deletes an object if it exists (`lxc network|storage|profile delete`, or `lxc delete --force`). */
function deleteIfPresent(kind: Kind, name: string, remove: string, b: BackendSpec): string {
  return script([`if ${b.client} query ${url(kind, name)} >/dev/null 2>&1; then ${remove}; fi`]);
}

export const networkDelete = (name: string, b: BackendSpec = LXD_BACKEND) =>
  deleteIfPresent(NETWORK, name, `${b.client} network delete ${shq(name)}`, b);
export const poolDelete = (name: string, b: BackendSpec = LXD_BACKEND) =>
  deleteIfPresent(POOL, name, `${b.client} storage delete ${shq(name)}`, b);
export const instanceDelete = (name: string, b: BackendSpec = LXD_BACKEND) =>
  deleteIfPresent(INSTANCE, name, `${b.client} delete --force ${shq(name)}`, b);

/**
 * Deletes a profile; the `default` profile cannot be deleted, so for it the
 * keys and devices this library set are removed instead.
 */
export function profileDelete(name: string, b: BackendSpec = LXD_BACKEND): string {
  if (name !== 'default') return deleteIfPresent(PROFILE, name, `${b.client} profile delete ${shq(name)}`, b);
  return script([
    ...adoptOrCreate(PROFILE, name, ['exit 0'], true, b),
    ...pruneLines(PROFILE, name, {}, {}, b),
    `${b.client} profile unset ${shq(name)} ${MANAGED_KEYS}`,
    `${b.client} profile unset ${shq(name)} ${MANAGED_DEVICES}`,
  ]);
}

/** Applies a preseed with `lxd init --preseed`; LXD applies it atomically and re-applying converges. */
export function preseedApply(doc: PreseedDocument, b: BackendSpec = LXD_BACKEND): string {
  return script([heredoc(`${b.init} --preseed`, renderPreseed(doc))]);
}

/**
 * Copies a remote image into the host's image store under `alias`, unless the alias exists (then
 * `claim` is checked); sets `properties`. The copy is made under a temporary alias and renamed once
 * it carries the properties (its owner among them): a copy killed halfway leaves no unowned alias.
 */
export function imageCopy(
  source: string,
  alias: string,
  autoUpdate: boolean,
  properties: ConfigMap = {},
  b: BackendSpec = LXD_BACKEND,
  claim?: Claim,
): string {
  const flags = autoUpdate ? ' --auto-update' : '';
  const a = shq(alias);
  const tmpAlias = `${alias}.cdktf-new`;
  const tmp = shq(tmpAlias);
  const set = (target: string) =>
    Object.entries(sortedMap(properties)).map(([k, v]) => imageSetProperty(b, target, k, v));
  return script([
    `if ${b.client} image info ${a} >/dev/null 2>&1; then`,
    ...imageClaimLines(alias, b, claim),
    '  :',
    'else',
    `  ${b.client} image alias delete ${tmp} >/dev/null 2>&1 || true`,
    `  ${b.client} image copy ${shq(source)} local: --alias ${tmp}${flags} >/dev/null`,
    ...set(tmpAlias).map((l) => `  ${l}`),
    `  ${b.client} image alias rename ${tmp} ${a}`,
    'fi',
    ...set(alias),
  ]);
}

/** The claim lines of an image that exists under `alias` (its owner is an image property). */
export function imageClaimLines(alias: string, b: BackendSpec, claim?: Claim): string[] {
  return claimLines(claim, `$(${b.client} image get-property ${shq(alias)} ${OWNER_KEY} 2>/dev/null || true)`).map(
    (l) => `  ${l}`,
  );
}

/** Deletes the image behind `alias`, if any. */
export function imageDelete(alias: string, b: BackendSpec = LXD_BACKEND): string {
  return script([
    `if ${b.client} image info ${shq(alias)} >/dev/null 2>&1; then ${b.client} image delete ${shq(alias)}; fi`,
  ]);
}
