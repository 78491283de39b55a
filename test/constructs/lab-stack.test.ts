/** LabStack: its own props. */
import { App } from '../../constructs/core/cdk';
import { LabStack } from '../../index';
import { expectProblem, tmpDir, validationErrorOf } from '../helpers';

describe('LabStack props with a NUL byte', () => {
  it('rejects one in localStatePath, naming the stack', () => {
    const error = validationErrorOf(
      () => new LabStack(new App({ outdir: tmpDir() }), 'lab', { localStatePath: 'state\0.tfstate' }),
    );
    expectProblem(error, {
      path: 'lab',
      property: 'localStatePath',
      value: 'state\0.tfstate',
      reason: /NUL byte/,
      fix: /remove the NUL byte/,
    });
  });
});
