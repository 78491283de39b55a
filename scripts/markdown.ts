/**
 * Code blocks of the project's Markdown (the README, and later the guides under docs/), for the
 * tests that run them as written: TypeScript blocks type-check and synthesize, the Quick start's
 * shell commands and files run in an empty folder.
 *
 * Conventions, visible in the Markdown itself:
 * - A line `` `main.ts`: `` right above a block names the file the block is (the Quick start's files).
 * - A TypeScript block holding the line {@link PLACEHOLDER} is the file's preamble: every TypeScript
 *   block after it that does not start with an `import` runs in its place (a fragment).
 * - A TypeScript block starting with `import` is a complete program.
 */

/** The line of a preamble that each fragment replaces. */
export const PLACEHOLDER = '// (the example goes here)';

/** One fenced code block. */
export interface CodeBlock {
  /** The Markdown file it is in (as given). */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The fence's language (`ts`, `sh`, `json`...), `''` when none. */
  readonly lang: string;
  /** The block's text, without the fence's indentation; ends with a newline. */
  readonly code: string;
  /** The file name given on the line above the fence (`` `main.ts`: ``), if any. */
  readonly name?: string;
  /** The nearest heading above the block (`## Quick start`). */
  readonly heading: string;
}

/** Every fenced block of `markdown`, in order. */
export function codeBlocks(markdown: string, file = 'README.md'): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    if (/^#{1,6} /.test(lines[i])) heading = lines[i].trim();
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const indent = open[1].length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]); j++)
      body.push(lines[j].slice(Math.min(indent, lines[j].search(/\S|$/))));
    if (j === lines.length) throw new Error(`${file}:${i + 1}: the code block is never closed`);
    const label = i > 0 ? /^`([^`]+)`:\s*$/.exec(lines[i - 1].trim()) : null;
    blocks.push({
      file,
      line: i + 1,
      lang: open[2],
      code: `${body.join('\n')}\n`,
      heading,
      ...(label ? { name: label[1] } : {}),
    });
    i = j;
  }
  return blocks;
}

/** A TypeScript program made from a block: complete, the preamble alone, or a fragment inside it. */
export interface TsProgram {
  /** The block it comes from. */
  readonly block: CodeBlock;
  /** How the block runs. */
  readonly kind: 'program' | 'preamble' | 'fragment';
  /** The program text. */
  readonly source: string;
}

/** Starts with an import (comments and blank lines aside). */
function isProgram(code: string): boolean {
  return /^\s*import\s/.test(code.replace(/^(\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*/, ''));
}

/**
 * The TypeScript blocks (`ts`, `typescript`) of one Markdown file as programs. A fragment before
 * any preamble is an error: the reader would not know what it runs in.
 */
export function tsPrograms(blocks: readonly CodeBlock[]): TsProgram[] {
  let preamble: CodeBlock | undefined;
  const programs: TsProgram[] = [];
  for (const block of blocks.filter((b) => b.lang === 'ts' || b.lang === 'typescript')) {
    if (block.code.split('\n').some((l) => l.trim() === PLACEHOLDER)) {
      preamble = block;
      programs.push({ block, kind: 'preamble', source: block.code });
    } else if (isProgram(block.code)) {
      programs.push({ block, kind: 'program', source: block.code });
    } else if (preamble) {
      const p = preamble;
      const source = p.code
        .split('\n')
        .map((l) => (l.trim() === PLACEHOLDER ? block.code.trimEnd() : l))
        .join('\n');
      programs.push({ block, kind: 'fragment', source });
    } else {
      throw new Error(
        `${block.file}:${block.line}: a TypeScript fragment with no preamble above it (a block holding the line ${PLACEHOLDER})`,
      );
    }
  }
  return programs;
}

/** The blocks under the heading `heading` (up to the next heading of the same or a higher level). */
export function sectionBlocks(markdown: string, heading: string, file = 'README.md'): CodeBlock[] {
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) throw new Error(`${file}: no heading ${heading}`);
  let end = lines.findIndex((l, i) => i > start && new RegExp(`^#{1,${level}} `).test(l));
  if (end < 0) end = lines.length;
  return codeBlocks(lines.slice(0, end).join('\n'), file).filter((b) => b.line > start + 1);
}
