/**
 * The lifecycle soak's driver (../lifecycle-model.test.ts, `npm run soak`): a real-ssh lab of four
 * LXD machines (standalone `a` reached as root, standalone `b` reached as alice with sudo, and c1/c2
 * that the app forms into a cluster through terraform apply), the app built from the model
 * (./model.ts), and the step loop: make the step's hand-made objects, plan (`terraform show -json`),
 * inject the step's fault, apply that plan, then check the invariants (./invariants.ts). A broken
 * invariant throws with the seed, the step, its edit and the step log.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from '../../../constructs/core/cdk';
import { Container, LabStack, LxdCluster, Profile, SshHost, StoragePool } from '../../../index';
import { IHost } from '../../../constructs/core/host';
import {
  declaredObjectsExist,
  failedApplyDeletedNothing,
  HandMadeRecord,
  handMadeUntouched,
  markersSurvive,
  nothingUndeclaredOwned,
  Observation,
  outcomeAsExpected,
  plannedReplacements,
  SeenInstance,
  SeenProfile,
  stableView,
} from './invariants';
import { buildLib } from './lab-cli';
import { AppModel, DaemonKey, describeApp, HandMadeSpec, Machine, Member, Step, StepGenerator } from './model';
import { LXD, SshLab, startSshLab } from './ssh-lab';
import { TerraformWorkdir, waitFor } from './terraform';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'lib/bin/cdktf-lxd-matchbox.js');
/** The file the soak writes inside every container (and reads from its root on the host). */
export const MARKER = 'soak-marker';
const MACHINES: readonly Machine[] = ['a', 'b', 'c1', 'c2'];

/** A started lab, ready for the soak's app. */
export interface SoakLab {
  readonly lab: SshLab;
  readonly tmp: string;
  /**
   * Trust tokens for migrations: `a`'s (b's client uses it to add a as a remote), and `b`'s. A
   * token is a pending operation of its daemon: a restart drops it, so a restart issues a new one.
   */
  readonly tokens: Record<'a' | 'b', string>;
}

/** Starts the lab: four LXD machines, busybox on a, b and c1 (c1 bootstraps the cluster), https and trust tokens on a and b. */
export async function startSoakLab(name: string, subnet: string): Promise<SoakLab> {
  buildLib();
  const lab = await startSshLab({ name, subnet, machines: MACHINES.map((m) => ({ name: m, flavor: LXD })) });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `soak-${name}-`));
  for (const m of ['a', 'b', 'c1']) await lab.importBusybox(m);
  const tokens = { a: '', b: '' };
  for (const m of ['a', 'b'] as const) {
    await lab.lxcOk(m, ['config', 'set', 'core.https_address', lab.machine(m).clusterAddress]);
    tokens[m] = await trustToken(lab, m);
  }
  return { lab, tmp, tokens };
}

/** SOAK_DEBUG=DIR: each step's plan, apply output and the state it left, to study a failure. */
function keepStep(
  dir: string,
  s: SoakLab,
  index: number,
  changes: readonly { address: string; actions: readonly string[] }[],
  output: string,
): void {
  fs.mkdirSync(dir, { recursive: true });
  const plan = changes.map((c) => `${c.address}: ${c.actions.join(', ')}`).join('\n');
  fs.writeFileSync(path.join(dir, `step-${index}.log`), `${plan}\n\n${output}`);
  fs.copyFileSync(path.join(s.tmp, 'soak.tfstate'), path.join(dir, `step-${index}.tfstate`));
}

/** A fresh trust token of machine `m` (a or b), for the other one's client. */
async function trustToken(lab: SshLab, m: 'a' | 'b'): Promise<string> {
  const other = m === 'a' ? 'b' : 'a';
  const out = await lab.lxcOk(m, ['config', 'trust', 'add', '--name', `soak-${other}`, '--quiet']);
  return out.trim().split('\n').pop() ?? '';
}

/** The machine a daemon is read through (the cluster: c1). */
const readVia = (d: DaemonKey): Machine => (d === 'cl' ? 'c1' : d);

/** Synthesizes the app of `model` into `out`; returns the stack's working directory. */
export function synthApp(s: SoakLab, out: string, model: AppModel): string {
  const { lab } = s;
  const app = new App({ outdir: out });
  const stack = new LabStack(app, 'soak', { localStatePath: path.join(s.tmp, 'soak.tfstate') });
  const remote = (m: 'a' | 'b') => ({ address: `https://${lab.machine(m).clusterAddress}`, trustToken: s.tokens[m] });
  const a = new SshHost(stack, 'host-a', { ...lab.sshHost('a', 'root'), lxdRemote: remote('a') });
  const b = new SshHost(stack, 'host-b', { ...lab.sshHost('b', 'alice', { sudo: true }), lxdRemote: remote('b') });
  const c1 = new SshHost(stack, 'host-c1', lab.sshHost('c1', 'root'));
  const c2 = new SshHost(stack, 'host-c2', lab.sshHost('c2', 'bob', { sudo: true }));
  const cluster = new LxdCluster(stack, 'cluster', {
    members: [
      { host: c1, name: 'c1', address: lab.machine('c1').clusterAddress },
      { host: c2, name: 'c2', address: lab.machine('c2').clusterAddress },
    ],
  });
  const hosts: Record<DaemonKey, IHost> = { a, b, cl: cluster.host };
  const pools = {
    a: new StoragePool(stack, 'pool-a', { host: a, name: 'data', driver: 'dir' }),
    b: new StoragePool(stack, 'pool-b', { host: b, name: 'data', driver: 'dir' }),
    cl: new StoragePool(stack, 'pool-cl', { host: cluster.host, cluster, name: 'cdata', driver: 'dir' }),
  };
  for (const c of model.containers) {
    new Container(stack, c.id, {
      host: hosts[c.daemon],
      name: c.name,
      image: 'busybox',
      storagePool: pools[c.daemon],
      limits: { cpu: c.cpu },
      nesting: c.nesting || undefined,
      config: c.note ? { 'user.note': c.note } : undefined,
      state: c.state,
      protect: c.protect || undefined,
      adopt: c.adopt || undefined,
      target: c.member,
      migrateFrom: c.migrateFrom ? { host: hosts[c.migrateFrom] } : undefined,
    });
  }
  for (const p of model.profiles) {
    new Profile(stack, p.id, {
      host: hosts[p.daemon],
      name: p.name,
      config: { 'user.note': p.note },
      adopt: p.adopt || undefined,
    });
  }
  app.synth();
  return path.join(out, 'stacks', 'soak');
}

/** What every daemon holds now, markers read from the containers' roots on their member's disk. */
export async function observe(s: SoakLab): Promise<Observation> {
  const instances: SeenInstance[] = [];
  const profiles: SeenProfile[] = [];
  for (const daemon of ['a', 'b', 'cl'] as const) {
    const via = readVia(daemon);
    for (const i of await s.lab.lxcJson<any[]>(via, '/1.0/instances?recursion=1')) {
      const on = daemon === 'cl' ? (i.location as Member) : daemon;
      instances.push({
        daemon,
        name: i.name,
        ...(daemon === 'cl' ? { location: i.location } : {}),
        status: i.status,
        config: i.config ?? {},
        devices: i.devices ?? {},
        profiles: i.profiles ?? [],
        description: i.description ?? '',
        marker: readMarker(s, on, i.name),
      });
    }
    for (const p of await s.lab.lxcJson<any[]>(via, '/1.0/profiles?recursion=1')) {
      profiles.push({
        daemon,
        name: p.name,
        config: p.config ?? {},
        devices: p.devices ?? {},
        description: p.description ?? '',
      });
    }
  }
  return { instances, profiles };
}

function rootfs(s: SoakLab, machine: Machine, name: string): string {
  return path.join(s.lab.machine(machine).dataDir, 'containers', name, 'rootfs');
}

function readMarker(s: SoakLab, machine: Machine, name: string): string | undefined {
  try {
    return fs.readFileSync(path.join(rootfs(s, machine, name), MARKER), 'utf8');
  } catch {
    return undefined;
  }
}

function writeMarker(s: SoakLab, machine: Machine, name: string, text: string): void {
  fs.writeFileSync(path.join(rootfs(s, machine, name), MARKER), text);
}

/** Makes an object by hand, as a user would: a config key and a device the app never declares, and a marker inside. */
async function makeByHand(s: SoakLab, h: HandMadeSpec, token: string): Promise<void> {
  const via = readVia(h.daemon);
  if (h.kind === 'profile') {
    await s.lab.lxcOk(via, ['profile', 'create', h.name]);
    await s.lab.lxcOk(via, ['profile', 'set', h.name, 'user.handmade', token]);
    await s.lab.lxcOk(via, ['profile', 'device', 'add', h.name, 'hm', 'disk', 'source=/tmp', 'path=/mnt/hm']);
    return;
  }
  const pool = h.daemon === 'cl' ? 'cdata' : 'data';
  await s.lab.lxcOk(via, [
    'init',
    'busybox',
    h.name,
    '-s',
    pool,
    '-c',
    `user.handmade=${token}`,
    ...(h.member ? ['--target', h.member] : []),
  ]);
  await s.lab.lxcOk(via, ['config', 'device', 'add', h.name, 'hm', 'disk', 'source=/tmp', 'path=/mnt/hm']);
  writeMarker(s, h.member ?? (h.daemon as Machine), h.name, `hand:${h.name}:${token}`);
  if (h.running) await s.lab.lxcOk(via, ['start', h.name]);
}

/** One resource change of a plan. */
interface Change {
  readonly address: string;
  readonly actions: readonly string[];
}

/** `terraform plan -out` and the changes it shows (`terraform show -json`), no-ops left out. */
async function plan(tf: TerraformWorkdir): Promise<Change[]> {
  await tf.ok(['plan', '-out=plan.bin']);
  const shown = JSON.parse(await tf.ok(['show', '-json', 'plan.bin']));
  return (shown.resource_changes ?? [])
    .map((c: any) => ({ address: c.address, actions: c.change.actions }))
    .filter((c: Change) => !(c.actions.length === 1 && c.actions[0] === 'no-op'));
}

/** Applies plan.bin; with `kill`, SIGKILLs the apply's process group `delayMs` after a container's converge starts. */
async function applyPlan(
  s: SoakLab,
  dir: string,
  kill?: { delayMs: number },
): Promise<{ code: number; output: string; killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(
      'ip',
      ['netns', 'exec', s.lab.workstation.netns, 'terraform', 'apply', '-no-color', '-input=false', 'plan.bin'],
      {
        cwd: dir,
        env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const watchdog = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15 * 60 * 1000);
    const onData = (b: Buffer) => {
      const text = b.toString();
      output += text;
      if (!kill || timer) return;
      if (/_instance_converge_[0-9A-F]+: Provisioning with 'local-exec'/.test(output)) {
        timer = setTimeout(() => {
          killed = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            killed = false; // already gone
          }
        }, kill.delayMs);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      if (timer) clearTimeout(timer);
      resolve({ code: code ?? (signal ? 137 : 1), output, killed: killed && signal === 'SIGKILL' });
    });
  });
}

/** The `sh -s` scripts still running on the lab's machines (what a killed apply's sessions left going), by pid. */
function remoteScripts(s: SoakLab): string[] {
  const nets = new Set(s.lab.machines.map((m) => `net:[${fs.statSync(`/run/netns/${m.netns}`).ino}]`));
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (argv.join(' ').endsWith('sh -s') && nets.has(fs.readlinkSync(`/proc/${pid}/ns/net`)))
        found.push(`${pid}: ${argv.join(' ')}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Waits until the scripts a killed apply started have ended and no daemon runs an operation (task) any more. */
async function operationsSettled(s: SoakLab): Promise<void> {
  let running: string[] = [];
  try {
    await waitFor(
      'scripts of the killed apply to end',
      async () => ((running = remoteScripts(s)).length ? undefined : true),
      120000,
    );
    await waitFor(
      'running operations to end',
      async () => {
        running = [];
        for (const m of ['a', 'b', 'c1'] as const) {
          // An empty answer (no operation at all) prints nothing.
          const text = (await s.lab.lxcOk(m, ['query', '/1.0/operations?recursion=1'])).trim();
          for (const o of Object.values(text ? JSON.parse(text) : {}).flat() as any[]) {
            if (o?.status === 'Running' && o.class === 'task')
              running.push(
                `${m}: ${o.description} ${JSON.stringify(o.resources ?? {})} (${o.class}, since ${o.created_at})`,
              );
          }
        }
        return running.length ? undefined : true;
      },
      120000,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message}: ${running.join('; ')}`);
  }
}

/** Waits until both cluster members answer as ONLINE. */
async function clusterOnline(s: SoakLab): Promise<void> {
  await waitFor(
    'both cluster members ONLINE',
    async () => {
      const r = await s.lab.lxc('c1', ['cluster', 'list', '-f', 'csv']);
      return r.code === 0 && (r.stdout.match(/ONLINE/g) ?? []).length === 2 ? true : undefined;
    },
    120000,
  );
  // A member listed ONLINE again may not yet have its event connection to the others (they reconnect
  // at the next heartbeat, every 10 s): until then LXD fails operations on its instances with
  // "Missing event connection with target cluster member".
  await new Promise((resolve) => setTimeout(resolve, 12000));
}

/** A broken invariant: names the seed, the step, its edit and the invariant. */
export class InvariantError extends Error {}

/** One line per step, for the report and for a failure. */
export interface StepLogEntry {
  readonly index: number;
  readonly kind: string;
  readonly text: string;
  readonly outcome: string;
  readonly ms: number;
}

export interface SoakOptions {
  readonly seed: number;
  readonly steps: number;
  /** Each step's line as it ends. @default - console.log */
  readonly log?: (line: string) => void;
}

export interface SoakResult {
  readonly seed: number;
  readonly log: StepLogEntry[];
  readonly ms: number;
  /** How many steps ended as ok, expected failure, or killed. */
  readonly outcomes: Record<string, number>;
}

/**
 * Runs `steps` steps of seed `seed` on a started lab whose daemons hold nothing of the app yet
 * (step 0 is the first deploy: it forms the cluster). Throws InvariantError at the first broken invariant.
 */
export async function runSoak(s: SoakLab, o: SoakOptions): Promise<SoakResult> {
  const t0 = Date.now();
  const say = o.log ?? ((l: string) => console.log(l));
  const gen = new StepGenerator(o.seed);
  const out = path.join(s.tmp, `out-${o.seed}`);
  const log: StepLogEntry[] = [];
  const outcomes: Record<string, number> = {};
  /** The marker each container (uid) holds, and each hand-made object's snapshot. */
  const markers = new Map<number, string>();
  let handMade: HandMadeRecord[] = [];
  /** A killed step's losses carry to its recovery, a failed step's (its edit stays) to its retry. */
  let carried:
    { before: AppModel; mayLose: Set<number>; planned: Set<number>; markers: Map<number, string> } | undefined;

  const fail = (step: Step, invariant: string, problems: string[]): never => {
    const history = log.map((l) => `  #${l.index} ${l.outcome.padEnd(9)} ${l.text}`).join('\n');
    throw new InvariantError(
      `soak seed ${o.seed}, step ${step.index} (${step.kind}): ${step.text}\n` +
        `invariant ${invariant} broken:\n  - ${problems.join('\n  - ')}\n` +
        `app of the step: ${describeApp(step.app)}\n` +
        `step log:\n${history}\n  #${step.index} (this step)\n` +
        `rerun: npm run soak -- --seed ${o.seed} --steps ${step.index + 1}`,
    );
  };
  const check = (step: Step, invariant: string, problems: string[]) => {
    if (problems.length) fail(step, invariant, problems);
  };

  for (let n = 0; n < o.steps; n++) {
    const ts = Date.now();
    const phases: string[] = [];
    let tp = ts;
    const phase = (name: string) => {
      phases.push(`${name} ${((Date.now() - tp) / 1000).toFixed(1)}`);
      tp = Date.now();
    };
    const step = n === 0 ? gen.first() : gen.next();
    const before = gen.world.app;
    // 1. Objects made by hand for this step.
    for (const h of step.handMade) {
      const token = `${o.seed}-${step.index}-${h.name}`;
      await makeByHand(s, h, token);
    }
    const beforeSeen = await observe(s);
    for (const h of step.handMade) {
      const seen =
        h.kind === 'instance'
          ? beforeSeen.instances.find((i) => i.daemon === h.daemon && i.name === h.name)
          : beforeSeen.profiles.find((p) => p.daemon === h.daemon && p.name === h.name);
      handMade.push({ spec: h, view: stableView(seen!) });
    }
    // 2. Synthesize and plan.
    const dir = synthApp(s, out, step.app);
    const w = s.lab.terraformIn(dir);
    if (n === 0) await w.ok(['init']);
    const changes = await plan(w);
    phase('plan');
    const planned = plannedReplacements(before, changes);
    // 3. The fault, and the apply of exactly that plan.
    if (step.fault?.kind === 'down') await s.lab.stopDaemon(step.fault.machine);
    const applied = await applyPlan(s, dir, step.fault?.kind === 'kill' ? step.fault : undefined);
    if (process.env.SOAK_DEBUG) keepStep(process.env.SOAK_DEBUG, s, step.index, changes, applied.output);
    if (step.fault?.kind === 'down') {
      await s.lab.startDaemon(step.fault.machine);
      if (step.fault.machine === 'c1' || step.fault.machine === 'c2') await clusterOnline(s);
      // The restart dropped the daemon's pending trust token: later migrations from it need a new one.
      else s.tokens[step.fault.machine] = await trustToken(s.lab, step.fault.machine);
    }
    if (applied.killed) await operationsSettled(s);
    phase('apply');
    const after = await observe(s);
    const live = handMade.filter(
      (h) =>
        applied.code !== 0 ||
        !step.adopts.some((a) => a.kind === h.spec.kind && a.daemon === h.spec.daemon && a.name === h.spec.name),
    );
    // 4. Invariants.
    check(step, 'handMadeUntouched', handMadeUntouched(live, after));
    let outcome: 'ok' | 'failed' | 'killed';
    const carry = () => {
      carried = carried
        ? {
            ...carried,
            mayLose: new Set([...carried.mayLose, ...step.mayLose]),
            planned: new Set([...carried.planned, ...planned]),
          }
        : { before, mayLose: new Set(step.mayLose), planned: new Set(planned), markers: new Map(markers) };
    };
    if (applied.killed) {
      outcome = 'killed';
      carry();
    } else {
      const unexpected = outcomeAsExpected(step, applied.code, applied.output);
      // What the apply did, when it did not end as it should: did it delete anything?
      if (unexpected.length && applied.code === 0) unexpected.push(...failedApplyDeletedNothing(beforeSeen, after));
      check(step, 'outcomeAsExpected', unexpected);
      outcome = applied.code === 0 ? 'ok' : 'failed';
    }
    if (outcome === 'failed') {
      check(step, 'failedApplyDeletedNothing', failedApplyDeletedNothing(beforeSeen, after));
      // A move to a daemon that was down is a replacement its plan showed: it completes in the retry.
      if (step.onFailure === 'keep') carry();
    }
    if (outcome === 'ok') {
      handMade = live;
      for (const a of step.adopts) {
        const marker = beforeSeen.instances.find((i) => i.daemon === a.daemon && i.name === a.name)?.marker;
        if (a.kind === 'instance' && marker !== undefined) markers.set(a.uid, marker);
      }
      check(step, 'declaredObjectsExist', declaredObjectsExist(step.app, after));
      check(step, 'nothingUndeclaredOwned', nothingUndeclaredOwned(step.app, after));
      // Across a killed apply and its recovery: what either plan replaced, against the markers before the kill.
      const base = carried ?? { before, mayLose: new Set<number>(), planned: new Set<number>(), markers };
      const mayLose = new Set([...base.mayLose, ...step.mayLose]);
      const replaced = new Set([...base.planned, ...planned]);
      const survived = markersSurvive(base.before, step.app, after, base.markers, mayLose, replaced);
      check(step, 'markersSurvive', survived.problems);
      carried = undefined;
      phase('check');
      // drift and the no-change plan and apply only read: side by side.
      const [drift, second, again] = await Promise.all([
        driftProblems(s, out),
        plan(w).then(async (changes) => [changes, await w.run(['apply', '-auto-approve'])] as const),
      ]).then(([d, [p, a]]) => [d, p, a] as const);
      check(
        step,
        'secondPlanEmpty',
        second.map((c) => `${c.address}: ${c.actions.join(', ')}`),
      );
      check(step, 'noChangeApplyRunsNothing', noChangeApply(again));
      check(step, 'driftExitsZero', drift);
      phase('drift+plan+apply');
      // New containers, and those legitimately replaced, get a fresh marker.
      for (const c of step.app.containers) {
        const seen = after.instances.find((i) => i.daemon === c.daemon && i.name === c.name)!;
        if (markers.has(c.uid) && !survived.lost.includes(c.uid) && seen.marker === markers.get(c.uid)) continue;
        const text = `uid:${c.uid}:${o.seed}-${step.index}`;
        writeMarker(s, (seen.location as Member | undefined) ?? (c.daemon as Machine), c.name, text);
        markers.set(c.uid, text);
      }
      for (const uid of [...markers.keys()]) if (!step.app.containers.some((c) => c.uid === uid)) markers.delete(uid);
    }
    gen.advance(step, outcome);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const entry = {
      index: step.index,
      kind: step.kind,
      text: step.text,
      outcome: outcome === 'failed' ? 'failed(ok)' : outcome,
      ms: Date.now() - ts,
    };
    log.push(entry);
    say(
      `soak seed ${o.seed} #${entry.index} ${entry.outcome} ${(entry.ms / 1000).toFixed(1)}s (${phases.join(', ')}): ${entry.text}`,
    );
  }
  return { seed: o.seed, log, ms: Date.now() - t0, outcomes };
}

/** `cdktf-lxd-matchbox drift --out OUT` from the workstation: [] when it exits 0. */
async function driftProblems(s: SoakLab, out: string): Promise<string[]> {
  const r = await s.lab.inWorkstation(process.execPath, [CLI, 'drift', '--out', out], { timeoutMs: 300000 });
  return r.code === 0 ? [] : [`drift exited ${r.code}:\n${r.stdout}${r.stderr}`];
}

/** A no-change apply runs no command at all. */
function noChangeApply(r: { code: number; stdout: string; stderr: string }): string[] {
  if (r.code !== 0) return [`the no-change apply failed (exit ${r.code}):\n${r.stdout}${r.stderr}`];
  const ran = r.stdout
    .split('\n')
    .filter((l) => /Provisioning with|Executing:|Creating\.\.\.|Destroying\.\.\./.test(l));
  return ran.length ? [`the no-change apply ran: ${ran.slice(0, 5).join(' | ')}`] : [];
}

/** Removes what the soak left in its temporary folder (the lab is stopped by its owner). */
export function cleanupSoak(s: SoakLab): void {
  fs.rmSync(s.tmp, { recursive: true, force: true });
}
