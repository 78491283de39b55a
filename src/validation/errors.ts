/**
 * The object a problem belongs to when a validator checks several objects at once (e.g. all
 * profiles and groups of one Matchbox server): lets the caller route the problem to the construct
 * that declared the object without parsing `property`.
 */
export interface ProblemSubject {
  /** What kind of object: a Matchbox profile or group. */
  readonly kind: 'profile' | 'group';
  /** The object's id (profile id or group id). */
  readonly id: string;
}

/** One bad input: where it is, what it is, why it is wrong, and how to fix it. */
export interface Problem {
  /** Construct path, e.g. `lab/web`. */
  readonly path: string;
  /** Property name as the user wrote it, e.g. `ipv4Address`. */
  readonly property: string;
  /** The offending value. */
  readonly value: unknown;
  /** Why it is wrong. */
  readonly reason: string;
  /** What would be valid. */
  readonly fix: string;
  /**
   * The object `property` belongs to, when `path` alone does not name it (see {@link ProblemSubject}).
   * Not part of the formatted message. @default - the construct at `path` itself
   */
  readonly subject?: ProblemSubject;
}

/** A reason and a fix, returned by a rule when a value is bad. */
export interface Verdict {
  readonly reason: string;
  readonly fix: string;
}

/** Renders a value for an error message without dumping huge or multi-line strings. */
export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Formats one problem as a single line. */
export function formatProblem(p: Problem): string {
  return `[${p.path}] ${p.property} = ${describeValue(p.value)}: ${p.reason}. Fix: ${p.fix}.`;
}

/**
 * The brand every ValidationError carries (`true`, on the instance): a registry symbol, so that two
 * copies of the package (two versions in one `node_modules`) recognise each other's errors, which
 * `instanceof` cannot.
 */
export const VALIDATION_ERROR_BRAND = Symbol.for('cdktf-lxd-matchbox.ValidationError');

/** Thrown when input is invalid. Synth writes nothing when this is thrown. */
export class ValidationError extends Error {
  constructor(public readonly problems: Problem[]) {
    super(
      `${problems.length} invalid input${problems.length === 1 ? '' : 's'}; nothing was synthesized:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ValidationError';
    Object.defineProperty(this, VALIDATION_ERROR_BRAND, { value: true });
  }
}

/** True when `error` carries the ValidationError brand, whichever copy of the package made it. */
export function isBrandedValidationError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[VALIDATION_ERROR_BRAND] === true
  );
}

/** The problems of a branded ValidationError (of any copy of the package); `[]` for any other value. */
export function brandedProblems(error: unknown): Problem[] {
  const problems = isBrandedValidationError(error) ? (error as { problems?: unknown }).problems : undefined;
  return Array.isArray(problems) ? [...problems] : [];
}
