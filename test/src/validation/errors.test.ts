/**
 * ValidationErrors recognises the library's errors by a `Symbol.for` brand, so an error thrown by a
 * second copy of the package (another version in the same node_modules) counts too.
 */
import { ValidationErrors } from '../../../index';
import { Problem, ValidationError } from '../../../src/validation/errors';

const PROBLEM: Problem = {
  path: 'lab/web',
  property: 'name',
  value: 'bad_name',
  reason: 'not a valid instance name',
  fix: 'use web-1',
};

/** The errors module of a second, separately loaded copy of the package. */
function secondCopy(): typeof import('../../../src/validation/errors') {
  let copy: typeof import('../../../src/validation/errors') | undefined;
  jest.isolateModules(() => {
    copy = jest.requireActual<typeof import('../../../src/validation/errors')>('../../../src/validation/errors');
  });
  return copy!;
}

describe('ValidationErrors across copies of the package', () => {
  it('recognises an error made by a second copy, which instanceof does not', () => {
    const other = secondCopy();
    expect(other.ValidationError).not.toBe(ValidationError);
    const error = new other.ValidationError([PROBLEM]);
    expect(error instanceof ValidationError).toBe(false);
    expect(ValidationErrors.isValidationError(error)).toBe(true);
    expect(ValidationErrors.problemsOf(error)).toEqual([PROBLEM]);
  });

  it('recognises any object with the brand, and reads its problems', () => {
    const branded = Object.assign(new Error('from elsewhere'), {
      [Symbol.for('cdktf-lxd-matchbox.ValidationError')]: true,
      problems: [PROBLEM],
    });
    expect(ValidationErrors.isValidationError(branded)).toBe(true);
    expect(ValidationErrors.problemsOf(branded)).toEqual([PROBLEM]);
  });

  it('returns a copy of the problems', () => {
    const error = new ValidationError([PROBLEM]);
    const problems = ValidationErrors.problemsOf(error);
    problems.pop();
    expect(error.problems).toEqual([PROBLEM]);
  });

  it.each([
    ['a plain Error', new Error('x')],
    ['an Error named ValidationError', Object.assign(new Error('x'), { name: 'ValidationError', problems: [PROBLEM] })],
    ['an object with another brand', { [Symbol.for('other-package.ValidationError')]: true, problems: [PROBLEM] }],
    [
      'an object whose brand is not true',
      { [Symbol.for('cdktf-lxd-matchbox.ValidationError')]: 'yes', problems: [PROBLEM] },
    ],
    ['a string', 'x'],
    ['null', null],
    ['undefined', undefined],
  ])('does not recognise %s', (_label, value) => {
    expect(ValidationErrors.isValidationError(value)).toBe(false);
    expect(ValidationErrors.problemsOf(value)).toEqual([]);
  });

  it('gives [] for a branded object without a problems array', () => {
    const branded = { [Symbol.for('cdktf-lxd-matchbox.ValidationError')]: true, problems: 'none' };
    expect(ValidationErrors.isValidationError(branded)).toBe(true);
    expect(ValidationErrors.problemsOf(branded)).toEqual([]);
  });

  it('keeps the brand off the enumerable fields (spreads and JSON look as before)', () => {
    const error = new ValidationError([PROBLEM]);
    const brand = Object.getOwnPropertyDescriptor(error, Symbol.for('cdktf-lxd-matchbox.ValidationError'));
    expect(brand).toMatchObject({ value: true, enumerable: false });
    expect(Object.getOwnPropertySymbols({ ...error })).toEqual([]);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ problems: [PROBLEM], name: 'ValidationError' });
  });
});
