/** Small process helpers for the netboot E2E: run, spawn long-lived children, wait, stop by pid. */
import { ChildProcess, spawn, spawnSync } from 'child_process';

/** Runs a command to completion; throws with stderr when it fails. */
export function run(cmd: string, args: readonly string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** A long-lived child with its collected output. */
export interface Proc {
  readonly name: string;
  readonly child: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
}

/** Spawns a long-lived process, collecting stdout and stderr. */
export function start(name: string, cmd: string, args: readonly string[]): Proc {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (out += b));
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', (e) => {
      out += `\nspawn error: ${e.message}`;
      resolve(127);
    });
    child.on('exit', (code) => resolve(code));
  });
  return { name, child, output: () => out, exited };
}

/** Stops a process started by {@link start}: SIGTERM, then SIGKILL after `graceMs`. */
export async function stop(proc: Proc | undefined, graceMs = 2000): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null || proc.child.pid === undefined) return;
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  await proc.exited;
  clearTimeout(timer);
}

/** Polls `check` every `everyMs` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
