import { Problem, ValidationError, Verdict } from './errors';
import { Rule } from './rule';
import { booleanFlag } from './rules';

/** One prop checked: its name as the user wrote it, its value, and the verdict of its rules. */
export interface Check {
  /** Property name as the user wrote it, e.g. `limits.cpu`. */
  readonly property: string;
  /** The value the error message shows. */
  readonly value: unknown;
  /** Undefined when the value passed every rule. */
  readonly verdict?: Verdict;
}

/** Checks, possibly grouped (a helper that checks a map or a section returns a list). */
export type Checks = ReadonlyArray<Check | Checks>;

/** The checks of `checks`, in order, groups opened. */
function flatten(checks: Checks): Check[] {
  return checks.flatMap((c) => ('property' in c ? [c] : flatten(c as Checks)));
}

/**
 * Checks an optional prop: nothing when `value` is undefined (left out), else the first verdict
 * of `rules`, in order (a later rule may assume the earlier ones passed).
 */
export function check<T>(property: string, value: T | undefined, ...rules: readonly Rule<T>[]): Check {
  return value === undefined ? { property, value } : checkRequired(property, value, ...rules);
}

/** Checks a prop that must be given: the rules also see `undefined` (and refuse it). */
export function checkRequired<T>(property: string, value: T, ...rules: readonly Rule<T>[]): Check {
  for (const r of rules) {
    const verdict = r(value);
    if (verdict) return { property, value, verdict };
  }
  return { property, value };
}

/** `c`, showing `value` in the message instead of the value checked (e.g. `(secret)` for a token). */
export function shown(c: Check, value: unknown): Check {
  return { ...c, value };
}

/** The result of a check made elsewhere (a domain validator that names the property itself). */
export function found(property: string, value: unknown, verdict: Verdict | undefined): Check {
  return { property, value, verdict };
}

/** True when every check passed (to run checks that only make sense on good values). */
export function passed(checks: Checks): boolean {
  return flatten(checks).every((c) => c.verdict === undefined);
}

/** Checks that each of `keys` that `props` sets is a boolean (`prefix` goes before the key in messages). */
export function booleans<T extends object>(props: T, keys: readonly (keyof T & string)[], prefix = ''): Check[] {
  return keys.map((key) => check(`${prefix}${key}`, props[key] as unknown, booleanFlag(key)));
}

/** The problems of the checks of the construct at `path`, in order. */
export function findProblems(path: string, checks: Checks): Problem[] {
  return flatten(checks).flatMap((c) =>
    c.verdict ? [{ path, property: c.property, value: c.value, reason: c.verdict.reason, fix: c.verdict.fix }] : [],
  );
}

/**
 * Checks a construct's props at once: throws one ValidationError naming every bad prop (path,
 * property, value, fix), or returns when all are good. `more` are problems found otherwise (e.g.
 * a validator of a whole document), reported after the checks'.
 */
export function checkProps(path: string, checks: Checks, more: readonly Problem[] = []): void {
  const problems = [...findProblems(path, checks), ...more];
  if (problems.length) throw new ValidationError(problems);
}
