/**
 * The app model of the lifecycle soak (../lifecycle-model.test.ts): what the app declares on two
 * standalone SSH hosts (`a`, `b`) and a two-member cluster (`cl`, members c1 and c2), the objects
 * made by hand next to it, and a generator that turns a seed into a sequence of steps (app edits,
 * hand-made objects, a daemon stopped, an apply killed), each with what the step must do. Pure: no
 * process, no file.
 */

/**
 * The sequence CI runs (../lifecycle-model.test.ts): its seed, its length, and the kinds of step it
 * must contain (a change of the generator that loses one needs another seed).
 */
export const CI_SOAK = {
  seed: 34,
  steps: 25,
  kinds: [
    'add',
    'remove',
    'rename',
    'reid',
    'settings',
    'move-host',
    'move-migrate',
    'move-target',
    'protect',
    'protected-change',
    'hand-made',
    'clash',
    'adopt',
    'down',
    'retry',
    'kill',
    'recover',
  ] as readonly EditKind[],
};

/** A small deterministic PRNG (mulberry32): the same seed gives the same steps. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  public next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  public int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  public pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  public chance(p: number): boolean {
    return this.next() < p;
  }

  public shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

/** Where objects live: standalone daemons `a` and `b`, and the cluster `cl`. */
export type DaemonKey = 'a' | 'b' | 'cl';
export type Member = 'c1' | 'c2';
/** The lab's machines (a cluster member is a machine of its own). */
export type Machine = 'a' | 'b' | Member;

export const DAEMONS: readonly DaemonKey[] = ['a', 'b', 'cl'];
export const MEMBERS: readonly Member[] = ['c1', 'c2'];

/** A container the app declares. `uid` follows it through renames and moves. */
export interface ContainerSpec {
  readonly uid: number;
  /** Construct id. */
  readonly id: string;
  readonly name: string;
  readonly daemon: DaemonKey;
  /** Its cluster member (`target`), on `cl` only. */
  readonly member?: Member;
  /** `limits.cpu` (this machine's LXD has only the cpuset controller: memory and process limits fail to start). */
  readonly cpu: 1 | 2;
  /** `security.nesting`. */
  readonly nesting: boolean;
  /** `user.note`. */
  readonly note?: string;
  readonly state: 'running' | 'stopped';
  readonly protect: boolean;
  readonly adopt: boolean;
  /** `migrateFrom` (that host's lxdRemote). */
  readonly migrateFrom?: 'a' | 'b';
}

/** A profile the app declares. */
export interface ProfileSpec {
  readonly uid: number;
  readonly id: string;
  readonly name: string;
  readonly daemon: DaemonKey;
  readonly note: string;
  readonly adopt: boolean;
}

export interface AppModel {
  readonly containers: readonly ContainerSpec[];
  readonly profiles: readonly ProfileSpec[];
}

/** An object made by hand (by the test, outside the app). */
export interface HandMadeSpec {
  readonly kind: 'instance' | 'profile';
  readonly daemon: DaemonKey;
  readonly member?: Member;
  readonly name: string;
  /** A container started after `lxc init`. */
  readonly running: boolean;
}

/** What a step's apply must end with. */
export type Expectation = { readonly ok: true } | { readonly ok: false; readonly message?: RegExp };

/** A fault injected into a step. */
export type Fault =
  | { readonly kind: 'down'; readonly machine: Machine }
  /** SIGKILL the apply (its process group) `delayMs` after the converge of a container starts. */
  | { readonly kind: 'kill'; readonly delayMs: number };

export type EditKind =
  | 'add'
  | 'remove'
  | 'rename'
  | 'reid'
  | 'settings'
  | 'move-host'
  | 'move-migrate'
  | 'move-target'
  | 'protect'
  | 'protected-change'
  | 'profile-add'
  | 'profile-remove'
  | 'profile-rename'
  | 'profile-note'
  | 'hand-made'
  | 'clash'
  | 'adopt'
  | 'down'
  | 'retry'
  | 'kill'
  | 'recover';

/** One step: the app to apply, the objects made by hand just before, a fault, and what must happen. */
export interface Step {
  readonly index: number;
  readonly kind: EditKind;
  /** For people (and the step log). */
  readonly text: string;
  readonly app: AppModel;
  readonly handMade: readonly HandMadeSpec[];
  readonly fault?: Fault;
  readonly expect: Expectation;
  /** Containers (uids) whose data this step may lose (they are replaced), if its plan says so. */
  readonly mayLose: ReadonlySet<number>;
  /** After the expected failure: the app goes back to the previous one (`revert`) or stays to be retried (`keep`). */
  readonly onFailure: 'revert' | 'keep';
  /** Hand-made objects (by daemon and name) the app takes over when the step succeeds, and the uid they become. */
  readonly adopts: readonly {
    readonly kind: 'instance' | 'profile';
    readonly daemon: DaemonKey;
    readonly name: string;
    readonly uid: number;
  }[];
}

/** The model's state between steps. */
export interface World {
  readonly app: AppModel;
  readonly handMade: readonly HandMadeSpec[];
  readonly nextUid: number;
  readonly counter: number;
  /** Kinds still to draw (a shuffled bag: every kind comes up within a bag). */
  readonly bag: readonly EditKind[];
  /** A step the previous one calls for (adopt after a clash, a plain apply after a kill). */
  readonly followUp?:
    | { readonly kind: 'adopt'; readonly uid: number; readonly objectKind: 'instance' | 'profile' }
    | { readonly kind: 'recover' | 'retry' };
}

const WORDS = [
  'ant',
  'bee',
  'cat',
  'dog',
  'elk',
  'fox',
  'gnu',
  'hen',
  'ibis',
  'jay',
  'kiwi',
  'lynx',
  'moth',
  'newt',
  'owl',
  'pug',
  'quail',
  'ram',
  'seal',
  'toad',
  'vole',
  'wasp',
  'yak',
  'zebu',
];

/** One bag of edit kinds; the counts are the relative frequencies. */
const BAG: readonly EditKind[] = [
  'add',
  'add',
  'add',
  'remove',
  'remove',
  'rename',
  'reid',
  'settings',
  'settings',
  'settings',
  'move-host',
  'move-migrate',
  'move-target',
  'move-target',
  'protect',
  'protected-change',
  'profile-add',
  'profile-remove',
  'profile-rename',
  'profile-note',
  'hand-made',
  'clash',
  'clash',
  'down',
  'down',
  'kill',
  'kill',
];

const MAX_CONTAINERS = 8;
const MAX_PROFILES = 4;

/** The daemon a machine belongs to. */
export function daemonOfMachine(m: Machine): DaemonKey {
  return m === 'a' || m === 'b' ? m : 'cl';
}

/** A container's place for people: `a`, `cl/c2`. */
export function placeOf(c: { daemon: DaemonKey; member?: Member }): string {
  return c.member ? `${c.daemon}/${c.member}` : c.daemon;
}

/** The world before the first step: an empty app, every kind in the bag. */
export function initialWorld(rng: Rng): World {
  return { app: { containers: [], profiles: [] }, handMade: [], nextUid: 1, counter: 0, bag: rng.shuffle(BAG) };
}

/** A generator of steps from a seed. */
export class StepGenerator {
  public readonly rng: Rng;
  public world: World;
  private index = 0;

  constructor(public readonly seed: number) {
    this.rng = new Rng(seed);
    this.world = initialWorld(this.rng);
  }

  /** The first step: the lab's first deploy (the cluster formed), a few containers and a profile. */
  public first(): Step {
    return this.numbered(this.firstStep());
  }

  /** The next step, given what the previous one ended with (see {@link advance}). */
  public next(): Step {
    return this.numbered(this.nextStep());
  }

  private numbered(step: Step): Step {
    return { ...step, index: this.index++ };
  }

  private firstStep(): Step {
    let app: AppModel = { containers: [], profiles: [] };
    for (const daemon of DAEMONS) {
      for (let i = this.rng.int(1, 2); i > 0; i--)
        app = { ...app, containers: [...app.containers, this.newContainer(daemon)] };
    }
    app = { ...app, profiles: [this.newProfile(this.rng.pick(DAEMONS))] };
    return this.make('add', `first deploy: cluster formed, ${describeApp(app)}`, app);
  }

  private nextStep(): Step {
    const f = this.world.followUp;
    if (f?.kind === 'recover') return this.make('recover', 'apply again after the killed apply', this.world.app);
    if (f?.kind === 'retry')
      return this.make('retry', "the daemon is back: apply again (the failed step's edit)", this.world.app);
    if (f?.kind === 'adopt') return this.adopt(f.uid, f.objectKind);
    for (let tries = 0; tries < 20; tries++) {
      let bag = this.world.bag.length ? this.world.bag : this.rng.shuffle(BAG);
      const kind = bag[0];
      bag = bag.slice(1);
      this.world = { ...this.world, bag };
      const step = this.edit(kind);
      if (step) return step;
      // Not possible now (e.g. nothing to remove): put it back further on.
      this.world = { ...this.world, bag: [...bag.slice(0, 3), kind, ...bag.slice(3)] };
    }
    return this.edit('add') ?? this.edit('settings')!;
  }

  /** Moves the world past `step`: `outcome` is what the apply did (the test checked it matched). */
  public advance(step: Step, outcome: 'ok' | 'failed' | 'killed'): void {
    const handMade = [...this.world.handMade, ...step.handMade].filter(
      (h) =>
        outcome !== 'ok' || !step.adopts.some((a) => a.kind === h.kind && a.daemon === h.daemon && a.name === h.name),
    );
    let app = step.app;
    let followUp: World['followUp'];
    if (outcome === 'failed' && step.onFailure === 'revert') app = this.world.app;
    if (outcome === 'failed' && step.kind === 'clash') {
      const declared = [...step.app.containers, ...step.app.profiles].find((o) => !this.has(o.uid));
      followUp = declared && {
        kind: 'adopt',
        uid: declared.uid,
        objectKind: 'cpu' in declared ? 'instance' : 'profile',
      };
    }
    if (outcome === 'failed' && step.kind === 'down') followUp = { kind: 'retry' };
    if (outcome === 'killed') followUp = { kind: 'recover' };
    this.world = { ...this.world, app, handMade, followUp };
  }

  private has(uid: number): boolean {
    return [...this.world.app.containers, ...this.world.app.profiles].some((o) => o.uid === uid);
  }

  private make(
    kind: EditKind,
    text: string,
    app: AppModel,
    extra: Partial<Omit<Step, 'index' | 'kind' | 'text' | 'app'>> = {},
  ): Step {
    return {
      index: this.index,
      kind,
      text,
      app,
      handMade: [],
      expect: { ok: true },
      mayLose: new Set(),
      onFailure: 'keep',
      adopts: [],
      ...extra,
    };
  }

  private fresh(prefix = ''): string {
    const n = this.world.counter + 1;
    this.world = { ...this.world, counter: n };
    return `${prefix}${this.rng.pick(WORDS)}${n}`;
  }

  private uid(): number {
    const uid = this.world.nextUid;
    this.world = { ...this.world, nextUid: uid + 1 };
    return uid;
  }

  private newContainer(daemon: DaemonKey, name = this.fresh()): ContainerSpec {
    const uid = this.uid();
    return {
      uid,
      id: `ctr${uid}`,
      name,
      daemon,
      ...(daemon === 'cl' ? { member: this.rng.pick(MEMBERS) } : {}),
      cpu: this.rng.pick([1, 2] as const),
      nesting: this.rng.chance(0.3),
      state: this.rng.chance(0.8) ? 'running' : 'stopped',
      protect: false,
      adopt: false,
    };
  }

  private newProfile(daemon: DaemonKey, name = this.fresh('p-')): ProfileSpec {
    const uid = this.uid();
    return { uid, id: `prof${uid}`, name, daemon, note: this.fresh('n-'), adopt: false };
  }

  private get containers(): readonly ContainerSpec[] {
    return this.world.app.containers;
  }

  private withContainer(c: ContainerSpec): AppModel {
    const app = this.world.app;
    return { ...app, containers: app.containers.map((x) => (x.uid === c.uid ? c : x)) };
  }

  private withProfile(p: ProfileSpec): AppModel {
    const app = this.world.app;
    return { ...app, profiles: app.profiles.map((x) => (x.uid === p.uid ? p : x)) };
  }

  private without(uid: number): AppModel {
    const app = this.world.app;
    return {
      containers: app.containers.filter((x) => x.uid !== uid),
      profiles: app.profiles.filter((x) => x.uid !== uid),
    };
  }

  private pickContainer(filter: (c: ContainerSpec) => boolean): ContainerSpec | undefined {
    const list = this.containers.filter(filter);
    return list.length ? this.rng.pick(list) : undefined;
  }

  /** A step of `kind`, or undefined when the world does not allow it now. */
  private edit(kind: EditKind): Step | undefined {
    const app = this.world.app;
    switch (kind) {
      case 'add': {
        if (this.containers.length >= MAX_CONTAINERS) return undefined;
        const c = this.newContainer(this.rng.pick(DAEMONS));
        return this.make(kind, `add container ${c.name} on ${placeOf(c)}`, {
          ...app,
          containers: [...app.containers, c],
        });
      }
      case 'remove': {
        const c = this.pickContainer((x) => !x.protect);
        return (
          c &&
          this.make(kind, `remove container ${c.name} from ${placeOf(c)}`, this.without(c.uid), {
            mayLose: new Set([c.uid]),
          })
        );
      }
      case 'rename': {
        const c = this.pickContainer((x) => !x.protect);
        if (!c) return undefined;
        const name = this.fresh();
        return this.make(
          kind,
          `rename container ${c.name} to ${name} on ${placeOf(c)}`,
          this.withContainer({ ...c, name, migrateFrom: undefined }),
          { mayLose: new Set([c.uid]) },
        );
      }
      case 'reid': {
        const c = this.pickContainer(() => true);
        if (!c) return undefined;
        const id = `${c.id}x`;
        return this.make(
          kind,
          `move container ${c.name} to construct id ${id} (same name, ${placeOf(c)})`,
          this.withContainer({ ...c, id }),
        );
      }
      case 'settings': {
        const c = this.pickContainer(() => true);
        if (!c) return undefined;
        const changed: ContainerSpec = { ...c };
        const parts: string[] = [];
        const what = this.rng.shuffle(['cpu', 'nesting', 'note', 'state'] as const).slice(0, this.rng.int(1, 2));
        let next: ContainerSpec = changed;
        for (const w of what) {
          if (w === 'cpu') next = { ...next, cpu: next.cpu === 1 ? 2 : 1 };
          if (w === 'nesting') next = { ...next, nesting: !next.nesting };
          if (w === 'note') next = { ...next, note: next.note && this.rng.chance(0.3) ? undefined : this.fresh('n-') };
          if (w === 'state') next = { ...next, state: next.state === 'running' ? 'stopped' : 'running' };
          parts.push(
            `${w}=${String(w === 'cpu' ? next.cpu : w === 'nesting' ? next.nesting : w === 'note' ? (next.note ?? 'unset') : next.state)}`,
          );
        }
        return this.make(
          kind,
          `settings of container ${c.name} (${placeOf(c)}): ${parts.join(', ')}`,
          this.withContainer(next),
        );
      }
      case 'move-host':
      case 'move-migrate': {
        const migrate = kind === 'move-migrate' || this.rng.chance(0.3);
        const c = this.pickContainer((x) => !x.protect && (!migrate || x.daemon !== 'cl'));
        if (!c) return undefined;
        const to = migrate ? (c.daemon === 'a' ? 'b' : 'a') : this.rng.pick(DAEMONS.filter((d) => d !== c.daemon));
        const moved: ContainerSpec = {
          ...c,
          daemon: to,
          member: to === 'cl' ? this.rng.pick(MEMBERS) : undefined,
          migrateFrom: migrate ? (c.daemon as 'a' | 'b') : undefined,
        };
        return this.make(
          kind,
          `move container ${c.name} from ${placeOf(c)} to ${placeOf(moved)}${migrate ? ' with migrateFrom' : ' (recreated)'}`,
          this.withContainer(moved),
          { mayLose: migrate ? new Set() : new Set([c.uid]) },
        );
      }
      case 'move-target': {
        const c = this.pickContainer((x) => x.daemon === 'cl');
        if (!c) return undefined;
        const member = c.member === 'c1' ? 'c2' : 'c1';
        return this.make(
          kind,
          `move container ${c.name} to member ${member} (target)`,
          this.withContainer({ ...c, member }),
        );
      }
      case 'protect': {
        const c = this.pickContainer(() => true);
        if (!c) return undefined;
        return this.make(
          kind,
          `${c.protect ? 'unprotect' : 'protect'} container ${c.name} (${placeOf(c)})`,
          this.withContainer({ ...c, protect: !c.protect }),
        );
      }
      case 'protected-change': {
        const c = this.pickContainer((x) => x.protect);
        if (!c) return this.edit('protect');
        const how = this.rng.pick(['remove', 'rename', 'move'] as const);
        const fail = { expect: { ok: false, message: /protected/ } as Expectation, onFailure: 'revert' as const };
        if (how === 'remove')
          return this.make(kind, `remove protected container ${c.name} (must fail)`, this.without(c.uid), fail);
        if (how === 'rename') {
          const name = this.fresh();
          return this.make(
            kind,
            `rename protected container ${c.name} to ${name} (must fail)`,
            this.withContainer({ ...c, name, migrateFrom: undefined }),
            fail,
          );
        }
        const to = this.rng.pick(DAEMONS.filter((d) => d !== c.daemon));
        const moved: ContainerSpec = {
          ...c,
          daemon: to,
          member: to === 'cl' ? this.rng.pick(MEMBERS) : undefined,
          migrateFrom: undefined,
        };
        return this.make(
          kind,
          `move protected container ${c.name} from ${placeOf(c)} to ${placeOf(moved)} (must fail)`,
          this.withContainer(moved),
          fail,
        );
      }
      case 'profile-add': {
        if (app.profiles.length >= MAX_PROFILES) return undefined;
        const p = this.newProfile(this.rng.pick(DAEMONS));
        return this.make(kind, `add profile ${p.name} on ${p.daemon}`, { ...app, profiles: [...app.profiles, p] });
      }
      case 'profile-remove': {
        if (!app.profiles.length) return undefined;
        const p = this.rng.pick(app.profiles);
        return this.make(kind, `remove profile ${p.name} from ${p.daemon}`, this.without(p.uid));
      }
      case 'profile-rename': {
        if (!app.profiles.length) return undefined;
        const p = this.rng.pick(app.profiles);
        const name = this.fresh('p-');
        return this.make(kind, `rename profile ${p.name} to ${name} on ${p.daemon}`, this.withProfile({ ...p, name }));
      }
      case 'profile-note': {
        if (!app.profiles.length) return undefined;
        const p = this.rng.pick(app.profiles);
        const note = this.fresh('n-');
        return this.make(kind, `profile ${p.name} (${p.daemon}): user.note=${note}`, this.withProfile({ ...p, note }));
      }
      case 'hand-made': {
        // An object made by hand with a name the app does not use, next to an ordinary edit.
        const h = this.handMadeSpec(this.rng.chance(0.7) ? 'instance' : 'profile', this.fresh('hm-'));
        const inner =
          this.edit(this.rng.pick(['add', 'remove', 'settings', 'move-target', 'profile-add'] as const)) ??
          this.edit('settings') ??
          this.edit('add');
        if (!inner) return undefined;
        return {
          ...inner,
          kind,
          text: `make ${h.kind} ${h.name} by hand on ${placeOf(h)}; ${inner.text}`,
          handMade: [h],
        };
      }
      case 'clash': {
        const objectKind = this.rng.chance(0.75) ? 'instance' : 'profile';
        if (objectKind === 'instance' && this.containers.length >= MAX_CONTAINERS) return undefined;
        const h = this.handMadeSpec(objectKind, objectKind === 'instance' ? this.fresh() : this.fresh('p-'));
        const message = new RegExp(
          `${objectKind} ${h.name} already exists on .* and was made by hand: nothing was changed.*adopt: true`,
          's',
        );
        const extra = { handMade: [h], expect: { ok: false, message } as Expectation, onFailure: 'keep' as const };
        if (objectKind === 'instance') {
          const c = { ...this.newContainer(h.daemon, h.name), ...(h.member ? { member: this.rng.pick(MEMBERS) } : {}) };
          return this.make(
            kind,
            `make container ${h.name} by hand on ${placeOf(h)}, then declare it on ${placeOf(c)} without adopt (must fail)`,
            { ...app, containers: [...app.containers, c] },
            extra,
          );
        }
        const p = this.newProfile(h.daemon, h.name);
        return this.make(
          kind,
          `make profile ${h.name} by hand on ${h.daemon}, then declare it without adopt (must fail)`,
          { ...app, profiles: [...app.profiles, p] },
          extra,
        );
      }
      case 'down': {
        const machine = this.rng.pick(['a', 'b', 'c1', 'c2'] as const);
        const daemon = daemonOfMachine(machine);
        const onIt = (c: ContainerSpec) => c.daemon === daemon && (machine !== 'c2' || c.member === 'c2');
        // An edit that must reach that daemon: a container removed from it, added to it, moved away from it, or moved onto it.
        const there = this.containers.filter((c) => onIt(c) && !c.protect);
        const elsewhere = this.containers.filter((c) => !onIt(c) && !c.protect);
        const full = this.containers.length >= MAX_CONTAINERS;
        const how = this.rng.pick([
          ...(there.length ? ['remove', 'remove', 'move-away'] : []),
          ...(full ? [] : ['add']),
          ...(elsewhere.length ? ['move-in'] : []),
        ] as const);
        if (!how) return undefined;
        let inner: Step;
        if (how === 'remove') {
          const c = this.rng.pick(there);
          inner = this.make(kind, `remove container ${c.name} from ${placeOf(c)}`, this.without(c.uid), {
            mayLose: new Set([c.uid]),
          });
        } else if (how === 'add') {
          const c = { ...this.newContainer(daemon), ...(machine === 'c2' ? { member: 'c2' as const } : {}) };
          inner = this.make(kind, `add container ${c.name} on ${placeOf(c)}`, {
            ...app,
            containers: [...app.containers, c],
          });
        } else {
          const c = this.rng.pick(how === 'move-away' ? there : elsewhere);
          // Away from a standalone daemon: to the other one with its data (migrateFrom); c2's containers go to c1.
          const to: Pick<ContainerSpec, 'daemon' | 'member' | 'migrateFrom'> =
            how === 'move-in'
              ? {
                  daemon,
                  member: daemon === 'cl' ? (machine === 'c1' ? this.rng.pick(MEMBERS) : 'c2') : undefined,
                  migrateFrom: undefined,
                }
              : machine === 'c2'
                ? { daemon: 'cl', member: 'c1', migrateFrom: undefined }
                : daemon === 'cl'
                  ? { daemon: this.rng.pick(['a', 'b'] as const), member: undefined, migrateFrom: undefined }
                  : { daemon: daemon === 'a' ? 'b' : 'a', member: undefined, migrateFrom: daemon as 'a' | 'b' };
          const moved: ContainerSpec = { ...c, ...to };
          const data = moved.migrateFrom || moved.daemon === c.daemon;
          inner = this.make(
            kind,
            `move container ${c.name} from ${placeOf(c)} to ${placeOf(moved)}${moved.migrateFrom ? ' with migrateFrom' : ''}`,
            this.withContainer(moved),
            { mayLose: data ? new Set() : new Set([c.uid]) },
          );
        }
        // Reading c1 (the cluster's way in) or a standalone daemon fails the prune; c2 fails its own objects.
        const message = machine === 'c2' ? undefined : /cannot read/;
        return {
          ...inner,
          text: `daemon of ${machine} stopped for this step; ${inner.text} (must fail, nothing deleted)`,
          fault: { kind: 'down', machine },
          expect: { ok: false, message },
          onFailure: 'keep',
        };
      }
      case 'kill': {
        // Enough work that the kill lands mid-way: a container added (one removed first when the app is full), and a second edit.
        const full = this.containers.length >= MAX_CONTAINERS;
        const first = this.edit(full ? 'remove' : 'add');
        if (!first) return undefined;
        const base = this.world.app;
        this.world = { ...this.world, app: first.app };
        const second = this.edit(
          full ? 'add' : this.rng.pick(['add', 'remove', 'settings', 'rename', 'move-target', 'move-host'] as const),
        );
        this.world = { ...this.world, app: base };
        const inner = second
          ? {
              ...second,
              text: `${first.text}; ${second.text}`,
              mayLose: new Set([...first.mayLose, ...second.mayLose]),
            }
          : first;
        const fault: Fault = { kind: 'kill', delayMs: this.rng.int(100, 1000) };
        return {
          ...inner,
          kind,
          text: `${inner.text}; the apply is killed (SIGKILL) ${fault.delayMs} ms into a container's converge`,
          fault,
        };
      }
      default:
        return undefined;
    }
  }

  /** A hand-made object on a random daemon (cluster containers on a random member). */
  private handMadeSpec(kind: 'instance' | 'profile', name: string): HandMadeSpec {
    const daemon = this.rng.pick(DAEMONS);
    return {
      kind,
      daemon,
      name,
      ...(kind === 'instance' && daemon === 'cl' ? { member: this.rng.pick(MEMBERS) } : {}),
      running: kind === 'instance' && this.rng.chance(0.5),
    };
  }

  /** After a clash: the same app with `adopt: true` on the clashing object. */
  private adopt(uid: number, objectKind: 'instance' | 'profile'): Step {
    const app = this.world.app;
    if (objectKind === 'instance') {
      const c = app.containers.find((x) => x.uid === uid)!;
      return this.make(
        'adopt',
        `adopt: true on container ${c.name} (${placeOf(c)}): the app takes it over`,
        this.withContainer({ ...c, adopt: true }),
        { adopts: [{ kind: 'instance', daemon: c.daemon, name: c.name, uid }] },
      );
    }
    const p = app.profiles.find((x) => x.uid === uid)!;
    return this.make(
      'adopt',
      `adopt: true on profile ${p.name} (${p.daemon}): the app takes it over`,
      this.withProfile({ ...p, adopt: true }),
      { adopts: [{ kind: 'profile', daemon: p.daemon, name: p.name, uid }] },
    );
  }
}

/** A one-line summary of an app. */
export function describeApp(app: AppModel): string {
  const cs = app.containers.map((c) => `${c.name}@${placeOf(c)}${c.protect ? '!' : ''}`);
  const ps = app.profiles.map((p) => `${p.name}@${p.daemon}`);
  return `containers [${cs.join(' ')}], profiles [${ps.join(' ')}]`;
}
