/**
 * Terraform tokens given where a string is expected. cdktf hands some out as objects: a
 * `TerraformVariable.value` or `Token.asAny(...)` is an `IResolvable` (typed `any`), not a string.
 * Walking one as plain data follows its references into the construct tree (a stack overflow),
 * and `JSON.stringify` turns it into `"<unresolved-token>"`. Its string form, `String(token)`, is
 * the same token as `.stringValue` gives, which the library handles wherever it takes a string.
 */

/** True for a Terraform token object (cdktf's `IResolvable`) that is not a construct. */
export function isTokenObject(value: unknown): value is { resolve: unknown; toString(): string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { resolve?: unknown }).resolve === 'function' &&
    !('node' in value)
  );
}

/** True for data the library walks into: arrays and plain objects (not constructs, tokens or class instances). */
export function isPlainData(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * `value` with every token object inside its plain data replaced by the token's string form.
 * Only the arrays and objects on the way to a token are copied: the rest (constructs, class
 * instances, data without token objects) are kept as they are, the same objects.
 */
export function stringTokens<T>(value: T): T {
  if (isTokenObject(value)) return String(value) as T;
  if (Array.isArray(value)) {
    const items = value.map((v) => stringTokens(v));
    return (items.some((v, i) => v !== value[i]) ? items : value) as T;
  }
  if (isPlainData(value)) {
    const entries = Object.entries(value).map(([k, v]) => [k, stringTokens(v)] as const);
    return (
      entries.some(([k, v]) => v !== (value as Record<string, unknown>)[k]) ? Object.fromEntries(entries) : value
    ) as T;
  }
  return value;
}
