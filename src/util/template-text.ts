/*
 * Text inside Terraform JSON, where every string is a template: the escapes of literal text, and
 * cdktf's string-token markers (`${TfToken[TOKEN.12]}`), which stand for references and stay as they are.
 */

/** cdktf's marker of a string token, captured (a split keeps the markers as parts of their own). */
const TOKEN_MARKER = /(\$\{TfToken\[[^\]]+\]\})/;
const TOKEN_MARKER_ONLY = /^\$\{TfToken\[[^\]]+\]\}$/;

/** `text` cut into literal parts and the token markers between them, in order. */
export function splitAtTokenMarkers(text: string): string[] {
  return text.split(TOKEN_MARKER);
}

/** True when `part` (of {@link splitAtTokenMarkers}) is a token marker. */
export function isTokenMarker(part: string): boolean {
  return TOKEN_MARKER_ONLY.test(part);
}

/** `${` and `%{` as literal text in a Terraform template string. */
export function escapeTemplate(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, '%%{');
}

const HCL_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Literal text as the inside of an HCL string literal: backslashes, quotes and control characters escaped. */
export function hclEscape(text: string): string {
  // Control characters are exactly what must be escaped here.
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\\"\u0000-\u001f\u007f]/g,
    (c) => HCL_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
