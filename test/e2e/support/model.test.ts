/**
 * The lifecycle soak's generator (test/e2e/support/model.ts), without any daemon: a seed always gives
 * the same steps, every app it declares is one a user could deploy (names unique per daemon, targets
 * only on the cluster, migrateFrom only between the standalone hosts), and the CI sequence holds every
 * kind of step the e2e test requires of it.
 */
import { AppModel, CI_SOAK, Step, StepGenerator } from './model';

/** `steps` steps of `seed`, each step ending as it is expected to (a kill as killed). */
function sequence(seed: number, steps: number): Step[] {
  const g = new StepGenerator(seed);
  const out: Step[] = [];
  for (let n = 0; n < steps; n++) {
    const step = n === 0 ? g.first() : g.next();
    out.push(step);
    g.advance(step, step.fault?.kind === 'kill' ? 'killed' : step.expect.ok ? 'ok' : 'failed');
  }
  return out;
}

/** What makes an app undeployable, or [] . */
function appProblems(app: AppModel): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [kind, list] of [
    ['instance', app.containers],
    ['profile', app.profiles],
  ] as const) {
    for (const o of list) {
      const key = `${kind}/${o.daemon}/${o.name}`;
      if (seen.has(key)) problems.push(`${key} declared twice`);
      seen.add(key);
    }
  }
  for (const c of app.containers) {
    if ((c.daemon === 'cl') !== (c.member !== undefined)) problems.push(`${c.name}: target ${c.member} on ${c.daemon}`);
    if (c.migrateFrom && (c.daemon === 'cl' || c.migrateFrom === c.daemon))
      problems.push(`${c.name}: migrateFrom ${c.migrateFrom} onto ${c.daemon}`);
  }
  const ids = [...app.containers, ...app.profiles].map((o) => o.id);
  if (new Set(ids).size !== ids.length) problems.push(`construct ids repeated: ${ids.join(' ')}`);
  return problems;
}

describe('the lifecycle soak generator', () => {
  it('gives the same steps for the same seed, and other steps for another', () => {
    const text = (seed: number) => sequence(seed, 30).map((s) => `${s.index} ${s.kind} ${s.text}`);
    expect(text(7)).toEqual(text(7));
    expect(text(8)).not.toEqual(text(7));
    expect(sequence(7, 30).map((s) => s.index)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('declares only apps a user could deploy, over many seeds', () => {
    for (let seed = 1; seed <= 100; seed++) {
      for (const step of sequence(seed, 40))
        expect({ seed, step: step.index, problems: appProblems(step.app) }).toEqual({
          seed,
          step: step.index,
          problems: [],
        });
    }
  });

  it('follows a failure with what the user would do: adopt after a clash, retry once the daemon is back, apply again after a kill', () => {
    const steps = sequence(CI_SOAK.seed, 60);
    for (const [i, s] of steps.entries()) {
      const next = steps[i + 1];
      if (!next) break;
      if (s.kind === 'clash') expect(next.kind).toBe('adopt');
      if (s.kind === 'down') expect({ kind: next.kind, app: next.app }).toEqual({ kind: 'retry', app: s.app });
      if (s.kind === 'kill') expect({ kind: next.kind, app: next.app }).toEqual({ kind: 'recover', app: s.app });
    }
  });

  it('the CI sequence holds every kind of step the e2e test requires of it', () => {
    const kinds = new Set(sequence(CI_SOAK.seed, CI_SOAK.steps).map((s) => s.kind));
    expect(CI_SOAK.kinds.filter((k) => !kinds.has(k))).toEqual([]);
  });
});
