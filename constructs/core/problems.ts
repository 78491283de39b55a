import { Construct, IConstruct } from 'constructs';
import { TerraformStack } from './cdk';
import { formatProblem, Problem, ValidationError } from '../../src/validation/errors';
import { isLabStackScope } from './stack-settings';

/** A construct that reports structured problems (cross-object checks run at synth). */
export interface ProblemSource {
  collectProblems(): Problem[];
}

/** Collects every validation problem under `root` and throws them together. */
export function validateTree(root: IConstruct): void {
  const problems: Problem[] = [];
  const messages: string[] = [];
  for (const c of root.node.findAll()) {
    for (const v of c.node.validate()) {
      messages.push(v.startsWith('[') ? v : `[${c.node.path}] ${v}`);
    }
    const collector = (c as Partial<ProblemSource>).collectProblems;
    if (typeof collector === 'function') problems.push(...collector.call(c));
  }
  if (problems.length) throw new ValidationError(problems);
  if (messages.length) throw new Error(`Validation failed; nothing was synthesized:\n  ${messages.join('\n  ')}`);
}

/** Adds `source`'s structured problems as a cdktf validation, so plain TerraformStacks check them too. */
export function registerProblems(construct: Construct & ProblemSource): void {
  construct.node.addValidation({
    validate: () =>
      isLabStackScope(TerraformStack.of(construct)) ? [] : construct.collectProblems().map(formatProblem),
  });
}
