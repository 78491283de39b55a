import * as fs from 'fs';
import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import { App, Aspects, IStackSynthesizer, ITerraformDependable, TerraformResource, TerraformStack, Token } from './cdk';
import { Identity, machineOf, recordStoreOf } from '../../src/hosts/daemon-identity';
import { HostRunner, runnerCommand } from '../../src/hosts/runner';
import { backendSpec } from '../../src/lxd/backend';
import {
  DeclaredObject,
  declarationsHash,
  identityHash,
  LabManifest,
  MANIFEST_FILE,
  NamesByKind,
  UnitManifest,
} from '../../src/lifecycle/manifest';
import { LifecycleKind } from '../../src/lifecycle/prune-plan';
import { runFileName } from '../../src/lifecycle/program';
import { programFile } from '../../src/lifecycle/program-path';
import { OWNERSHIP_KEYS, recordsDir } from '../../src/lifecycle/scripts';
import { shq } from '../../src/shell/quote';
import { slug } from '../../src/util/names';
import { commandResource } from './command-resource';
import { localDependables } from './cross-stack';
import { DaemonHost, daemonOf, recordStoreOfHost } from './daemons';
import { labFacts } from './lab-facts';
import { ownerOf, settingsOf } from './stack-settings';
import { dependableToken, once, tfLiteral } from './terraform-values';

/**
 * The lifecycle of the objects the app declares: one pair of prunes per stack and daemon (or
 * record store), and the stack's lab manifest. Objects and hosts register while the app is built;
 * the prunes are made once the app is complete (a cluster declared after its members makes them
 * one daemon), and objects wait for their daemon's `before` prune through a lazy reference.
 */

/**
 * How an object is found on its host: an LXD object by kind and name, or (`record`) any other
 * object by the record file its converge writes.
 */
export type ObjectLifecycle =
  | { readonly kind: Exclude<LifecycleKind, 'record'>; readonly name: string }
  | {
      readonly kind: 'record';
      /** e.g. `multipass-vm`, `matchbox-group`. */
      readonly recordKind: string;
      /** Unique on the host for that kind. */
      readonly name: string;
      /** Deletion order among records (lower first). @default 0 */
      readonly order?: number;
    };

/** An object whose lifecycle the app tracks. */
export interface TrackedObject {
  readonly lifecycle: ObjectLifecycle;
  /** The host it lives on; undefined: a record on the deploying machine (a multipass VM). */
  readonly host?: DaemonHost;
  /** The construct that declares it. */
  readonly path: string;
  readonly converged: TerraformResource;
  readonly protect: boolean;
  /** Its identity (without its daemon) and the settings drift may compare, read once at synth. */
  readonly state: () => { readonly identity: Record<string, unknown>; readonly settings?: Record<string, unknown> };
  /** Where it is taken from when missing (`migrateFrom`). @default - nowhere */
  readonly source?: { readonly host: DaemonHost; readonly name: string };
}

/** The deploying machine, for records of objects that live there. */
const LOCAL: HostRunner = { kind: 'local', sudo: false };

interface Registered {
  readonly stack: TerraformStack;
  readonly object: TrackedObject;
}

interface AppLifecycle {
  readonly objects: Registered[];
  readonly hosts: { readonly stack: TerraformStack; readonly host: DaemonHost }[];
  readonly stacks: Set<TerraformStack>;
  /** Stacks that prune their records on the deploying machine (their VMs) even when they declare none. */
  readonly deploying: Set<TerraformStack>;
  built: boolean;
  /** By stack, once built. */
  readonly units: Map<TerraformStack, Unit[]>;
  /** The unit of each object, once built. */
  readonly unitOf: Map<TrackedObject, Unit>;
  /** The `before` a stack's objects on one host wait for (by host, records apart): they share a unit. */
  readonly befores: Map<TerraformStack, Map<string, ITerraformDependable>>;
}

const APPS = new WeakMap<IConstruct, AppLifecycle>();

function appOf(c: IConstruct): AppLifecycle {
  const root = c.node.root;
  let app = APPS.get(root);
  if (!app)
    APPS.set(
      root,
      (app = {
        objects: [],
        hosts: [],
        stacks: new Set(),
        deploying: new Set(),
        built: false,
        units: new Map(),
        unitOf: new Map(),
        befores: new Map(),
      }),
    );
  return app;
}

/** Makes the app's prunes before any stack is resolved (for stacks that are not LabStacks, at their first synth). */
function watch(stack: TerraformStack): void {
  const app = appOf(stack);
  if (app.stacks.has(stack)) return;
  app.stacks.add(stack);
  Aspects.of(stack).add({ visit: () => buildLifecycles(stack) });
}

/** The home key of an object: its daemon's id, or for a record the store it is written to. */
function homeOf(o: TrackedObject): Identity {
  if (o.lifecycle.kind !== 'record') return daemonOf(o.host!);
  return o.host ? recordStoreOfHost(o.host) : recordStoreOf(LOCAL, machineOf(LOCAL));
}

/**
 * Registers an object. It waits for the returned `before` (its daemon's prune); `home()` is the key
 * its identity names (which daemon, or record store, it lives in).
 */
export function trackObject(
  scope: IConstruct,
  object: TrackedObject,
): { readonly before: ITerraformDependable; home(): string } {
  const stack = TerraformStack.of(scope);
  const app = appOf(scope);
  app.objects.push({ stack, object });
  watch(stack);
  // One dependable per stack and host: cdktf turns each into a token with a full stack trace. Its unit is found in O(1).
  const byHost = app.befores.get(stack) ?? new Map<string, ITerraformDependable>();
  app.befores.set(stack, byHost);
  const key = `${object.lifecycle.kind === 'record' ? 'record' : 'daemon'} ${object.host?.node.path ?? ''}`;
  let before = byHost.get(key);
  if (!before) {
    const prune = memo(() => {
      buildLifecycles(stack);
      return address(app.unitOf.get(object)!.prunes!.before);
    });
    before = { fqn: Token.asString({ creationStack: [], resolve: prune }) };
    byHost.set(key, before);
  }
  return { before, home: () => homeOf(object).id };
}

/** Gives `host`'s stack its prune on the host's daemon, even before any object is declared there. */
export function trackHost(host: DaemonHost): void {
  const stack = TerraformStack.of(host);
  appOf(host).hosts.push({ stack, host });
  watch(stack);
}

/** Gives `stack` its prune of the records on the deploying machine (its VMs), even once it declares none. */
export function trackDeployingMachine(stack: TerraformStack): void {
  appOf(stack).deploying.add(stack);
  watch(stack);
}

/** One stack's prunes of one daemon or record store, being built. */
interface Unit {
  readonly key: string;
  readonly label: string;
  readonly runner: HostRunner;
  /** The host whose readiness the prunes wait for. @default - none (the deploying machine) */
  readonly host?: DaemonHost;
  /** The daemon read there, when it is a daemon's unit. */
  readonly daemon?: { readonly client: string };
  /** A cluster's member names. */
  readonly members?: readonly string[];
  /** The record store read there, when records are. */
  recordStore?: string;
  readonly objects: TrackedObject[];
  /** The prune resources, once made. */
  prunes?: { readonly before: TerraformResource; readonly after: TerraformResource };
}

/** `produce()`, computed on first call and kept. */
function memo<T>(produce: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: produce() }).v;
}

/** Makes every stack's prunes and manifest, once the app is complete. Idempotent. */
export function buildLifecycles(scope: IConstruct): void {
  const app = appOf(scope);
  if (app.built) return;
  app.built = true;
  const required = new Set(
    app.objects.filter((r) => r.object.lifecycle.kind !== 'record').map((r) => homeOf(r.object).id),
  );
  for (const stack of app.stacks) app.units.set(stack, unitsOf(app, stack));
  for (const unit of [...app.units.values()].flat()) for (const o of unit.objects) app.unitOf.set(o, unit);
  for (const [stack, units] of app.units) {
    const root = new Construct(stack, 'lifecycle');
    const manifest = memo(() => manifestOf(app, stack, required));
    for (const unit of units) makePrunes(root, stack, unit, units, manifest);
    // Written next to cdk.tf.json, by the stack's own synthesizer.
    const inner = stack.synthesizer;
    const synthesizer: IStackSynthesizer = {
      synthesize: (session) => {
        inner.synthesize(session);
        const dir = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
        fs.writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest(), null, 2)}\n`);
      },
    };
    stack.synthesizer = synthesizer;
  }
}

/** The units of one stack: one per daemon it has objects or hosts on, records merged where the account matches. */
function unitsOf(app: AppLifecycle, stack: TerraformStack): Unit[] {
  const units = new Map<string, Unit>();
  const daemonUnit = (host: DaemonHost): Unit => {
    const daemon = daemonOf(host);
    let unit = units.get(daemon.id);
    if (!unit) {
      // Read through a host of this stack when there is one (its readiness is local).
      const via = TerraformStack.of(daemon.primary) === stack ? daemon.primary : host;
      unit = {
        key: daemon.id,
        label: daemon.label,
        runner: via._runner,
        host: via,
        daemon: { client: backendSpec(daemon.backend).client },
        members: daemon.members,
        objects: [],
      };
      units.set(daemon.id, unit);
    }
    return unit;
  };
  for (const { host } of app.hosts.filter((h) => h.stack === stack)) daemonUnit(host);
  const records = new Map<string, { store: Identity; host?: DaemonHost; objects: TrackedObject[] }>();
  const local = recordStoreOf(LOCAL, machineOf(LOCAL));
  if (app.deploying.has(stack)) records.set(local.id, { store: local, objects: [] });
  for (const { object } of app.objects.filter((r) => r.stack === stack)) {
    if (object.lifecycle.kind !== 'record') {
      daemonUnit(object.host!).objects.push(object);
      continue;
    }
    const store = homeOf(object);
    let group = records.get(store.id);
    if (!group) records.set(store.id, (group = { store, host: object.host, objects: [] }));
    group.objects.push(object);
  }
  for (const group of records.values()) {
    // One read for a daemon and the records of the account that reads it.
    const merged = [...units.values()].find(
      (u) => u.daemon && !u.recordStore && u.host && recordStoreOfHost(u.host).id === group.store.id,
    );
    if (merged) {
      merged.recordStore = group.store.id;
      merged.objects.push(...group.objects);
    } else {
      units.set(group.store.id, {
        key: group.store.id,
        label: group.store.label,
        runner: group.host?._runner ?? LOCAL,
        host: group.host,
        recordStore: group.store.id,
        objects: group.objects,
      });
    }
  }
  return [...units.values()];
}

/** The before and after prune resources of a unit. */
function makePrunes(
  root: Construct,
  stack: TerraformStack,
  unit: Unit,
  all: readonly Unit[],
  manifest: () => LabManifest,
): void {
  const kind = settingsOf(stack).commandResource;
  const base = slug(unit.key) || 'unit';
  const id = root.node.tryFindChild(base) ? `${base}-${all.indexOf(unit)}` : base;
  const scope = new Construct(root, id);
  const owner = ownerOf(stack);
  const mine = () => manifest().units.find((u) => u.key === unit.key)!;
  // The run file as the plan reads it: a prune killed halfway runs again (see runFileName).
  const lastRun = (phase: 'before' | 'after') => {
    const file = `"\${path.module}/${runFileName(unit.key, phase)}"`;
    return `\${fileexists(${file}) ? file(${file}) : ""}`;
  };
  const declarations = memo(() => {
    const u = mine();
    return tfLiteral({
      lifecycle: 'cdktf-lxd-matchbox',
      owner,
      unit: unit.key,
      declared: u.declared,
      elsewhere: u.elsewhere,
    });
  });
  const triggers = (phase: 'before' | 'after') => once(() => ({ ...(declarations() as object), run: lastRun(phase) }));
  const resource = (phase: 'before' | 'after') =>
    commandResource(scope, kind, phase, {
      triggersReplace: triggers(phase),
      input: { key: unit.key, label: unit.label, runner: tfLiteral(runnerCommand(unit.runner)) },
      triggers:
        kind === 'null_resource'
          ? { declarations: Token.asString(once(() => mine().hash)), run: lastRun(phase) }
          : undefined,
      provisioners: [
        {
          type: 'local-exec',
          command: Token.asString(
            once(() => tfLiteral(`node ${lifecycleProgram(stack)} prune ${phase} ${shq(unit.key)} ${mine().hash}`)),
          ),
          environment: {
            CDKTF_LAB_RUN: kind === 'null_resource' ? '${self.triggers.run}' : '${self.triggers_replace.run}',
          },
          workingDir: '${path.module}',
        },
      ],
      dependsOn: unit.host ? [...new Set(localDependables(scope, 'host', unit.host.ready))] : [],
    });
  const before = resource('before');
  const after = resource('after');
  // `after` deletes what moved to another daemon of the stack: it waits for every object of the stack then.
  const waitFor = all.length > 1 ? all.flatMap((u) => u.objects) : unit.objects;
  after.dependsOn = [
    ...(after.dependsOn ?? []),
    dependableToken(before),
    ...waitFor.map((o) => dependableToken(o.converged)),
  ];
  unit.prunes = { before, after };
}

const programs = new WeakMap<TerraformStack, string>();

/** The lifecycle program, as `scope`'s stack runs it: a quoted path relative to the stack's working directory (one per stack). */
export function lifecycleProgram(scope: IConstruct): string {
  const stack = TerraformStack.of(scope);
  let program = programs.get(stack);
  if (program === undefined)
    programs.set(
      stack,
      (program = shq(path.relative(path.resolve(App.of(stack).outdir, 'stacks', stack.node.id), programFile()))),
    );
  return program;
}

/** Names by kind of `objects` (records as `recordKind:name`). */
function namesOf(objects: readonly TrackedObject[]): NamesByKind {
  const out: Partial<Record<LifecycleKind, string[]>> = {};
  for (const o of objects) (out[o.lifecycle.kind] ??= []).push(declaredName(o.lifecycle));
  for (const k of Object.keys(out) as LifecycleKind[]) out[k] = [...new Set(out[k])].sort();
  return out;
}

function mergeNames(...all: NamesByKind[]): NamesByKind {
  const out: Partial<Record<LifecycleKind, string[]>> = {};
  for (const n of all)
    for (const [k, names] of Object.entries(n) as [LifecycleKind, string[]][])
      out[k] = [...new Set([...(out[k] ?? []), ...names])].sort();
  return out;
}

/** The key a lifecycle entry is declared under: records by `kind:name`. */
function declaredName(l: ObjectLifecycle): string {
  return l.kind === 'record' ? `${l.recordKind}:${l.name}` : l.name;
}

/** The lab manifest of `stack`. */
function manifestOf(app: AppLifecycle, stack: TerraformStack, required: ReadonlySet<string>): LabManifest {
  const owner = ownerOf(stack);
  const units = app.units.get(stack)!;
  const otherStacks = [...app.units.entries()].filter(([s]) => s !== stack);
  const unitManifests = units.map((unit): UnitManifest => {
    const declared = namesOf(unit.objects);
    // Other stacks' names there, and what they take from there (migration sources).
    const others = otherStacks.flatMap(([, us]) =>
      us.filter((u) => u.key === unit.key || (unit.recordStore && u.recordStore === unit.recordStore)),
    );
    const sources: Partial<Record<LifecycleKind, string[]>> = {};
    for (const [, us] of otherStacks) {
      for (const o of us.flatMap((u) => u.objects))
        if (o.source && daemonOf(o.source.host).id === unit.key) (sources[o.lifecycle.kind] ??= []).push(o.source.name);
    }
    const elsewhere = mergeNames(...others.map((u) => namesOf(u.objects)), sources);
    const hash = declarationsHash({ owner, key: unit.key, declared, elsewhere });
    return {
      key: unit.key,
      label: unit.label,
      runner: runnerCommand(unit.runner),
      ...(unit.daemon ? { daemon: { client: unit.daemon.client, required: required.has(unit.key) } } : {}),
      ...(unit.members ? { members: unit.members } : {}),
      ...(unit.recordStore ? { recordsDir: recordsDir(owner) } : {}),
      declared,
      elsewhere,
      prune: { before: address(unit.prunes!.before), after: address(unit.prunes!.after) },
      objects: unit.objects.map((o) => declaredObject(o)),
      hash,
    };
  });
  return {
    version: 1,
    stack: stack.node.id,
    owner,
    keys: OWNERSHIP_KEYS,
    appOwners: [...new Set([...app.units.keys()].map((s) => ownerOf(s)))].sort(),
    units: unitManifests,
    facts: withoutTokens(labFacts(stack)) as LabManifest['facts'],
  };
}

function address(r: TerraformResource): string {
  return `${r.terraformResourceType}.${r.friendlyUniqueId}`;
}

function declaredObject(o: TrackedObject): DeclaredObject {
  const state = o.state();
  return {
    kind: o.lifecycle.kind,
    name: declaredName(o.lifecycle),
    path: o.path,
    converge: address(o.converged),
    identity: { daemon: homeOf(o).id, hash: identityHash(state.identity) },
    protect: o.protect,
    ...(state.settings ? { settings: withoutTokens(state.settings) as Record<string, unknown> } : {}),
    ...(o.source ? { source: { daemon: daemonOf(o.source.host).id, name: o.source.name } } : {}),
  };
}

/** `value` with every Terraform token (a value known only at apply) shown as `${…}`: drift does not compare those. */
function withoutTokens(value: unknown): unknown {
  if (typeof value === 'string') return Token.isUnresolved(value) ? '${…}' : value;
  if (Array.isArray(value)) return value.map(withoutTokens);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutTokens(v)]));
  return value;
}
