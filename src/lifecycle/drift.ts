import { POOL_CREATE_ONLY_KEYS } from '../lxd/model';
import { Inventory, InventoryObject, LifecycleKind, PruneManifest, pruneCandidates } from './prune-plan';
import { OWNERSHIP_KEYS, PRUNE_ENV } from './scripts';

/**
 * Drift: what a host has against what a synthesized stack declares. Pure: the command in bin/
 * reads the files and runs the read scripts.
 */

/** One declared object, as a synthesized stack describes it. */
export interface DeclaredObject {
  readonly kind: LifecycleKind;
  readonly name: string;
  readonly path: string;
  /** Address of its converge resource (re-run to repair). */
  readonly converge: string;
  /** Its declared settings; undefined when the stack holds none (records). */
  readonly settings?: Record<string, unknown>;
}

/** One host of one stack: how to read it and what is declared there. */
export interface StackHost {
  readonly stack: string;
  /** The local command line that runs a script (stdin) on the host. */
  readonly runner: string;
  readonly readScript: string;
  readonly manifest: PruneManifest;
  /** Address of the `before` prune resource (re-run to delete undeclared objects). */
  readonly prune: string;
  readonly objects: DeclaredObject[];
}

/** How one object differs. */
export interface ObjectDrift {
  readonly kind: LifecycleKind;
  readonly name: string;
  readonly path?: string;
  /** `missing`: declared, not on the host; `changed`: differs; `undeclared`: owned, no longer declared. */
  readonly status: 'missing' | 'changed' | 'undeclared';
  readonly differences: string[];
  /** What re-converges it. */
  readonly repair: string;
}

/** Undoes Terraform's escaping of literal template syntax (`$${`, `%%{`). */
function unescapeTf(s: string): string {
  return s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** True when a synthesized value holds a Terraform expression: known only at apply. */
function isExpression(v: unknown): boolean {
  return typeof v === 'string' && /(^|[^$])\$\{/.test(v);
}

function deepUnescape(v: unknown): unknown {
  if (typeof v === 'string') return isExpression(v) ? v : unescapeTf(v);
  if (Array.isArray(v)) return v.map(deepUnescape);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [unescapeTf(k), deepUnescape(x)]));
  return v;
}

/** The declared settings of a converge resource: `terraform_data` holds them as an object, `null_resource` as JSON text. */
function settingsOf(converge: any): Record<string, unknown> | undefined {
  const raw = converge?.triggers_replace?.settings ?? converge?.triggers?.settings;
  if (raw && typeof raw === 'object') return deepUnescape(raw) as Record<string, unknown>;
  if (typeof raw !== 'string' || isExpression(raw)) return undefined;
  try {
    return deepUnescape(JSON.parse(unescapeTf(raw))) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The hosts of one synthesized stack (`cdk.tf.json`), from its `before` prune resources (terraform_data or null_resource). */
export function stackHosts(stack: string, json: any): StackHost[] {
  const hosts: StackHost[] = [];
  for (const type of ['terraform_data', 'null_resource']) {
    const resources: Record<string, any> = json?.resource?.[type] ?? {};
    for (const [id, r] of Object.entries(resources)) {
      const env = r.provisioner?.[0]?.['local-exec']?.environment ?? {};
      if (!env[PRUNE_ENV.manifest] || !env[PRUNE_ENV.read]) continue;
      const manifest = JSON.parse(unescapeTf(env[PRUNE_ENV.manifest])) as PruneManifest;
      if (manifest.phase !== 'before') continue;
      const objects = (JSON.parse(unescapeTf(env[PRUNE_ENV.objects] ?? '[]')) as DeclaredObject[])
        .map((o) => ({ ...o, settings: settingsOf(resources[o.converge.slice(type.length + 1)]) }));
      hosts.push({
        stack, runner: unescapeTf(env[PRUNE_ENV.host]), readScript: unescapeTf(env[PRUNE_ENV.read]), manifest,
        prune: `${type}.${id}`, objects,
      });
    }
  }
  return hosts;
}

const LXD_OWN = /^(volatile|image)\./;
const BOOKKEEPING = new Set([OWNERSHIP_KEYS.managedKeys, OWNERSHIP_KEYS.managedDevices]);
const show = (v: unknown) => (v === undefined ? 'unset' : JSON.stringify(v));

/** Differences of a config map: declared keys that differ, and (when `extras`) keys nobody declared. */
function configDiff(label: string, declared: Record<string, unknown>, actual: Record<string, string>, o: { extras: boolean; skip?: (k: string, v: unknown) => boolean }): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(declared)) {
    if (isExpression(v) || o.skip?.(k, v)) continue;
    if (actual[k] !== v) out.push(`${label} ${k} is ${show(actual[k])}, declared ${show(v)}`);
  }
  if (o.extras) {
    for (const k of Object.keys(actual).sort()) {
      if (!(k in declared) && !LXD_OWN.test(k) && !BOOKKEEPING.has(k)) out.push(`extra ${label} ${k} = ${show(actual[k])}`);
    }
  }
  return out;
}

function devicesDiff(declared: Record<string, Record<string, string>>, actual: Record<string, Record<string, string>>, extras: boolean): string[] {
  const out: string[] = [];
  for (const [name, d] of Object.entries(declared)) {
    if (!actual[name]) out.push(`device ${name} is missing`);
    else out.push(...configDiff(`device ${name}:`, d, actual[name], { extras: true }).map((x) => x.replace(/^extra device (\S+): /, 'device $1 has extra key ')));
  }
  if (extras) for (const name of Object.keys(actual).sort()) if (!declared[name]) out.push(`extra device ${name}`);
  return out;
}

/** How a declared object differs from what the host has ([] when in sync). */
export function objectDifferences(o: DeclaredObject, found: InventoryObject): string[] {
  const s = o.settings ?? {};
  const raw = found.raw as Record<string, any>;
  const out: string[] = [];
  if (typeof s.description === 'string' && (raw.description ?? '') !== s.description) {
    out.push(`description is ${show(raw.description ?? '')}, declared ${show(s.description)}`);
  }
  const config = (s.config ?? {}) as Record<string, unknown>;
  const devices = (s.devices ?? {}) as Record<string, Record<string, string>>;
  switch (o.kind) {
    case 'instance':
      out.push(...configDiff('config', config, raw.config ?? {}, { extras: true }));
      out.push(...devicesDiff(devices, raw.devices ?? {}, true));
      if (Array.isArray(s.profiles) && JSON.stringify(s.profiles) !== JSON.stringify(raw.profiles ?? [])) {
        out.push(`profiles are ${show(raw.profiles ?? [])}, declared ${show(s.profiles)}`);
      }
      if (typeof s.state === 'string' && String(raw.status ?? '').toLowerCase() !== s.state) {
        out.push(`state is ${String(raw.status ?? 'unknown').toLowerCase()}, declared ${s.state}`);
      }
      break;
    case 'profile': {
      const own = o.name !== 'default';
      out.push(...configDiff('config', config, raw.config ?? {}, { extras: own }));
      out.push(...devicesDiff(devices, raw.devices ?? {}, own));
      break;
    }
    case 'network':
      // `auto` addresses are LXD's to pick.
      out.push(...configDiff('config', config, raw.config ?? {}, { extras: false, skip: (_k, v) => v === 'auto' }));
      break;
    case 'pool':
      out.push(...configDiff('config', config, raw.config ?? {}, { extras: false, skip: (k) => POOL_CREATE_ONLY_KEYS.includes(k) }));
      break;
    case 'image':
      out.push(...configDiff('property', (s.properties ?? {}) as Record<string, unknown>, raw.properties ?? {}, { extras: false }));
      break;
    case 'record':
      break;
  }
  return out;
}

/** Finds a declared object in the inventory (images by alias). */
function find(inv: Inventory, o: DeclaredObject): InventoryObject | undefined {
  return inv.objects.find((x) => x.kind === o.kind && (x.name === o.name || x.aliases.includes(o.name)));
}

/** Every drifted object of one host. */
export function hostDrift(host: StackHost, inv: Inventory): ObjectDrift[] {
  const drift: ObjectDrift[] = [];
  for (const o of host.objects) {
    if (o.kind !== 'record' && !inv.lxd) {
      drift.push({ kind: o.kind, name: o.name, path: o.path, status: 'missing', differences: ['the host has no reachable LXD'], repair: o.converge });
      continue;
    }
    const found = find(inv, o);
    if (!found) {
      drift.push({ kind: o.kind, name: o.name, path: o.path, status: 'missing', differences: [`${o.kind} ${o.name} does not exist`], repair: o.converge });
      continue;
    }
    const differences = objectDifferences(o, found);
    if (differences.length) drift.push({ kind: o.kind, name: o.name, path: o.path, status: 'changed', differences, repair: o.converge });
  }
  for (const c of pruneCandidates(inv, host.manifest)) {
    drift.push({
      kind: c.kind, name: c.kind === 'image' && c.aliases.length ? c.aliases[0] : c.name, path: c.path, status: 'undeclared',
      differences: [`owned by ${host.manifest.owner} but no longer declared${c.protect ? ' (protected: a deploy will refuse to delete it)' : ''}`],
      repair: host.prune,
    });
  }
  return drift;
}

/** One line per difference, for people. */
export function formatDrift(stack: string, runner: string, drift: readonly ObjectDrift[]): string[] {
  if (!drift.length) return [`${stack}: in sync on ${runner}`];
  const lines = [`${stack}: ${drift.length} object(s) drifted on ${runner}`];
  for (const d of drift) {
    lines.push(`  ${d.kind} ${d.name}${d.path ? ` (${d.path})` : ''}: ${d.status}`);
    for (const x of d.differences) lines.push(`    - ${x}`);
  }
  return lines;
}
