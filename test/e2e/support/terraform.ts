/** Synthesize a cdktf app into a temporary directory and drive the real terraform binary on it. */
import * as fs from 'fs';
import * as path from 'path';
import { App } from '../../../constructs/core/cdk';
import { runAsync } from './lxd-daemon';
import type { RunResult } from './lib/sh';

/** One planned change from `terraform show -json`. */
export interface PlannedChange {
  readonly address: string;
  readonly actions: string[];
}

/**
 * A synthesized stack directory with terraform commands bound to an environment. `wrap` is a command
 * prefix terraform runs under, e.g. `['ip', 'netns', 'exec', NS]` to run it (and its local-exec
 * provisioners) inside a network namespace (see SshLab.terraformIn in ./ssh-lab.ts).
 */
export class TerraformWorkdir {
  constructor(
    public readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly wrap: readonly string[] = [],
  ) {}

  /** Runs `terraform ARGS` (no colour, no input); never rejects on a non-zero exit. */
  public run(args: string[]): Promise<RunResult> {
    const [command, ...rest] = args;
    const flags = ['-no-color', ...(['init', 'plan', 'apply', 'destroy'].includes(command) ? ['-input=false'] : [])];
    const [cmd, ...prefix] = [...this.wrap, 'terraform'];
    return runAsync(cmd, [...prefix, command, ...flags, ...rest], {
      cwd: this.dir,
      env: { ...this.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
      timeoutMs: 600000,
    });
  }

  /** Runs terraform and throws with its output when it fails. */
  public async ok(args: string[]): Promise<string> {
    const r = await this.run(args);
    if (r.code !== 0) throw new Error(`terraform ${args.join(' ')} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  }

  /** `terraform plan` and the changes it plans (empty when nothing changes). */
  public async plan(extra: string[] = []): Promise<PlannedChange[]> {
    await this.ok(['plan', '-out=plan.bin', ...extra]);
    const shown = JSON.parse(await this.ok(['show', '-json', 'plan.bin']));
    return (shown.resource_changes ?? [])
      .map((c: any) => ({ address: c.address, actions: c.change.actions }))
      .filter((c: PlannedChange) => !(c.actions.length === 1 && c.actions[0] === 'no-op'));
  }
}

/**
 * Synthesizes what `build` adds to a fresh App into `outdir` and returns the working directory
 * of `stackId`, initialized (terraform_data needs no provider download). `wrap`: see TerraformWorkdir.
 */
export async function synthStack(
  outdir: string,
  stackId: string,
  build: (app: App) => void,
  env: NodeJS.ProcessEnv,
  wrap: readonly string[] = [],
): Promise<TerraformWorkdir> {
  const app = new App({ outdir });
  build(app);
  app.synth();
  const dir = path.join(outdir, 'stacks', stackId);
  if (!fs.existsSync(path.join(dir, 'cdk.tf.json'))) throw new Error(`no cdk.tf.json in ${dir}`);
  const wd = new TerraformWorkdir(dir, env, wrap);
  if (!fs.existsSync(path.join(dir, '.terraform'))) await wd.ok(['init']);
  return wd;
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
