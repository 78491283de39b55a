/**
 * Whether a group's values reach the machine intact through a profile's template: where each
 * action that writes text stands (a JSON string, a `data:` URL, single quotes of a script in it),
 * how it escapes (Go's `js` and `urlquery`, or not at all), and what Matchbox would write for the
 * value there (its Go template prints JSON numbers with `%v`, objects as Go values).
 */
import { DATA_URL_SAFE } from '../ignition/dataurl';
import { OutputAction, outputActions, templateActions } from '../ignition/template';
import { Verdict } from '../validation/errors';

/** Where an action that writes text stands in a config. */
export interface PlacedAction extends OutputAction {
  /** Inside a JSON string (the config's first character is `{` or `[`). */
  readonly jsonString: boolean;
  /** Inside a JSON string that is a `data:` URL. */
  readonly dataUrl: boolean;
  /** Inside single quotes of the `#!` script that data URL carries. */
  readonly shellQuoted: boolean;
}

/** Percent-decodes what it can, byte by byte (enough to follow quotes in the script). */
const percentDecode = (s: string): string =>
  s.replace(/%[0-9A-Fa-f]{2}/g, (m) => String.fromCharCode(parseInt(m.slice(1), 16)));

/** True when the end of `script` is inside single quotes (sh quoting, `#` comments). */
function endsInSingleQuotes(script: string): boolean {
  let state: 'plain' | 'single' | 'double' = 'plain';
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (state === 'single') {
      if (c === "'") state = 'plain';
    } else if (c === '\\') i++;
    else if (state === 'double') {
      if (c === '"') state = 'plain';
    } else if (c === "'") state = 'single';
    else if (c === '"') state = 'double';
    else if (c === '#' && (i === 0 || /\s/.test(script[i - 1])))
      while (i + 1 < script.length && script[i + 1] !== '\n') i++;
  }
  return state === 'single';
}

/** Every action of `text` that writes text, with where it stands. */
export function placedActions(text: string): PlacedAction[] {
  const outputs = new Map(outputActions(text).map((o) => [o.start, o]));
  const json = /^\s*[[{]/.test(text);
  const placed: PlacedAction[] = [];
  let inString = false;
  let escaped = false;
  let current = ''; // the JSON string so far: its literal text, each action as \0
  let from = 0;
  const scan = (literal: string): void => {
    for (const ch of literal) {
      if (!inString) {
        if (ch === '"') {
          inString = true;
          current = '';
        }
      } else if (escaped) {
        escaped = false;
        current += ch;
      } else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      else current += ch;
    }
  };
  for (const action of templateActions(text)) {
    scan(text.slice(from, action.start));
    from = action.end;
    const o = outputs.get(action.start);
    if (!o) continue;
    const jsonString = json && inString;
    const dataUrl = jsonString && current.startsWith('data:');
    const script = dataUrl ? percentDecode(current.slice(current.indexOf(',') + 1)) : '';
    placed.push({ ...o, jsonString, dataUrl, shellQuoted: script.startsWith('#!') && endsInSingleQuotes(script) });
    if (inString) current += '\0';
  }
  return placed;
}

// eslint-disable-next-line no-control-regex
const JSON_BREAKERS = /["\\\u0000-\u001f]/;
/** Characters Go's `unicode.IsPrint` rejects above U+FFFF: `js` writes them as `\u` + 5 or 6 hex digits. */
// eslint-disable-next-line no-control-regex
const ASTRAL_NON_PRINTABLE = /[^\p{L}\p{M}\p{N}\p{P}\p{S}\u0000-\uffff]/u;

/**
 * What is wrong with `value` written by `action`, or undefined when the machine gets it intact.
 * `value` is a group's metadata or selector value, known at synth.
 */
export function printedValueVerdict(value: unknown, action: PlacedAction): Verdict | undefined {
  const shown = text(action);
  if (value === null || typeof value === 'object') {
    return {
      reason: `${shown} prints it as a Go value (map[...], [...] or <nil>), not as JSON`,
      fix: 'pass a string, number or boolean (or print one of its fields, {{.key.field}})',
    };
  }
  if (typeof value === 'number' && value !== 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e6)) {
    return {
      reason: `${shown} prints numbers with Go's %v, which writes this one in exponent form (1000000 as 1e+06)`,
      fix: `pass it as a string, e.g. "${value}"`,
    };
  }
  const s = String(value);
  if (/\p{Cs}/u.test(s))
    return { reason: 'contains a lone UTF-16 surrogate, which Matchbox reads as U+FFFD', fix: 'remove it' };
  const writer = action.writer === 'index' ? undefined : action.writer;
  if (writer === undefined && action.jsonString && JSON_BREAKERS.test(s)) {
    return {
      reason: `${shown} writes it as it is inside a JSON string, where a " \\ or control character makes invalid JSON (served with HTTP 200)`,
      fix: `escape it in the template (${pipeHint(action, action.dataUrl ? 'urlquery' : 'js')}) or remove the character`,
    };
  }
  if (writer === undefined && action.dataUrl && [...s].some((ch) => !DATA_URL_SAFE.test(ch))) {
    return {
      reason: `${shown} writes it as it is into a data: URL, where % # ? spaces and non-ASCII characters are not carried as written`,
      fix: `escape it in the template (${pipeHint(action, 'urlquery')}) or remove those characters`,
    };
  }
  if (writer === 'js' && action.jsonString && s.includes("'")) {
    return {
      reason: `${shown} escapes ' as \\', which is not valid JSON: the machine would get an invalid config`,
      fix: "remove the ' (e.g. from an ssh key comment)",
    };
  }
  if (writer === 'js' && action.jsonString && ASTRAL_NON_PRINTABLE.test(s)) {
    return {
      reason: `${shown} writes a non-printable character above U+FFFF as \\u and more than 4 hex digits, which JSON reads as another character`,
      fix: 'remove it',
    };
  }
  if (writer === 'urlquery' && action.dataUrl && s.includes(' ')) {
    return {
      reason: `${shown} writes a space as +, which a data: URL keeps as +`,
      fix: 'remove the spaces (a URL needs none)',
    };
  }
  if (action.shellQuoted && s.includes("'")) {
    return {
      reason: `${shown} puts it between single quotes in a script, which a ' would end`,
      fix: "remove the ' (percent-encode it as %27 in a URL)",
    };
  }
  return undefined;
}

/**
 * What is wrong with writing a request value (`{{.request.query.x}}`, known only when a machine
 * asks) with `action`, or undefined when Matchbox escapes it for where it stands.
 */
export function requestValueVerdict(action: PlacedAction): Verdict | undefined {
  const writer = action.writer === 'index' ? undefined : action.writer;
  if (writer !== undefined || !(action.jsonString || action.dataUrl)) return undefined;
  return {
    reason: `${text(action)} writes a value of the request, unknown at synth, as it is inside a ${action.dataUrl ? 'data: URL' : 'JSON string'}`,
    fix: `escape it in the template (${pipeHint(action, action.dataUrl ? 'urlquery' : 'js')})`,
  };
}

function text(action: PlacedAction): string {
  return `{{${action.body}}}${action.dataUrl ? ' (in a data: URL)' : action.jsonString ? ' (in a JSON string)' : ''}`;
}

function pipeHint(action: PlacedAction, fn: string): string {
  return `{{${action.body} | ${fn}}}`;
}
