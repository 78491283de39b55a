import { Token } from './cdk';
import { stringTokens } from '../../src/util/tokens';
import { ValidationError } from '../../src/validation/errors';
import { nulByteIdProblem, nulByteProblem } from '../../src/validation/nul';
import { Rule } from '../../src/validation/rule';

/**
 * A construct's props (or a method's argument) as the construct reads them: Terraform token
 * objects (`TerraformVariable.value`) become string tokens, so they work wherever a string does,
 * and a NUL byte anywhere (or in a construct id on `path`) is a synth error naming the property.
 * `property` names the argument when it is not the props object (`addDisk`'s options: `disks.data`).
 */
export function readProps<T>(path: string, props: T, property = ''): T {
  const read = stringTokens(props);
  const nul = nulByteIdProblem(path) ?? nulByteProblem(path, read, property);
  if (nul) throw new ValidationError([nul]);
  return read;
}

/** `r`, passing a Terraform value (a variable, a reference): Terraform has it only at apply. */
export function orToken<T>(r: Rule<T>): Rule<T> {
  return (value) => (typeof value === 'string' && Token.isUnresolved(value) ? undefined : r(value));
}
