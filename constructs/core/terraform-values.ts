import { escapeTemplate, hclEscape, isTokenMarker, splitAtTokenMarkers } from '../../src/util/template-text';
import { isPlainData, isTokenObject } from '../../src/util/tokens';
import {
  dependable,
  Fn,
  IResolvable,
  IResolveContext,
  ITerraformDependable,
  TerraformResource,
  TerraformStack,
  Token,
  Tokenization,
} from './cdk';

/* Values as Terraform JSON must carry them: lazily produced once, escaped, or marked sensitive. */

/**
 * A value produced on first resolve and kept: what `Lazy.anyValue` does, without its cost.
 * cdktf's Lazy records a full stack trace when created and produces again on every resolve
 * (synth resolves twice); at seven per object that was a third of the synth time.
 */
export function once(produce: () => unknown): IResolvable {
  let produced: { value: unknown; plain: boolean } | undefined;
  const resolvable: IResolvable = {
    creationStack: [],
    resolve: (context) => {
      if (!produced) {
        const value = produce();
        produced = { value, plain: !containsTokens(value) };
      }
      // cdktf's preparing pass resolves every element only to find references (across stacks)
      // and discards the result: plain data has none, so it is not walked there.
      return context.preparing && produced.plain ? undefined : produced.value;
    },
    toString: () => Token.asString(resolvable),
  };
  return resolvable;
}

/** True when `value` holds a token (a reference, a variable, a sensitive value...) anywhere. */
function containsTokens(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return value.some(containsTokens);
  if (value !== null && typeof value === 'object') {
    return (
      Tokenization.isResolvable(value) ||
      Object.entries(value).some(([k, v]) => Token.isUnresolved(k) || containsTokens(v))
    );
  }
  return false;
}

/** {@link once} as a string token (`Lazy.stringValue`). */
export function onceString(produce: () => string): string {
  return Token.asString(once(produce));
}

/**
 * One depends_on token per dependency, shared by all dependents (`dependable()` makes a new one,
 * with a stack trace, per call). A resource of the same stack resolves straight to its address:
 * cdktf's own path builds a reference token for it during resolution, whose stack trace, taken
 * deep in the resolver, cost more than the rest of the depends_on entry.
 */
const dependableTokens = new WeakMap<ITerraformDependable, string>();
export function dependableToken(d: ITerraformDependable): string {
  let token = dependableTokens.get(d);
  if (token === undefined) {
    let stack: TerraformStack | undefined;
    let general: string | undefined;
    token = Token.asString({
      creationStack: [],
      resolve: (context: IResolveContext) => {
        if (TerraformResource.isTerraformResource(d) && !d.forEach && d.count === undefined) {
          stack ??= TerraformStack.of(d);
          if (TerraformStack.of(context.scope) === stack) return `${d.terraformResourceType}.${d.friendlyUniqueId}`;
        }
        return (general ??= dependable(d));
      },
    });
    dependableTokens.set(d, token);
  }
  return token;
}

/**
 * Escapes literal data for Terraform JSON, where every string is a template:
 * `${` and `%{` would otherwise be evaluated (`$${` and `%%{` are their literal forms).
 * Unresolved tokens (references, sensitive values) are left as they are.
 */
export function tfLiteral<T>(value: T): T {
  if (typeof value === 'string') {
    // Most strings have nothing to escape (a token marker starts with `${` too): keep them as they are.
    if (!value.includes('{')) return value;
    // Escape the literal parts; keep embedded references (`${TfToken[...]}` markers) as they are.
    return splitAtTokenMarkers(value)
      .map((part) => (isTokenMarker(part) ? part : escapeTemplate(part)))
      .join('') as T;
  }
  if (Array.isArray(value)) return value.map((v) => tfLiteral(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [tfLiteral(k), tfLiteral(v)])) as T;
  }
  return value;
}

/** Quotes text as an HCL string literal (inside a `${...}` expression). */
export function hclString(text: string, embed: (expr: string) => string = (expr) => expr): string {
  const literalPart = (part: string) => escapeTemplate(hclEscape(part));
  // Tokens embedded in the text (variables, references) resolve to bare expressions here,
  // inside `${...}`: interpolate them into the string literal instead of escaping them.
  const body = splitAtTokenMarkers(text)
    .map((part) => (isTokenMarker(part) ? `\${${embed(part)}}` : literalPart(part)))
    .join('');
  return `"${body}"`;
}

/**
 * A literal string, or JSON-compatible value, marked sensitive: `${sensitive("...")}`.
 * (cdktf's `Fn.sensitive` does not escape quotes or backslashes in string arguments,
 * which makes Terraform reject, e.g., any preseed YAML containing `""`.)
 */
export function sensitiveLiteral(value: unknown): string {
  // Inside JSON text, an embedded value must be JSON-escaped: its jsonencode() without the quotes.
  const expr =
    typeof value === 'string'
      ? hclString(value)
      : `jsondecode(${hclString(JSON.stringify(value), (e) => `replace(jsonencode(${e}), "/^\\"|\\"$/", "")`)})`;
  const text = `\${sensitive(${expr})}`;
  const resolvable: IResolvable = { creationStack: [], resolve: () => text, toString: () => text };
  return Token.asString(resolvable);
}

/**
 * Wraps every unresolved Terraform token in `jsonencode()`, so its value lands in the YAML as a
 * quoted string. Token objects (`TerraformVariable.value`) count as their string form; only plain
 * data is walked (a token object's fields lead into the construct tree).
 */
export function yamlSafeTokens<T>(value: T): T {
  const v = isTokenObject(value) ? String(value) : value;
  if (typeof v === 'string') return (Token.isUnresolved(v) ? Fn.jsonencode(v) : v) as T;
  if (Array.isArray(v)) return v.map((x) => yamlSafeTokens(x)) as T;
  if (isPlainData(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, yamlSafeTokens(x)])) as T;
  return v;
}
