import { DeclaredObject, identityHash, LabManifest, UnitManifest } from './manifest';
import { LifecycleKind, parseInventory, planPrune, PruneManifest } from './prune-plan';
import { readScript } from './scripts';

/**
 * The lifecycle steps `terraform apply` runs where Terraform runs (`node <this module> …` in the
 * stack's directory): the prunes of a daemon, and the destroy step of an object. Each reads the
 * stack's lab manifest; this module decides, and `LifecycleIo` does the reading and running.
 */

/** How the steps reach the outside world (the real one is in ./program-main.ts; tests pass their own). */
export interface LifecycleIo {
  /** Runs `script` on stdin of the local command line `runner`. */
  run(runner: string, script: string): { readonly status: number; readonly stdout: string; readonly stderr: string };
  /** Reads and removes the marker `before` left for `after` ('' when there is none). */
  takeMarker(name: string): string;
  writeMarker(name: string, text: string): void;
  /** Progress and errors, for the apply's log. */
  log(line: string): void;
  /** Notes, on the deploying machine, that stack `owner` has objects where `unit` reads (see hostsDir). */
  rememberHost(owner: string, unit: UnitManifest): void;
}

/** A step that must fail the apply: nothing was changed by it (or what was is said). */
export class LifecycleError extends Error {}

/** The unit `key` of the manifest, checked against the hash its prune resource carries. */
export function unitOf(m: LabManifest, key: string, hash: string): UnitManifest {
  const unit = m.units.find((u) => u.key === key);
  if (!unit || unit.hash !== hash) {
    throw new LifecycleError(
      `the lab manifest of stack ${m.stack} does not match this plan for ${unit?.label ?? key} ` +
        '(cdktf.out was synthesized again since): nothing is pruned. Synthesize and plan again (cdktf deploy does both).',
    );
  }
  return unit;
}

/** What leaves `unit`'s daemon for another one in this stack (see PruneManifest.moving). */
export function movingFrom(m: LabManifest, unit: UnitManifest): PruneManifest['moving'] {
  const others = m.units.filter((u) => u !== unit).flatMap((u) => u.objects);
  const names: Partial<Record<LifecycleKind, string[]>> = {};
  for (const o of m.units.flatMap((u) => u.objects)) {
    if (o.source?.daemon === unit.key) (names[o.kind] ??= []).push(o.source.name);
  }
  return { paths: others.map((o) => o.path), names };
}

/** The input of the prune planner for `unit` in `phase`. */
export function pruneManifestOf(m: LabManifest, unit: UnitManifest, phase: 'before' | 'after'): PruneManifest {
  return {
    owner: m.owner,
    phase,
    client: unit.daemon?.client ?? 'lxc',
    recordsDir: unit.recordsDir,
    keys: m.keys,
    declared: unit.declared,
    elsewhere: unit.elsewhere,
    moving: movingFrom(m, unit),
  };
}

/** Reads what `unit` covers (one call), failing with the transport's error. */
export function readUnit(unit: UnitManifest, io: LifecycleIo): string {
  const r = io.run(
    unit.runner,
    readScript({
      client: unit.daemon?.client,
      required: unit.daemon?.required,
      recordsDirs: unit.recordsDir ? [unit.recordsDir] : [],
    }),
  );
  if (r.status !== 0) {
    throw new LifecycleError(`cannot read ${unit.label} (exit ${r.status}): ${r.stderr.trim() || 'no error output'}`);
  }
  return r.stdout;
}

/** The marker file of a unit's prunes, in the stack's directory. */
export function markerName(key: string): string {
  return `.cdktf-lab-prune-${key.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/**
 * The run file of a unit's prune in `phase`, in the stack's directory. Terraform records a
 * `terraform_data` in its state before the command of its local-exec runs, and may write that record
 * to disk while the command runs: an apply killed then leaves a prune recorded as done that did not
 * finish. So the prune resource's `triggers_replace` carries the run file's content as the plan read
 * it ('' when absent), and a prune writes a fresh `running …` line there first and, once done, the
 * value its plan recorded (`recorded`): after a finished prune the next plan reads what it recorded
 * (no change), after a killed one it reads the `running` line, and the prune runs again.
 */
export function runFileName(key: string, phase: 'before' | 'after'): string {
  return `${markerName(key)}.${phase}-run`;
}

/**
 * One prune (see {@link runFileName} for `recorded`, the run file's content when it was planned):
 * reads the daemon (and records) once, plans, and deletes what the stack owns there but no longer
 * declares. `after` reads again only when `before` deferred something.
 */
export function prune(
  m: LabManifest,
  key: string,
  hash: string,
  phase: 'before' | 'after',
  io: LifecycleIo,
  recorded = '',
): void {
  const run = runFileName(key, phase);
  io.writeMarker(run, `running ${phase} ${hash} ${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  prunePhase(m, key, hash, phase, io);
  if (recorded) io.writeMarker(run, recorded);
  else io.takeMarker(run);
}

function prunePhase(m: LabManifest, key: string, hash: string, phase: 'before' | 'after', io: LifecycleIo): void {
  const unit = unitOf(m, key, hash);
  const marker = markerName(key);
  const nothingDeferred = `nothing deferred for ${hash}`;
  if (phase === 'after' && io.takeMarker(marker) === nothingDeferred) return;
  // Remembered before the read: a host later removed from the app can still be found (drift --removed-hosts).
  if (phase === 'before') io.rememberHost(m.owner, unit);
  const plan = planPrune(parseInventory(readUnit(unit, io), m.keys), pruneManifestOf(m, unit, phase));
  if (phase === 'before')
    io.writeMarker(marker, plan.deferred.length || plan.errors.length ? 'deferred' : nothingDeferred);
  if (plan.errors.length) {
    throw new LifecycleError(
      `the prune of stack ${m.owner} on ${unit.label} stopped; nothing was deleted:\n${plan.errors.map((e) => `  - ${e}`).join('\n')}`,
    );
  }
  if (!plan.script) return;
  const r = io.run(unit.runner, plan.script);
  if (r.stderr.trim()) io.log(r.stderr.trim());
  if (r.status !== 0)
    throw new LifecycleError(`the prune of stack ${m.owner} on ${unit.label} failed (exit ${r.status})`);
}

/** What the destroy step of an object does. */
export type DestroyAction = 'delete' | 'keep' | 'refuse';

/** The object's own record in the manifest (by construct path and kind), or undefined. */
export function declaredAt(m: LabManifest, path: string, kind: string): DeclaredObject | undefined {
  return m.units.flatMap((u) => u.objects).find((o) => o.path === path && o.kind === kind);
}

/**
 * Decides what the destroy step of an object does, given the identity it had (`old`, from the
 * state) and the one the app declares now. Terraform runs it when the object is destroyed or
 * replaced:
 * - identity unchanged (a destroy, or `-replace`), or changed on the same daemon (image, name...):
 *   delete, unless protected;
 * - moved to another daemon: keep it; the old daemon's `after` prune deletes it once the new one
 *   has converged (or finds it gone, moved by `migrateFrom`); a protected object refuses;
 * - the same object under an identity of an older release (no daemon in it): keep.
 */
export function destroyDecision(
  old: Record<string, unknown>,
  now: DeclaredObject,
  protect: boolean,
): { action: DestroyAction; reason: string } {
  const what = `${now.kind} ${now.name} (${now.path})`;
  if (old.daemon !== undefined && old.daemon !== now.identity.daemon) {
    return protect
      ? {
          action: 'refuse',
          reason: `${what} is protected and would move from ${old.daemon} to ${now.identity.daemon}: nothing was changed. To move it, set protect: false and deploy, then move it`,
        }
      : {
          action: 'keep',
          reason: `${what} moves from ${old.daemon} to ${now.identity.daemon}: the old one is kept until the new one has converged, then pruned`,
        };
  }
  if (old.daemon === undefined && identityHash(old) === now.identity.hash) {
    return { action: 'keep', reason: `${what}: the same object, its identity now names its daemon` };
  }
  return protect
    ? {
        action: 'refuse',
        reason: `${what} is protected: it is not deleted. To delete or replace it, set protect: false and deploy first`,
      }
    : { action: 'delete', reason: `deleting ${what}` };
}

/** The environment variables of an object's destroy step (see {@link DestroyStep}). */
export const DESTROY_ENV = {
  path: 'CDKTF_LAB_PATH',
  kind: 'CDKTF_LAB_KIND',
  identity: 'CDKTF_LAB_IDENTITY',
  protect: 'CDKTF_LAB_PROTECT',
  runner: 'CDKTF_LAB_RUNNER',
  script: 'CDKTF_LAB_SCRIPT',
} as const;

/** The environment of an object's destroy step. */
export interface DestroyStep {
  /** The object's construct path. */
  readonly path: string;
  readonly kind: string;
  /** Its identity as the state holds it (JSON). */
  readonly identity: string;
  readonly protect: boolean;
  /** Where it lives (the runner it was created through). */
  readonly runner: string;
  /** Its destroy script. */
  readonly script: string;
}

/** An object's destroy step: decides, then deletes through the runner it was created with. */
export function destroy(m: LabManifest, step: DestroyStep, io: LifecycleIo): void {
  const now = declaredAt(m, step.path, step.kind);
  if (!now) {
    throw new LifecycleError(
      `the lab manifest of stack ${m.stack} does not declare ${step.kind} ${step.path}, which Terraform is destroying ` +
        '(cdktf.out was synthesized from another version of the app): nothing was deleted. Synthesize and plan again.',
    );
  }
  const decision = destroyDecision(JSON.parse(step.identity) as Record<string, unknown>, now, step.protect);
  io.log(`cdktf-lxd-matchbox: ${decision.reason}`);
  if (decision.action === 'refuse') throw new LifecycleError(decision.reason);
  if (decision.action === 'keep' || step.script === '') return;
  const r = io.run(step.runner, step.script);
  if (r.stderr.trim()) io.log(r.stderr.trim());
  if (r.status !== 0) throw new LifecycleError(`deleting ${step.kind} ${step.path} failed (exit ${r.status})`);
}
