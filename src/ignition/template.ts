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

/**
 * Which top-level template variables `text` references, split into required and optional.
 * Inside `range`/`with`/`define` bodies the dot is rebound, so only `$.key` counts there.
 */
export function templateReferences(text: string): TemplateReferences {
  const required = new Set<string>();
  const optional = new Set<string>();
  // Stack of open blocks: scope = dot rebound; guard = key made safe by `if index . "key"`.
  const stack: { scoped: boolean; guard?: string }[] = [];
  for (const { body } of templateActions(text)) {
    if (body.startsWith('/*')) continue;
    const m = /^(if|range|with|define|block|else|end)\b\s*(.*)$/s.exec(body);
    const keyword = m?.[1];
    const rest = m ? m[2] : body;
    const index = INDEX_ROOT.exec(rest);
    if (index) optional.add(index[1] ?? index[2]);
    const scoped = stack.some((b) => b.scoped);
    const guards = new Set(stack.map((b) => b.guard).filter((g): g is string => g !== undefined));
    if (keyword !== 'define' && keyword !== 'end') {
      const plain = stripLiterals(rest);
      for (const key of rootFields(plain)) {
        const viaDollar = new RegExp(`\\$\\.${key}\\b`).test(plain);
        if (scoped && !viaDollar) continue;
        (guards.has(key) ? optional : required).add(key);
      }
    }
    if (keyword === 'end') stack.pop();
    else if (keyword === 'if') stack.push({ scoped: false, guard: index ? (index[1] ?? index[2]) : undefined });
    else if (keyword === 'range' || keyword === 'with' || keyword === 'define' || keyword === 'block') stack.push({ scoped: true });
  }
  for (const key of required) optional.delete(key);
  return { required: [...required].sort(), optional: [...optional].sort() };
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
