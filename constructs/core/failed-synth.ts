import * as fs from 'fs';
import * as path from 'path';

/*
 * A failed synth writes nothing. cdktf's App makes `cdktf.out/stacks` as soon as it is created,
 * before any construct is declared, so the first LabStack of an app takes those folders back while
 * they are empty, and the app's validation makes them again only once it has passed. A bad input
 * found while declaring or synthesizing then leaves no `stacks` folder behind. And a validation
 * error nobody catches (the usual case under `cdktf synth`) is printed as its list of problems,
 * without a stack trace or an object dump.
 */

/** Removes `outdir/stacks` and `outdir` when they are empty (never anything else). */
export function releaseEmptyOutput(outdir: string): void {
  for (const dir of [path.join(outdir, 'stacks'), outdir]) {
    try {
      fs.rmdirSync(dir);
    } catch {
      // Not empty (an earlier synth's output, or files of the user's) or not there: left as it is.
    }
  }
}

/** Makes `outdir/stacks` again for the synthesizers, once validation has passed. */
export function restoreOutput(outdir: string): void {
  fs.mkdirSync(path.join(outdir, 'stacks'), { recursive: true });
}

/** Shared by every copy of the module in the process (jest loads one per test file). */
interface CleanExit {
  readonly outdirs: Set<string>;
}
const KEY = Symbol.for('cdktf-lxd-matchbox.cleanExit');

/** The library's validation error, recognised by shape (any copy of the library). */
function isValidationError(e: unknown): e is Error & { problems: unknown[] } {
  return e instanceof Error && e.name === 'ValidationError' && Array.isArray((e as { problems?: unknown }).problems);
}

/**
 * Prints an uncaught validation error as its message alone and exits with status 1, leaving no
 * empty output folder of `outdir`'s app. Runs only when nothing else handles uncaught errors:
 * a program (or test runner) with its own `uncaughtException` handler keeps its behaviour, and
 * any other error gets Node's usual report.
 */
export function exitCleanlyOnValidationError(outdir: string): void {
  const holder = process as unknown as { [KEY]?: CleanExit };
  let state = holder[KEY];
  if (!state) {
    const created: CleanExit = { outdirs: new Set() };
    state = created;
    holder[KEY] = created;
    process.on('uncaughtExceptionMonitor', (error) => {
      if (!isValidationError(error) || process.listenerCount('uncaughtException') > 0) return;
      for (const dir of created.outdirs) releaseEmptyOutput(dir);
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    });
  }
  state.outdirs.add(path.resolve(outdir));
}
