import { shq } from '../shell/quote';

/**
 * Reading a daemon's inventory and planning a prune: pure functions, run by the prune step of an
 * apply (./program.ts) and by the drift command.
 */

/** The kinds of object a prune knows. `record`: an object tracked by a record file on its host. */
export type LifecycleKind = 'instance' | 'profile' | 'network' | 'pool' | 'image' | 'record';

/** The config keys that carry ownership, as the manifest passes them. */
export interface OwnershipKeys {
  readonly owner: string;
  readonly path: string;
  readonly protect: string;
  readonly managedKeys: string;
  readonly managedDevices: string;
}

/** What one stack declares on one host: the input of a prune. */
export interface PruneManifest {
  /** The owner id written on every object of the stack (the stack's `ownerId`). */
  readonly owner: string;
  /** `before` runs ahead of the stack's creates and defers what declared objects still use; `after` finishes. */
  readonly phase: 'before' | 'after';
  /** The LXD client: `lxc` (or `incus`). */
  readonly client: string;
  /** The owner's record folder on the host, as a double-quoted shell word. @default - no records */
  readonly recordsDir?: string;
  readonly keys: OwnershipKeys;
  /** Names the stack declares on the host, by kind (records by `kind:name`). */
  readonly declared: Readonly<Partial<Record<LifecycleKind, readonly string[]>>>;
  /** Names other stacks of the app declare on the same host: never pruned (they may be moving there). */
  readonly elsewhere: Readonly<Partial<Record<LifecycleKind, readonly string[]>>>;
  /**
   * What leaves this daemon for another one in this stack: the construct paths the stack declares on
   * other daemons, and the names another daemon takes from here (`migrateFrom`). `before` keeps
   * them, so that the new one exists first; `after` deletes what is left.
   * @default - nothing moves
   */
  readonly moving?: {
    readonly paths: readonly string[];
    readonly names: Readonly<Partial<Record<LifecycleKind, readonly string[]>>>;
  };
}

/** One object found on the host. */
export interface InventoryObject {
  readonly kind: LifecycleKind;
  readonly name: string;
  readonly owner?: string;
  readonly path?: string;
  readonly protect: boolean;
  /** `kind/name` of the objects that use this one (LXD's `used_by`). */
  readonly usedBy: string[];
  /** Other names it answers to (image aliases). */
  readonly aliases: string[];
  /** The object as LXD or the record file returned it. */
  readonly raw: Record<string, unknown>;
}

/** What a read of the host returned. */
export interface Inventory {
  /** False when the daemon was not read (only records), or the host has no daemon at all. */
  readonly lxd: boolean;
  readonly objects: InventoryObject[];
}

/** The result of planning: a script that deletes, or the reasons nothing may be deleted. */
export interface PrunePlan {
  readonly errors: string[];
  /** Objects left for the `after` phase, as `kind name`. */
  readonly deferred: string[];
  /** Objects to delete, as `kind name`, in deletion order. */
  readonly deleted: string[];
  readonly script: string;
}

/**
 * Parses the output of the read script: sections introduced by `@@cdktf-lab SECTION` lines,
 * each holding LXD JSON (`lxc query` with recursion) or one record file; `@@cdktf-lab end` last.
 */
export function parseInventory(text: string, keys: OwnershipKeys): Inventory {
  const marker = '@@cdktf-lab ';
  const sections: { name: string; body: string[] }[] = [];
  let complete = false;
  for (const line of text.split('\n')) {
    if (line.startsWith(marker)) {
      const name = line.slice(marker.length).trim();
      if (name === 'end') complete = true;
      sections.push({ name, body: [] });
    } else if (sections.length) {
      sections[sections.length - 1].body.push(line);
    }
  }
  if (!complete) throw new Error('the read of the host ended early (no end marker): nothing is pruned');
  const kindOfCollection: Record<string, LifecycleKind> = {
    instances: 'instance',
    profiles: 'profile',
    networks: 'network',
    'storage-pools': 'pool',
    images: 'image',
  };
  const ref = (url: string): string => {
    const parts = url
      .split('?')[0]
      .split('/')
      .filter((p) => p)
      .map(decodeURIComponent);
    // /1.0/<collection>/<name>[/snapshots/<name>], /1.0/storage-pools/<pool>/volumes/<type>/<name>
    const kind = kindOfCollection[parts[1]] ?? parts[1];
    // A snapshot (a pool lists them) goes with its instance.
    if (kind === 'instance') return `instance/${parts[2] ?? ''}`;
    if (parts.length > 3 && parts[3] === 'volumes') {
      const type = parts[4];
      if (type === 'container' || type === 'virtual-machine') return `instance/${parts[5] ?? ''}`;
      if (type === 'image') return `image/${parts[5] ?? ''}`;
      return `volume/${parts.slice(4).join('/')}`;
    }
    if (parts.length > 3) return `${parts[3]}/${parts.slice(4).join('/')}`;
    return `${kind}/${parts[2] ?? ''}`;
  };
  const objects: InventoryObject[] = [];
  let lxd = false;
  for (const s of sections) {
    if (s.name === 'end' || s.name === 'no-daemon') continue;
    const body = s.body.join('\n').trim();
    if (s.name === 'record') {
      const r = JSON.parse(body) as Record<string, unknown>;
      objects.push({
        kind: 'record',
        name: `${r.kind}:${r.name}`,
        owner: r.owner as string,
        path: r.path as string,
        protect: r.protect === true,
        usedBy: [],
        aliases: [],
        raw: r,
      });
      continue;
    }
    const kind = kindOfCollection[s.name];
    if (!kind) continue;
    lxd = true;
    for (const o of JSON.parse(body || '[]') as Record<string, any>[]) {
      if (kind === 'network' && o.managed === false) continue;
      // A cluster lists an instance on a member it cannot reach with its name, status Error and no config:
      // whose it is cannot be known, so that is no answer (never "not ours").
      if (kind === 'instance' && o.config == null && o.status === 'Error') {
        throw new Error(
          `the read of the host is incomplete: instance ${o.name}${o.location ? ` on cluster member ${o.location}` : ''} ` +
            'did not answer (the cluster lists it as unavailable: is that member down?): nothing is pruned',
        );
      }
      const values = (kind === 'image' ? o.properties : o.config) ?? {};
      const aliases = kind === 'image' ? (o.aliases ?? []).map((a: { name: string }) => a.name) : [];
      objects.push({
        kind,
        name: kind === 'image' ? o.fingerprint : o.name,
        owner: values[keys.owner],
        path: values[keys.path],
        protect: values[keys.protect] === 'true',
        usedBy: (o.used_by ?? []).map(ref),
        aliases,
        raw: o,
      });
    }
  }
  return { lxd, objects };
}

/** The objects `m.owner` owns on the host that no stack of the app declares. */
export function pruneCandidates(inv: Inventory, m: PruneManifest): InventoryObject[] {
  const known = (kind: LifecycleKind, names: readonly string[]): boolean =>
    names.some((n) => (m.declared[kind] ?? []).includes(n) || (m.elsewhere[kind] ?? []).includes(n));
  return inv.objects.filter((o) => o.owner === m.owner && !known(o.kind, [o.name, ...o.aliases]));
}

/**
 * Plans the deletion of the objects `m.owner` owns on the host that no stack of the app
 * declares any more: instances, records, profiles, networks, pools, then images. Nothing at
 * all is deleted when one of them is protected or still used by an object that stays.
 */
export function planPrune(inv: Inventory, m: PruneManifest): PrunePlan {
  const candidates = pruneCandidates(inv, m);
  const label = (o: InventoryObject) =>
    `${o.kind} ${o.kind === 'image' && o.aliases.length ? o.aliases[0] : o.name}${o.path ? ` (declared at ${o.path})` : ''}`;
  const errors: string[] = [];
  for (const o of candidates.filter((c) => c.protect)) {
    errors.push(
      `${label(o)} is no longer declared but is protected, so it is not deleted. To delete it, release it ` +
        (o.kind === 'record'
          ? `(declare it again with protect: false and deploy), then deploy without it.`
          : `(declare it again with protect: false and deploy, or: ${m.client} ${o.kind === 'instance' ? 'config unset' : o.kind === 'pool' ? 'storage unset' : o.kind === 'image' ? 'image unset-property' : `${o.kind} unset`} ${shq(o.name)} ${m.keys.protect}), then deploy without it.`),
    );
  }
  const doomed = new Set(candidates.map((o) => `${o.kind}/${o.name}`));
  const isDeclaredHere = (r: string) => {
    const [kind, ...rest] = r.split('/');
    return (m.declared[kind as LifecycleKind] ?? []).includes(rest.join('/'));
  };
  const deferred: string[] = [];
  const deletable: InventoryObject[] = [];
  const moving = (o: InventoryObject) =>
    (o.path !== undefined && (m.moving?.paths ?? []).includes(o.path)) ||
    (m.moving?.names[o.kind] ?? []).includes(o.name);
  for (const o of candidates) {
    if (o.protect) continue;
    // LXD's default profile is only cleaned of what the stack set, never deleted: its users keep it.
    const cleaned = o.kind === 'profile' && o.name === 'default';
    const users = cleaned ? [] : o.usedBy.filter((r) => !doomed.has(r) && !r.startsWith('image/'));
    // An object moving to another daemon is deleted only once its successor has converged.
    if (m.phase === 'before' && moving(o)) deferred.push(`${o.kind} ${o.name}`);
    else if (!users.length) deletable.push(o);
    else if (m.phase === 'before' && users.every(isDeclaredHere)) deferred.push(`${o.kind} ${o.name}`);
    else {
      errors.push(
        `${label(o)} is no longer declared but is still used by ${users.join(', ')}, which ${m.phase === 'before' ? 'this stack does not manage' : 'still use it after the apply'}. ` +
          `Nothing is deleted. Detach it from those objects (or declare it again), then deploy.`,
      );
    }
  }
  if (errors.length) return { errors, deferred, deleted: [], script: '' };
  const order: LifecycleKind[] = ['instance', 'record', 'profile', 'network', 'pool', 'image'];
  deletable.sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || Number(a.raw.order ?? 0) - Number(b.raw.order ?? 0),
  );
  const c = m.client;
  const q = shq;
  const lines: string[] = [];
  for (const o of deletable) {
    lines.push(`echo ${q(`cdktf-lxd-matchbox: pruning ${label(o)}`)} >&2`);
    if (o.kind === 'instance') lines.push(`${c} delete --force ${q(o.name)}`);
    else if (o.kind === 'profile' && o.name === 'default') {
      // The default profile cannot be deleted: remove what the stack set on it.
      const values = (o.raw.config ?? {}) as Record<string, string>;
      const words = (k: string) => (values[k] ?? '').split(' ').filter((w) => w);
      for (const d of words(m.keys.managedDevices)) lines.push(`${c} profile device remove default ${q(d)} || true`);
      const own = [m.keys.owner, m.keys.path, m.keys.protect, m.keys.managedKeys, m.keys.managedDevices];
      for (const k of [...words(m.keys.managedKeys), ...own])
        if (k in values) lines.push(`${c} profile unset default ${q(k)}`);
    } else if (o.kind === 'profile') lines.push(`${c} profile delete ${q(o.name)}`);
    else if (o.kind === 'network') lines.push(`${c} network delete ${q(o.name)}`);
    else if (o.kind === 'pool') lines.push(`${c} storage delete ${q(o.name)}`);
    else if (o.kind === 'image') lines.push(`${c} image delete ${q(o.name)}`);
    else lines.push('(', String(o.raw.destroy ?? ''), ')', `rm -f -- ${m.recordsDir}/${q(String(o.raw.fileName))}`);
  }
  const script = lines.length ? ['{', 'set -eu', ...lines, '}', ''].join('\n') : '';
  return { errors, deferred, deleted: deletable.map((o) => `${o.kind} ${o.name}`), script };
}
