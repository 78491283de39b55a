import { POOL_CREATE_ONLY_KEYS } from '../lxd/model';
import { DeclaredObject, LabManifest, UnitManifest } from './manifest';
import { pruneManifestOf } from './program';
import { Inventory, InventoryObject, LifecycleKind, pruneCandidates } from './prune-plan';
import { OWNERSHIP_KEYS, ReadSpec } from './scripts';

/**
 * Drift: what each daemon holds against what the synthesized stacks' lab manifests declare. Pure:
 * the command in bin/ reads the files and runs one read per daemon (see {@link readPlan}).
 */

/** How one object differs. */
export interface ObjectDrift {
  readonly kind: LifecycleKind;
  readonly name: string;
  readonly path?: string;
  /** `missing`: declared, not on the host; `changed`: differs; `undeclared`: owned, no longer declared. */
  readonly status: 'missing' | 'changed' | 'undeclared';
  readonly differences: string[];
  /** What re-converges it (a converge resource), or prunes it (the unit's `before` prune). */
  readonly repair: string;
}

/** One read of a run: a daemon (or record store) and every stack's unit there. */
export interface Read {
  readonly key: string;
  readonly label: string;
  /** The command line the read goes through (the first stack's). */
  readonly runner: string;
  readonly spec: ReadSpec;
  /** The units it answers for, with their stack's manifest. */
  readonly units: { readonly manifest: LabManifest; readonly unit: UnitManifest }[];
}

/** The reads of a run: one per daemon or record store, whatever the number of stacks on it. */
export function readPlan(manifests: readonly LabManifest[]): Read[] {
  const reads = new Map<
    string,
    {
      key: string;
      label: string;
      runner: string;
      client?: string;
      required: boolean;
      dirs: Set<string>;
      units: Read['units'][number][];
    }
  >();
  for (const manifest of manifests) {
    for (const unit of manifest.units) {
      let r = reads.get(unit.key);
      if (!r)
        reads.set(
          unit.key,
          (r = { key: unit.key, label: unit.label, runner: unit.runner, required: false, dirs: new Set(), units: [] }),
        );
      if (unit.daemon) {
        r.client = unit.daemon.client;
        r.required ||= unit.daemon.required;
      }
      if (unit.recordsDir) r.dirs.add(unit.recordsDir);
      r.units.push({ manifest, unit });
    }
  }
  return [...reads.values()].map((r) => ({
    key: r.key,
    label: r.label,
    runner: r.runner,
    units: r.units,
    spec: { client: r.client, required: r.required, recordsDirs: [...r.dirs] },
  }));
}

/** True when a value holds a Terraform expression: known only at apply (see the manifest's `${…}`). */
function isExpression(v: unknown): boolean {
  return typeof v === 'string' && /(^|[^$])\$\{/.test(v);
}

const LXD_OWN = /^(volatile|image)\./;
const BOOKKEEPING = new Set([OWNERSHIP_KEYS.managedKeys, OWNERSHIP_KEYS.managedDevices]);
const show = (v: unknown) => (v === undefined ? 'unset' : JSON.stringify(v));

/** Differences of a config map: declared keys that differ, and (when `extras`) keys nobody declared. */
function configDiff(
  label: string,
  declared: Record<string, unknown>,
  actual: Record<string, string>,
  o: { extras: boolean; skip?: (k: string, v: unknown) => boolean },
): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(declared)) {
    if (isExpression(v) || o.skip?.(k, v)) continue;
    if (actual[k] !== v) out.push(`${label} ${k} is ${show(actual[k])}, declared ${show(v)}`);
  }
  if (o.extras) {
    for (const k of Object.keys(actual).sort()) {
      if (!(k in declared) && !LXD_OWN.test(k) && !BOOKKEEPING.has(k))
        out.push(`extra ${label} ${k} = ${show(actual[k])}`);
    }
  }
  return out;
}

function devicesDiff(
  declared: Record<string, Record<string, string>>,
  actual: Record<string, Record<string, string>>,
  extras: boolean,
): string[] {
  const out: string[] = [];
  for (const [name, d] of Object.entries(declared)) {
    if (!actual[name]) out.push(`device ${name} is missing`);
    else
      out.push(
        ...configDiff(`device ${name}:`, d, actual[name], { extras: true }).map((x) =>
          x.replace(/^extra device (\S+): /, 'device $1 has extra key '),
        ),
      );
  }
  if (extras) for (const name of Object.keys(actual).sort()) if (!declared[name]) out.push(`extra device ${name}`);
  return out;
}

/** How a declared object differs from what the host has ([] when in sync; [] too when its settings are not in the manifest). */
export function objectDifferences(o: DeclaredObject, found: InventoryObject): string[] {
  if (!o.settings) return [];
  const s = o.settings;
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
      if (typeof s.target === 'string' && raw.location !== undefined && raw.location !== s.target) {
        out.push(`it is on member ${show(raw.location)}, declared ${show(s.target)}`);
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
      out.push(
        ...configDiff('config', config, raw.config ?? {}, {
          extras: false,
          skip: (k) => POOL_CREATE_ONLY_KEYS.includes(k),
        }),
      );
      break;
    case 'image':
      out.push(
        ...configDiff('property', (s.properties ?? {}) as Record<string, unknown>, raw.properties ?? {}, {
          extras: false,
        }),
      );
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

/** Every drifted object of one stack's unit, given the read of its daemon. */
export function unitDrift(m: LabManifest, unit: UnitManifest, inv: Inventory): ObjectDrift[] {
  const drift: ObjectDrift[] = [];
  for (const o of unit.objects) {
    const found = o.kind === 'record' || inv.lxd ? find(inv, o) : undefined;
    if (!found) {
      const why =
        o.kind !== 'record' && !inv.lxd
          ? `${unit.label} has no ${unit.daemon?.client ?? 'lxc'} daemon`
          : `${o.kind} ${o.name} does not exist`;
      drift.push({
        kind: o.kind,
        name: o.name,
        path: o.path,
        status: 'missing',
        differences: [why],
        repair: o.converge,
      });
      continue;
    }
    const differences = objectDifferences(o, found);
    if (differences.length)
      drift.push({ kind: o.kind, name: o.name, path: o.path, status: 'changed', differences, repair: o.converge });
  }
  for (const c of pruneCandidates(inv, pruneManifestOf(m, unit, 'before'))) {
    drift.push({
      kind: c.kind,
      name: c.kind === 'image' && c.aliases.length ? c.aliases[0] : c.name,
      path: c.path,
      status: 'undeclared',
      differences: [
        `owned by ${m.owner} but no longer declared${c.protect ? ' (protected: a deploy will refuse to delete it)' : ''}`,
      ],
      repair: unit.prune.before,
    });
  }
  return drift;
}

/** One line per difference, for people. */
export function formatDrift(stack: string, label: string, drift: readonly ObjectDrift[]): string[] {
  if (!drift.length) return [`${stack}: in sync on ${label}`];
  const lines = [`${stack}: ${drift.length} object(s) drifted on ${label}`];
  for (const d of drift) {
    lines.push(`  ${d.kind} ${d.name}${d.path ? ` (${d.path})` : ''}: ${d.status}`);
    for (const x of d.differences) lines.push(`    - ${x}`);
  }
  return lines;
}
