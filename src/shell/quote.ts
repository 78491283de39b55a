/**
 * Quotes one word for a POSIX shell. Everything between single quotes is literal,
 * so no input can expand or inject a command.
 */
export function shq(word: string): string {
  if (word.includes('\0')) throw new Error('a shell word cannot contain a NUL byte');
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Quotes every word and joins them into one command line. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shq).join(' ');
}

/**
 * A quoted here-document feeding `text` to `command` on stdin. The delimiter is
 * chosen so that it cannot occur in the text; the body is never expanded.
 */
export function heredoc(command: string, text: string): string {
  let tag = 'CDKTF_EOF';
  for (let i = 0; text.split('\n').includes(tag); i++) tag = `CDKTF_EOF_${i}`;
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${command} <<'${tag}'\n${body}${tag}`;
}
