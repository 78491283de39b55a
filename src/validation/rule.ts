import { Verdict } from './errors';

/**
 * A named check of one value: undefined when the value is good, else why it is bad and how to fix
 * it. Domain rules (instance names, CPU limits, proxy addresses...) live next to their domain in
 * `src/` with this shape; the generic ones are here.
 */
export type Rule<T = unknown> = (value: T) => Verdict | undefined;

/** A rule from a test of the value and the verdict when the test fails. */
export function rule<T = unknown>(ok: (value: T) => boolean, reason: string, fix: string): Rule<T> {
  return (value) => (ok(value) ? undefined : { reason, fix });
}

/** A rule that holds when `ok`, a condition on the other props (e.g. "a root size needs a pool"). */
export function ensure(ok: boolean, reason: string, fix: string): Rule<unknown> {
  return () => (ok ? undefined : { reason, fix });
}

/** A rule for a prop that is not taken where it is given: any value is refused (`check` skips it when left out). */
export function refused(reason: string, fix: string): Rule<unknown> {
  return () => ({ reason, fix });
}

/** The first verdict of `rules`, in order: a later rule may assume the earlier ones passed. */
export function allOf<T>(...rules: readonly Rule<T>[]): Rule<T> {
  return (value) => {
    for (const r of rules) {
      const verdict = r(value);
      if (verdict) return verdict;
    }
    return undefined;
  };
}

/** A string that `pattern` matches. */
export function matching(pattern: RegExp, reason: string, fix: string): Rule<unknown> {
  return rule((v) => typeof v === 'string' && pattern.test(v), reason, fix);
}

/**
 * A word of a given kind (a user name, an option name...): `not a valid <what>`, `use e.g. <example>`.
 */
export function word(what: string, pattern: RegExp, example: string): Rule<unknown> {
  return matching(pattern, `not a valid ${what}`, `use e.g. ${example}`);
}
