/**
 * The invariants the lifecycle soak (../lifecycle-model.test.ts) checks after every step, as named
 * pure functions of what the model declares and what the daemons held before and after the step.
 * Each returns the problems it found ([] when it holds).
 */
import { AppModel, DaemonKey, HandMadeSpec, Step } from './model';

/** An instance as a daemon showed it (`/1.0/instances?recursion=1`), with the marker file read from its root. */
export interface SeenInstance {
  readonly daemon: DaemonKey;
  readonly name: string;
  /** Cluster member (cluster only). */
  readonly location?: string;
  readonly status: string;
  readonly config: Readonly<Record<string, string>>;
  readonly devices: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly profiles: readonly string[];
  readonly description: string;
  /** The marker file's content; undefined when there is none. */
  readonly marker?: string;
}

/** A profile as a daemon showed it. */
export interface SeenProfile {
  readonly daemon: DaemonKey;
  readonly name: string;
  readonly config: Readonly<Record<string, string>>;
  readonly devices: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly description: string;
}

/** What the three daemons held at one moment. */
export interface Observation {
  readonly instances: readonly SeenInstance[];
  readonly profiles: readonly SeenProfile[];
}

/** The stack's owner id, as written on its objects. */
export const OWNER = 'soak';
const OWNER_KEY = 'user.cdktf.owner';

const findInstance = (o: Observation, daemon: DaemonKey, name: string) =>
  o.instances.find((i) => i.daemon === daemon && i.name === name);
const findProfile = (o: Observation, daemon: DaemonKey, name: string) =>
  o.profiles.find((p) => p.daemon === daemon && p.name === name);

/** The parts of an object that nobody but its maker may change (LXD's own volatile keys aside). */
export function stableView(x: SeenInstance | SeenProfile): Record<string, unknown> {
  const config = Object.fromEntries(
    Object.entries(x.config)
      .filter(([k]) => !k.startsWith('volatile.'))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const base = { config, devices: x.devices, description: x.description };
  if (!('status' in x)) return base;
  return { ...base, status: x.status, location: x.location, profiles: x.profiles, marker: x.marker };
}

/** Declared containers and profiles exist on their daemon (and member), owned by the stack, with their declared settings. */
export function declaredObjectsExist(app: AppModel, after: Observation): string[] {
  const problems: string[] = [];
  for (const c of app.containers) {
    const i = findInstance(after, c.daemon, c.name);
    const where = `container ${c.name} on ${c.daemon}`;
    if (!i) {
      problems.push(`${where} is missing`);
      continue;
    }
    const want: Record<string, string | undefined> = {
      [OWNER_KEY]: OWNER,
      'limits.cpu': String(c.cpu),
      'security.nesting': c.nesting ? 'true' : undefined,
      'user.note': c.note,
      'user.cdktf.protect': c.protect ? 'true' : undefined,
    };
    for (const [k, v] of Object.entries(want))
      if (i.config[k] !== v) problems.push(`${where}: config ${k} is ${show(i.config[k])}, declared ${show(v)}`);
    const status = c.state === 'running' ? 'Running' : 'Stopped';
    if (i.status !== status) problems.push(`${where}: status ${i.status}, declared ${status}`);
    if (c.member && i.location !== c.member)
      problems.push(`${where}: on member ${show(i.location)}, declared target ${c.member}`);
    if (!i.devices.root) problems.push(`${where}: no root disk device`);
    const extra = Object.keys(i.devices).filter((d) => d !== 'root');
    if (extra.length) problems.push(`${where}: devices not declared: ${extra.join(', ')}`);
    const undeclared = Object.keys(i.config).filter(
      (k) => !k.startsWith('volatile.') && !k.startsWith('image.') && !k.startsWith('user.cdktf.') && !(k in want),
    );
    if (undeclared.length) problems.push(`${where}: config keys not declared: ${undeclared.join(', ')}`);
  }
  for (const p of app.profiles) {
    const seen = findProfile(after, p.daemon, p.name);
    const where = `profile ${p.name} on ${p.daemon}`;
    if (!seen) {
      problems.push(`${where} is missing`);
      continue;
    }
    if (seen.config[OWNER_KEY] !== OWNER)
      problems.push(`${where}: owner ${show(seen.config[OWNER_KEY])}, want ${OWNER}`);
    if (seen.config['user.note'] !== p.note)
      problems.push(`${where}: user.note is ${show(seen.config['user.note'])}, declared ${p.note}`);
  }
  return problems;
}

/** Nothing the stack owns is left undeclared: every object labelled with its owner is declared there. */
export function nothingUndeclaredOwned(app: AppModel, after: Observation): string[] {
  const problems: string[] = [];
  for (const i of after.instances.filter((x) => x.config[OWNER_KEY] === OWNER)) {
    if (!app.containers.some((c) => c.daemon === i.daemon && c.name === i.name))
      problems.push(`container ${i.name} on ${i.daemon} is owned by ${OWNER} but not declared there (leaked)`);
  }
  for (const p of after.profiles.filter((x) => x.config[OWNER_KEY] === OWNER)) {
    if (!app.profiles.some((d) => d.daemon === p.daemon && d.name === p.name))
      problems.push(`profile ${p.name} on ${p.daemon} is owned by ${OWNER} but not declared there (leaked)`);
  }
  return problems;
}

/** A hand-made object, as it was right after it was made. */
export interface HandMadeRecord {
  readonly spec: HandMadeSpec;
  readonly view: Record<string, unknown>;
}

/** Hand-made objects (not taken over with `adopt`) are exactly as they were made: config, devices, state, marker. */
export function handMadeUntouched(handMade: readonly HandMadeRecord[], after: Observation): string[] {
  const problems: string[] = [];
  for (const h of handMade) {
    const seen =
      h.spec.kind === 'instance'
        ? findInstance(after, h.spec.daemon, h.spec.name)
        : findProfile(after, h.spec.daemon, h.spec.name);
    const where = `hand-made ${h.spec.kind} ${h.spec.name} on ${h.spec.daemon}`;
    if (!seen) {
      problems.push(`${where} is gone`);
      continue;
    }
    const now = stableView(seen);
    if (JSON.stringify(now) !== JSON.stringify(h.view))
      problems.push(`${where} was changed:\n    was ${JSON.stringify(h.view)}\n    now ${JSON.stringify(now)}`);
  }
  return problems;
}

/** What the plan of a step said about containers: uids whose `object` resource it deletes or replaces. */
export type PlannedReplacements = ReadonlySet<number>;

/**
 * The marker written inside each container survives, unless the step replaced that container (a
 * rename, a move to another daemon without `migrateFrom`) and the plan said so. `expected` is each
 * container's marker (by uid) before the step; returns the problems and the uids whose marker is
 * gone (legitimately: a new one is written).
 */
export function markersSurvive(
  before: AppModel,
  app: AppModel,
  after: Observation,
  expected: ReadonlyMap<number, string>,
  mayLose: ReadonlySet<number>,
  planned: PlannedReplacements,
): { problems: string[]; lost: number[] } {
  const problems: string[] = [];
  const lost: number[] = [];
  for (const c of app.containers) {
    const was = before.containers.find((x) => x.uid === c.uid);
    const marker = expected.get(c.uid);
    if (!was || marker === undefined) continue;
    const i = findInstance(after, c.daemon, c.name);
    if (i?.marker === marker) continue;
    const what = `container ${was.name} (${was.daemon}) -> ${c.name} (${c.daemon})`;
    if (!mayLose.has(c.uid))
      problems.push(
        `${what}: its marker is ${i ? show(i.marker) : 'gone with it'}, want ${marker}: data lost by a change that must keep it`,
      );
    else if (!planned.has(c.uid))
      problems.push(
        `${what}: its marker is ${i ? show(i.marker) : 'gone with it'}, but the plan did not say it would be replaced`,
      );
    else lost.push(c.uid);
  }
  return { problems, lost };
}

/** A failed apply deleted nothing: every object there before (declared or hand-made) is still there, its marker intact. */
export function failedApplyDeletedNothing(before: Observation, after: Observation): string[] {
  const problems: string[] = [];
  for (const i of before.instances) {
    const now = findInstance(after, i.daemon, i.name);
    if (!now) problems.push(`container ${i.name} on ${i.daemon} was deleted by a failed apply`);
    else if (now.marker !== i.marker)
      problems.push(
        `container ${i.name} on ${i.daemon}: marker ${show(i.marker)} became ${show(now.marker)} in a failed apply`,
      );
  }
  for (const p of before.profiles) {
    if (!findProfile(after, p.daemon, p.name))
      problems.push(`profile ${p.name} on ${p.daemon} was deleted by a failed apply`);
  }
  return problems;
}

/** The apply ended as the step expects (and a failure says why, as the step expects). */
export function outcomeAsExpected(step: Step, code: number, output: string): string[] {
  if (step.expect.ok) return code === 0 ? [] : [`the apply failed (exit ${code}), it must succeed:\n${tail(output)}`];
  if (code === 0)
    return [
      `the apply succeeded, it must fail${step.expect.message ? ` with ${step.expect.message}` : ''}:\n${tail(output, 60)}`,
    ];
  if (step.expect.message && !step.expect.message.test(output))
    return [`the apply failed without ${step.expect.message}:\n${tail(output)}`];
  return [];
}

/** The uids of `before`'s containers whose object resource the plan deletes or replaces. */
export function plannedReplacements(
  before: AppModel,
  resourceChanges: readonly { address: string; actions: readonly string[] }[],
): Set<number> {
  const out = new Set<number>();
  for (const c of before.containers) {
    const re = new RegExp(`^terraform_data\\.${c.id}_instance_object_[0-9A-F]+$`);
    if (resourceChanges.some((r) => re.test(r.address) && r.actions.includes('delete'))) out.add(c.uid);
  }
  return out;
}

function show(v: unknown): string {
  return v === undefined ? 'unset' : JSON.stringify(v);
}

function tail(text: string, lines = 25): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
