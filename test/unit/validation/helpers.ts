/** Shared helpers of the per-construct validation tests. */
import { App } from '../../../constructs/core/cdk';
import * as fs from 'fs';
import * as path from 'path';
import { LabStack, LocalHost, ValidationErrors } from '../../../index';
import { ValidationError } from '../../../src/validation/errors';
import { ExpectedProblem, expectProblem, filesUnder, tmpDir, validationErrorOf } from '../spine/helpers';

export { expectProblem, validationErrorOf };

/** A LabStack `lab` with a local host `lab/host`. */
export function lab(app: App) {
  const stack = new LabStack(app, 'lab');
  const host = new LocalHost(stack, 'host');
  return { app, stack, host };
}

/**
 * Declares an app into a fresh outdir and synthesizes it, expecting a ValidationError either
 * while declaring (construction-time checks) or at synth (cross-object checks). Asserts that
 * nothing was written (not even the `stacks` folder) and that `ValidationErrors` recognises the
 * error; returns it.
 */
export function rejectedError(build: (l: ReturnType<typeof lab>) => void): ValidationError {
  const outdir = tmpDir('validation-out-');
  const app = new App({ outdir });
  const error = validationErrorOf(() => {
    build(lab(app));
    app.synth();
  });
  expect(filesUnder(outdir)).toEqual([]);
  expect(fs.existsSync(path.join(outdir, 'stacks'))).toBe(false);
  expect(ValidationErrors.isValidationError(error)).toBe(true);
  return error;
}

/** {@link rejectedError}, whose error names `expected` (path, property, value, fix). */
export function expectRejected(build: (l: ReturnType<typeof lab>) => void, expected: ExpectedProblem): ValidationError {
  const error = rejectedError(build);
  expectProblem(error, expected);
  return error;
}

/** Declares and synthesizes an app into a fresh outdir; returns the files written. */
export function expectAccepted(build: (l: ReturnType<typeof lab>) => void): string[] {
  const outdir = tmpDir('validation-ok-');
  const app = new App({ outdir });
  build(lab(app));
  app.synth();
  const files = filesUnder(outdir).filter((f) => f.endsWith('cdk.tf.json'));
  expect(files.length).toBeGreaterThan(0);
  return files;
}
