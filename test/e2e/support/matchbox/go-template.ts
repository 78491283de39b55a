/**
 * The part of Go's text/template that Matchbox templates from this library use, executed the way
 * Matchbox does (`template.New("").Option("missingkey=error")`, data decoded from JSON): text,
 * `{{- -}}` trim markers, comments, `if`/`else if`/`else`/`end`, pipelines of `.a.b`, `$.a`, `.`,
 * string literals and the functions `index`, `js` and `urlquery`, printed with Go's `%v`.
 *
 * Two kinds of failure: a {@link GoTemplateError} is what Go reports too (a parse or execution
 * error: Matchbox answers 404); a {@link StandInLimit} is Go template syntax this stand-in does not
 * model (a test fixture must not guess), which the fixture answers with 500.
 */

/** An error Go's text/template would report as well (Matchbox then answers 404). */
export class GoTemplateError extends Error {}
/** Valid Go template syntax the stand-in does not model. */
export class StandInLimit extends Error {}

type Operand =
  | { kind: 'field'; root: 'dot' | 'dollar'; path: string[] }
  | { kind: 'string'; value: string }
  | { kind: 'fn'; name: string };
type Command = Operand[];
type Pipeline = Command[];
type Node =
  | { kind: 'text'; text: string }
  | { kind: 'print'; pipe: Pipeline }
  | { kind: 'if'; branches: { cond?: Pipeline; body: Node[] }[] };

/** Go builtins the stand-in does not model (a template using them is not guessed at). */
const UNMODELLED_FUNCS = new Set([
  'and',
  'or',
  'not',
  'len',
  'print',
  'printf',
  'println',
  'slice',
  'html',
  'call',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'true',
  'false',
  'nil',
]);

/** Splits a template into text and action bodies, applying trim markers. */
function lex(src: string): ({ text: string } | { action: string })[] {
  const out: ({ text: string } | { action: string })[] = [];
  let from = 0;
  let trimNext = false;
  for (;;) {
    const open = src.indexOf('{{', from);
    let text = src.slice(from, open < 0 ? src.length : open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open < 0) {
      out.push({ text });
      return out;
    }
    const trimLeft = /^\{\{-\s/.test(src.slice(open));
    if (trimLeft) text = text.replace(/\s+$/, '');
    out.push({ text });
    const close = findClose(src, open + 2);
    if (close < 0) throw new GoTemplateError('unclosed action');
    let body = src.slice(open + 2, close);
    trimNext = /\s-$/.test(body);
    if (trimLeft) body = body.slice(2);
    if (trimNext) body = body.slice(0, -2);
    out.push({ action: body.trim() });
    from = close + 2;
  }
}

function findClose(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === '`') {
      for (i++; i < src.length && src[i] !== c; i++) if (c === '"' && src[i] === '\\') i++;
    } else if (c === '}' && src[i + 1] === '}') return i;
  }
  return -1;
}

/** A double-quoted Go string literal (the escapes JSON shares with Go; others are not modelled). */
function goString(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    throw new StandInLimit(`not modelled: the string literal ${literal}`);
  }
}

/** Parses one pipeline: commands separated by `|`, operands separated by spaces. */
function parsePipeline(body: string): Pipeline {
  const tokens = body.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|\||[^\s|]+/g) ?? [];
  const pipe: Pipeline = [[]];
  for (const t of tokens) {
    if (t === '|') {
      pipe.push([]);
      continue;
    }
    const cmd = pipe[pipe.length - 1];
    if (t.startsWith('"')) cmd.push({ kind: 'string', value: goString(t) });
    else if (t.startsWith('`')) cmd.push({ kind: 'string', value: t.slice(1, -1) });
    else if (t === '.' || /^\.[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(t))
      cmd.push({ kind: 'field', root: 'dot', path: t === '.' ? [] : t.slice(1).split('.') });
    else if (t === '$' || /^\$\.[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(t))
      cmd.push({ kind: 'field', root: 'dollar', path: t === '$' ? [] : t.slice(2).split('.') });
    else if (['index', 'js', 'urlquery'].includes(t)) cmd.push({ kind: 'fn', name: t });
    else if (UNMODELLED_FUNCS.has(t) || /^[$(]|:?=$/.test(t) || /^[0-9-]/.test(t))
      throw new StandInLimit(`not modelled: ${t} in {{${body}}}`);
    else throw new GoTemplateError(`function "${t}" not defined`);
  }
  if (pipe.some((c) => c.length === 0)) throw new GoTemplateError(`missing command in {{${body}}}`);
  return pipe;
}

/** Parses a template into nodes. */
export function parseGoTemplate(src: string): Node[] {
  const root: Node[] = [];
  const stack: { node: Extract<Node, { kind: 'if' }>; body: Node[] }[] = [];
  const into = (): Node[] => (stack.length ? stack[stack.length - 1].body : root);
  for (const item of lex(src)) {
    if ('text' in item) {
      if (item.text) into().push({ kind: 'text', text: item.text });
      continue;
    }
    const body = item.action;
    if (body.startsWith('/*')) {
      if (!body.endsWith('*/')) throw new GoTemplateError('unclosed comment');
      continue;
    }
    const m = /^(\w+)\b\s*(.*)$/s.exec(body);
    const keyword = m?.[1];
    if (keyword === 'if') {
      const node: Extract<Node, { kind: 'if' }> = { kind: 'if', branches: [{ cond: parsePipeline(m![2]), body: [] }] };
      into().push(node);
      stack.push({ node, body: node.branches[0].body });
    } else if (keyword === 'else') {
      const top = stack[stack.length - 1];
      if (!top) throw new GoTemplateError('unexpected {{else}}');
      const elseIf = /^if\b\s*(.*)$/s.exec(m![2]);
      if (m![2] && !elseIf) throw new StandInLimit(`not modelled: {{${body}}}`);
      const branch = { cond: elseIf ? parsePipeline(elseIf[1]) : undefined, body: [] as Node[] };
      top.node.branches.push(branch);
      top.body = branch.body;
    } else if (keyword === 'end') {
      if (!stack.pop()) throw new GoTemplateError('unexpected {{end}}');
    } else if (keyword && ['range', 'with', 'define', 'block', 'template', 'break', 'continue'].includes(keyword)) {
      throw new StandInLimit(`not modelled: {{${body}}}`);
    } else {
      into().push({ kind: 'print', pipe: parsePipeline(body) });
    }
  }
  if (stack.length) throw new GoTemplateError('unexpected EOF');
  return root;
}

/** A value decoded from JSON into Go's `interface{}` (undefined: no value, e.g. `index` of a missing key). */
type GoValue = unknown;

function field(value: GoValue, path: string[]): GoValue {
  let v = value;
  for (const key of path) {
    if (v === null || v === undefined) throw new GoTemplateError(`nil pointer evaluating interface {}.${key}`);
    if (typeof v !== 'object' || Array.isArray(v)) throw new GoTemplateError(`can't evaluate field ${key}`);
    if (!Object.prototype.hasOwnProperty.call(v, key)) throw new GoTemplateError(`map has no entry for key "${key}"`);
    v = (v as Record<string, GoValue>)[key];
  }
  return v;
}

/** Go's `%v` of a float64: shortest digits, in exponent form when the exponent is below -4 or at least 6 (strconv's shortest 'g'). */
function goFloat(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, e] = n.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** Go's `fmt.Sprint` of one value as text/template prints it. */
export function goPrint(v: GoValue): string {
  if (v === undefined || v === null) return '<no value>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goPrintNested).join(' ')}]`;
  const o = v as Record<string, GoValue>;
  return `map[${Object.keys(o)
    .sort()
    .map((k) => `${k}:${goPrintNested(o[k])}`)
    .join(' ')}]`;
}

/** Inside a map or slice, fmt prints nil as <nil>. */
const goPrintNested = (v: GoValue): string => (v === null || v === undefined ? '<nil>' : goPrint(v));

/** Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const isPrint = (ch: string): boolean => ch === ' ' || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch);

/** text/template's `js` (Go 1.22, the toolchain of Matchbox v0.11.0's release). */
export function goJs(s: string): string {
  const named: Record<string, string> = {
    '\\': '\\\\',
    "'": "\\'",
    '"': '\\"',
    '<': '\\u003C',
    '>': '\\u003E',
    '&': '\\u0026',
    '=': '\\u003D',
  };
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (named[ch]) out += named[ch];
    else if (code < 0x20) out += `\\u00${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (code < 0x80 || isPrint(ch)) out += ch;
    else out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** text/template's `urlquery`: Go's `url.QueryEscape`. */
export function goUrlQuery(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function call(name: string, args: GoValue[]): GoValue {
  if (name === 'index') {
    let v = args[0];
    for (const key of args.slice(1)) {
      if (v === null || v === undefined) throw new GoTemplateError('index of untyped nil');
      if (typeof v !== 'object' || Array.isArray(v) || typeof key !== 'string')
        throw new StandInLimit('not modelled: index of a non-map');
      v = Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<string, GoValue>)[key] : undefined; // missing: zero value, no error
    }
    return v;
  }
  if (args.length !== 1) throw new StandInLimit(`not modelled: ${name} with ${args.length} arguments`);
  const text = goPrint(args[0]);
  return name === 'js' ? goJs(text) : goUrlQuery(text);
}

function evalPipeline(pipe: Pipeline, dot: GoValue): GoValue {
  let previous: GoValue[] = [];
  for (const cmd of pipe) {
    const operand = (o: Operand): GoValue =>
      o.kind === 'string' ? o.value : o.kind === 'field' ? field(dot, o.path) : undefined;
    const [head, ...rest] = cmd;
    if (head.kind === 'fn') previous = [call(head.name, [...rest.map(operand), ...previous])];
    else if (rest.length || previous.length) throw new GoTemplateError(`can't give argument to non-function`);
    else previous = [operand(head)];
  }
  return previous[0];
}

/** Go's truth of an `if` value. */
function isTrue(v: GoValue): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  return Array.isArray(v) ? v.length > 0 : Object.keys(v as object).length > 0;
}

function exec(nodes: Node[], data: GoValue): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'print') out += goPrint(evalPipeline(n.pipe, data));
    else {
      const branch = n.branches.find((b) => b.cond === undefined || isTrue(evalPipeline(b.cond, data)));
      if (branch) out += exec(branch.body, data);
    }
  }
  return out;
}

/** Renders `src` with `data` as Matchbox does; throws GoTemplateError (404 there) or StandInLimit. */
export function renderGoTemplate(src: string, data: Record<string, unknown>): string {
  return exec(parseGoTemplate(src), data);
}
