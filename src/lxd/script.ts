/** Wraps lines in a brace group so the shell parses the whole script before running it. */
export function script(lines: readonly string[]): string {
  return ['{', 'set -euf', ...lines, '}', ''].join('\n');
}
