/**
 * A small reader for Go text/template actions, enough to tell which top-level
 * variables (`{{.key}}`) a Matchbox template needs. Matchbox renders with
 * `missingkey=error`, so a required key that no group provides is a 404 at boot.
 */

/** One `{{ ... }}` action: its inner text (trim markers removed) and offsets. */
export interface TemplateAction {
  /** Text between the delimiters, without `-` trim markers and surrounding spaces. */
  readonly body: string;
  /** Offset of `{{` in the source. */
  readonly start: number;
  /** Offset just after `}}`. */
  readonly end: number;
}

/** Variables referenced by a template, split by whether a missing key breaks rendering. */
export interface TemplateReferences {
  /** Keys read as `.key` (outside an `if index . "key"` guard): missing -> render error. */
  readonly required: string[];
  /** Keys only read through `index . "key"` or inside its guard: missing is fine. */
  readonly optional: string[];
}

/** Splits text into Go template actions. Comments (`{{/* *\/}}`) are returned too. */
export function templateActions(text: string): TemplateAction[] {
  const out: TemplateAction[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) return out;
    const end = findClose(text, start + 2);
    if (end < 0) return out; // unterminated: Go would fail to parse; nothing more to read
    let body = text.slice(start + 2, end);
    body = body.replace(/^-\s/, '').replace(/\s-$/, '').trim();
    out.push({ body, start, end: end + 2 });
    from = end + 2;
  }
}

/** Finds the closing `}}`, skipping quoted strings inside the action. */
function findClose(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === '`' || c === "'") {
      const q = c;
      for (i++; i < text.length && text[i] !== q; i++) if (q !== '`' && text[i] === '\\') i++;
      continue;
    }
    if (c === '}' && text[i + 1] === '}') return i;
  }
  return -1;
}

/** Removes string and char literals from an action body. */
function stripLiterals(body: string): string {
  return body.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)*'/g, '""');
}

const INDEX_ROOT = /^index\s+(?:\$|\.)\s+(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)/;

/** Top-level keys read from the root data (`.key`, `$.key`) in one pipeline. */
function rootFields(pipeline: string): string[] {
  const keys: string[] = [];
  const re = /(^|[\s(|,=])\$?\.([A-Za-z_][A-Za-z0-9_]*)/g;
  for (let m = re.exec(pipeline); m; m = re.exec(pipeline)) keys.push(m[2]);
  return keys;
}

/** An action with what is known of its block: its keyword, the dot rebound, and `if index . "key"` guards. */
interface WalkedAction extends TemplateAction {
  /** `if`, `range`, `with`, `define`, `block`, `else`, `end`, `template`, `break`, `continue`, or undefined. */
  readonly keyword?: string;
  /** The body after the keyword. */
  readonly rest: string;
  /** Inside a `range`/`with`/`define`/`block` body, where `.` is not the root data. */
  readonly scoped: boolean;
  /** Keys guarded by an enclosing `if index . "key"`. */
  readonly guards: ReadonlySet<string>;
}

const KEYWORD = /^(if|range|with|define|block|else|end|template|break|continue)\b\s*(.*)$/s;

/** Every action but comments, in order, with its block context. */
function walkActions(text: string): WalkedAction[] {
  const out: WalkedAction[] = [];
  // Stack of open blocks: scoped = dot rebound; guard = key made safe by `if index . "key"`.
  const stack: { scoped: boolean; guard?: string }[] = [];
  for (const action of templateActions(text)) {
    if (action.body.startsWith('/*')) continue;
    const m = KEYWORD.exec(action.body);
    const keyword = m?.[1];
    const rest = m ? m[2] : action.body;
    const guards = new Set(stack.map((b) => b.guard).filter((g): g is string => g !== undefined));
    out.push({ ...action, keyword, rest, scoped: stack.some((b) => b.scoped), guards });
    const index = INDEX_ROOT.exec(rest);
    if (keyword === 'end') stack.pop();
    else if (keyword === 'if') stack.push({ scoped: false, guard: index ? (index[1] ?? index[2]) : undefined });
    else if (keyword === 'range' || keyword === 'with' || keyword === 'define' || keyword === 'block')
      stack.push({ scoped: true });
  }
  return out;
}

/**
 * Which top-level template variables `text` references, split into required and optional.
 * Inside `range`/`with`/`define` bodies the dot is rebound, so only `$.key` counts there.
 */
export function templateReferences(text: string): TemplateReferences {
  const required = new Set<string>();
  const optional = new Set<string>();
  for (const { keyword, rest, scoped, guards } of walkActions(text)) {
    const index = INDEX_ROOT.exec(rest);
    if (index) optional.add(index[1] ?? index[2]);
    if (keyword === 'define' || keyword === 'end') continue;
    const plain = stripLiterals(rest);
    for (const key of rootFields(plain)) {
      const viaDollar = new RegExp(`\\$\\.${key}\\b`).test(plain);
      if (scoped && !viaDollar) continue;
      (guards.has(key) ? optional : required).add(key);
    }
  }
  for (const key of required) optional.delete(key);
  return { required: [...required].sort(), optional: [...optional].sort() };
}

/** An action that writes text: not a comment, a keyword (`if`, `end`...) or a variable declaration. */
export interface OutputAction extends TemplateAction {
  /** The function of the pipeline's last command (`js`, `urlquery`, `printf`, `index`...), undefined when it prints a value. */
  readonly writer?: string;
  /**
   * Root-data paths the pipeline reads (`.a.b`, `$.a`, `index . "a"`), e.g. `[['ssh_authorized_key']]`;
   * inside `range`/`with` only `$.` paths.
   */
  readonly paths: string[][];
}

const FIELD_CHAIN = /(^|[\s(|,=])(\$?)\.([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g;
const INDEX_ANY = /(?:^|[\s(|])index\s+(\$|\.)\s+(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)/g;

/** The function name of the last command of a pipeline (literals already stripped), if it is a function call. */
function lastFunction(plain: string): string | undefined {
  let depth = 0;
  let from = 0;
  for (let i = 0; i < plain.length; i++) {
    if (plain[i] === '(') depth++;
    else if (plain[i] === ')') depth--;
    else if (plain[i] === '|' && depth === 0) from = i + 1;
  }
  return /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(plain.slice(from))?.[1];
}

/** The actions of `text` that write text into the output, with what they print. */
export function outputActions(text: string): OutputAction[] {
  const out: OutputAction[] = [];
  for (const a of walkActions(text)) {
    if (a.keyword !== undefined || /^\$[A-Za-z0-9_]*\s*:?=/.test(a.body)) continue;
    const plain = stripLiterals(a.body);
    const paths: string[][] = [];
    for (const m of plain.matchAll(FIELD_CHAIN)) if (!a.scoped || m[2] === '$') paths.push(m[3].split('.'));
    for (const m of a.body.matchAll(INDEX_ANY)) {
      if (!a.scoped || m[1] === '$') paths.push([m[2] !== undefined ? (JSON.parse(`"${m[2]}"`) as string) : m[3]]);
    }
    out.push({ body: a.body, start: a.start, end: a.end, writer: lastFunction(plain), paths });
  }
  return out;
}

/**
 * `text` with ` | fn` appended to every output action whose last function is not one of `keep`,
 * so that Matchbox escapes what the action writes (e.g. `{{.key}}` -> `{{.key | js}}`).
 */
export function pipeActions(text: string, fn: string, keep: readonly string[]): string {
  let out = '';
  let from = 0;
  for (const a of outputActions(text)) {
    if (a.writer !== undefined && keep.includes(a.writer)) continue;
    const inner = text.slice(a.start + 2, a.end - 2);
    let cut = /\s-$/.test(inner) ? inner.length - 2 : inner.length;
    while (cut > 0 && /\s/.test(inner[cut - 1])) cut--;
    out += `${text.slice(from, a.start)}{{${inner.slice(0, cut)} | ${fn}${inner.slice(cut)}}}`;
    from = a.end;
  }
  return out + text.slice(from);
}

/** Every top-level variable `text` references (required and optional), sorted. */
export function templateVariables(text: string): string[] {
  const refs = templateReferences(text);
  return [...new Set([...refs.required, ...refs.optional])].sort();
}

/** True when the text contains at least one Go template action. */
export function isTemplated(text: string): boolean {
  return templateActions(text).length > 0;
}
