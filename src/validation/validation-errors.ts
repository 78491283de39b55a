import { brandedProblems, isBrandedValidationError, Problem } from './errors';

/**
 * Recognizes the library's validation errors (jsii cannot publish an `Error` subclass, so the
 * class itself is internal). Synth throws one error for all the bad inputs it finds; nothing is
 * written when it does.
 *
 * @example
 * try { app.synth(); } catch (e) {
 *   for (const p of ValidationErrors.problemsOf(e)) console.error(p.path, p.property, p.fix);
 * }
 */
export class ValidationErrors {
  /** True when `error` is the library's validation error. */
  public static isValidationError(error: unknown): boolean {
    // By the brand, not `instanceof`: an error made by another copy of the package counts too.
    return isBrandedValidationError(error);
  }

  /** The problems a validation error carries; `[]` for any other value. */
  public static problemsOf(error: unknown): Problem[] {
    return brandedProblems(error);
  }

  private constructor() {}
}
