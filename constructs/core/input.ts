import { Token } from './cdk';
import { stringTokens } from '../../src/util/tokens';
import { assertValid, ValidationError } from '../../src/validation/errors';
import { nulByteProblem } from '../../src/validation/nul';
import { Rule } from '../../src/validation/rule';

/**
 * A construct's props (or a method's argument) as the construct reads them: Terraform token
 * objects (`TerraformVariable.value`) become string tokens, so they work wherever a string does,
 * and a NUL byte anywhere is a synth error naming the property. `property` names the argument
 * when it is not the props object (`addDisk`'s options: `disks.data`).
 */
export function readProps<T>(path: string, props: T, property = ''): T {
  const read = stringTokens(props);
  const nul = nulByteProblem(path, read, property);
  if (nul) throw new ValidationError([nul]);
  return read;
}

/**
 * Each of `keys` that `props` sets is a boolean. From JavaScript, `protect: 'no'` would otherwise
 * count as true (a non-empty string is truthy).
 */
export function assertBooleans<T extends object>(path: string, props: T, keys: readonly (keyof T & string)[], prefix = ''): void {
  for (const key of keys) {
    const value: unknown = props[key];
    assertValid(path, `${prefix}${key}`, value, value === undefined || typeof value === 'boolean' ? undefined : {
      reason: `not a boolean but ${value === null ? 'null' : `a ${typeof value}`}, which would count as ${value ? 'true' : 'false'}`,
      fix: `use true or false (or leave ${key} out)`,
    });
  }
}

/** `r`, passing a Terraform value (a variable, a reference): Terraform has it only at apply. */
export function orToken<T>(r: Rule<T>): Rule<T> {
  return (value) => (typeof value === 'string' && Token.isUnresolved(value) ? undefined : r(value));
}
