import { checkIgnition } from '../ignition/builder';
import { isTemplated, templateActions, templateReferences } from '../ignition/template';
import { Problem, ProblemSubject } from '../validation/errors';
import { parseMatchboxMac } from './mac';
import { MatchboxDataSpec, MatchboxGroupSpec, MatchboxProfileSpec } from './model';
import { configText } from './render';
import { selectorString } from './select';

/** Top-level template keys Matchbox always provides (`collectVariables`): only `request`. */
export const BUILTIN_TEMPLATE_KEYS: readonly string[] = ['request'];

/** Selector keys Matchbox gives a meaning to; iPXE sends them lower-case. */
export const RESERVED_SELECTORS: readonly string[] = ['uuid', 'mac', 'hostname', 'serial', 'domain', 'arch'];

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

type Add = (property: string, value: unknown, reason: string, fix: string) => void;

/** Variables a group hands to templates: metadata keys, selector keys lower-cased, `request`. */
export function providedVariables(group: MatchboxGroupSpec): Set<string> {
  const keys = new Set<string>(BUILTIN_TEMPLATE_KEYS);
  const metadata = group.metadata;
  if (metadata && typeof metadata === 'object') for (const k of Object.keys(metadata)) keys.add(k);
  for (const k of Object.keys(group.selector ?? {})) keys.add(k.toLowerCase());
  return keys;
}

function checkUrl(add: Add, property: string, url: unknown): void {
  if (typeof url !== 'string' || CONTROL.test(url) || /\s/.test(url)) {
    add(property, url, 'not a single URL (whitespace or control characters would break the iPXE script)', 'use one URL without spaces');
  } else if (!/^https?:\/\/[^/]+/.test(url) && !url.startsWith('/assets/')) {
    add(property, url, 'neither an absolute http(s) URL nor under /assets/', 'use http://host:port/... or /assets/<file> served from the assets path');
  }
}

function checkProfile(add: Add, p: MatchboxProfileSpec): void {
  if (typeof p.id !== 'string' || !ID.test(p.id)) add('id', p.id, 'not a usable profile id (it becomes profiles/<id>.json)', 'use letters, digits, ".", "_" or "-", starting with a letter or digit');
  for (const [property, value] of [['name', p.name]] as const) {
    if (value !== undefined && (typeof value !== 'string' || CONTROL.test(value))) add(property, value, 'not a single-line string', 'remove control characters');
  }
  if (p.boot) {
    checkUrl(add, 'kernel', p.boot.kernel);
    (p.boot.initrd ?? []).forEach((entry, i) => {
      if (typeof entry !== 'string' || CONTROL.test(entry)) return add(`initrd[${i}]`, entry, 'contains control characters, which would inject iPXE commands', 'use one line: [--name NAME] URL');
      checkUrl(add, `initrd[${i}]`, entry.trim().split(/\s+/).pop());
    });
    (p.boot.args ?? []).forEach((arg, i) => {
      if (typeof arg !== 'string' || CONTROL.test(arg)) add(`args[${i}]`, arg, 'contains control characters, which would inject iPXE commands', 'remove newlines and control characters');
    });
  }
  for (const kind of ['ignition', 'generic'] as const) {
    const config = p[kind];
    if (config !== undefined && typeof config !== 'string') {
      for (const problem of checkIgnition(config, '')) add(`${kind}.${problem.property}`, problem.value, problem.reason, problem.fix);
    }
  }
  if (p.ignition !== undefined) {
    const text = configText(p.ignition);
    if (isTemplated(text)) {
      // The value is the template actions themselves: the start of a long config may show none.
      const actions = [...new Set(templateActions(text).map((a) => text.slice(a.start, a.end)))];
      const shown = actions.length ? actions.slice(0, 5).join(' ') : text.slice(0, 80);
      add('ignition', shown, `Matchbox serves ignition/<id>.ign without rendering Go templates, so machines would get ${actions[0] ?? '{{...}}'} literally`, 'pass the templated config as `generic` and point the *.config.url kernel arg at /generic?..., or substitute the values yourself');
    }
    if (typeof p.ignition === 'string') checkRawIgnition(add, 'ignition', p.ignition);
  }
}

/** Matchbox re-parses `.ign` files; on a parse error it only logs and serves an empty config. */
function checkRawIgnition(add: Add, property: string, text: string): void {
  let version: unknown;
  try {
    version = (JSON.parse(text) as { ignition?: { version?: unknown } })?.ignition?.version;
  } catch {
    return add(property, text.slice(0, 80), 'not valid JSON: Matchbox would log a warning and serve an empty Ignition config', 'emit Ignition JSON (spec 3.0-3.4)');
  }
  if (typeof version !== 'string' || !/^3\.[0-4]\.0$/.test(version)) {
    add(`${property}.ignition.version`, version, 'Matchbox parses .ign files as Ignition spec 3.0-3.4 only', 'use ignition.version 3.0.0 to 3.4.0');
  }
}

function checkSelector(add: Add, g: MatchboxGroupSpec): void {
  const at = 'selector';
  const selector = (g.selector ?? {}) as Record<string, unknown>;
  if (typeof selector !== 'object' || Array.isArray(selector)) return add(at, selector, 'not an object of strings', 'use { key: "value" }');
  for (const [key, value] of Object.entries(selector)) {
    if (typeof value !== 'string') {
      add(`${at}.${key}`, value, 'selector values must be JSON strings: Matchbox fails to parse the group file and skips the group', `write it as a string, e.g. "${String(value)}"`);
      continue;
    }
    if (key === '' || CONTROL.test(key) || CONTROL.test(value)) add(`${at}.${key}`, value, 'empty key or control characters', 'use printable labels');
    const lower = key.toLowerCase();
    if (lower === 'mac' && parseMatchboxMac(value) === undefined) {
      add(`${at}.${key}`, value, 'not a MAC address Go net.ParseMAC accepts: Matchbox skips the whole group file', 'use 52:54:00:89:d8:10, 52-54-00-89-d8-10 or 5254.0089.d810');
    }
    if (RESERVED_SELECTORS.includes(lower) && key !== lower) {
      add(`${at}.${key}`, value, `selector keys are compared case-sensitively and iPXE sends "${lower}"`, `spell the key "${lower}"`);
    }
  }
}

function checkGroup(add: Add, g: MatchboxGroupSpec, profiles: Map<string, MatchboxProfileSpec>): void {
  if (typeof g.id !== 'string' || !ID.test(g.id)) add('id', g.id, 'not a usable group id (it becomes groups/<id>.json)', 'use letters, digits, ".", "_" or "-", starting with a letter or digit');
  if (g.name !== undefined && (typeof g.name !== 'string' || CONTROL.test(g.name))) add('name', g.name, 'not a single-line string', 'remove control characters');
  checkSelector(add, g);
  const metadata = g.metadata ?? {};
  if (typeof metadata !== 'object' || Array.isArray(metadata)) add('metadata', metadata, 'metadata must be a JSON object', 'use { key: value }');
  else {
    if ('request' in metadata) add('metadata.request', metadata.request, 'Matchbox overwrites the "request" variable with the request query', 'rename the key');
    for (const key of Object.keys(g.selector ?? {})) {
      if (key.toLowerCase() in metadata) add(`metadata.${key.toLowerCase()}`, metadata[key.toLowerCase()], `the selector "${key}" overwrites this metadata key in templates`, 'rename the metadata key');
    }
    try {
      JSON.stringify(metadata);
    } catch {
      add('metadata', '(unserializable)', 'metadata is not JSON-serializable', 'use plain strings, numbers, booleans, arrays and objects');
    }
  }
  const profile = profiles.get(g.profile);
  if (!profile) {
    add('profile', g.profile, 'no profile with this id in the same Matchbox server: requests matching the group get 404', `use one of: ${[...profiles.keys()].join(', ') || '(no profiles)'}`);
    return;
  }
  const provided = providedVariables(g);
  for (const kind of ['generic', 'cloud'] as const) {
    const config = profile[kind];
    if (config === undefined) continue;
    const missing = templateReferences(configText(config)).required.filter((k) => !provided.has(k));
    for (const key of missing) {
      add(`metadata.${key}`, undefined, `profile "${profile.id}" ${kind} template uses {{.${key}}} and Matchbox renders with missingkey=error (404)`, `add "${key}" to the group's metadata (or a "${key}" selector)`);
    }
  }
}

/**
 * Every problem in one Matchbox server's profiles and groups: ids, dangling profile references,
 * duplicate or ambiguous default groups, identical selectors, MACs Matchbox cannot parse,
 * non-string selector values, template variables no group provides, and bad boot URLs.
 */
export function validateMatchbox(data: MatchboxDataSpec, path: string): Problem[] {
  const problems: Problem[] = [];
  const adder = (subject: ProblemSubject): Add => (property, value, reason, fix) => problems.push({ path, property, value, reason, fix, subject });
  const profiles = new Map<string, MatchboxProfileSpec>();
  for (const p of data.profiles) {
    const add = adder({ kind: 'profile', id: p.id });
    if (profiles.has(p.id)) add('id', p.id, 'profile id declared twice', 'use unique ids');
    profiles.set(p.id, p);
    checkProfile(add, p);
  }
  const ids = new Set<string>();
  const bySelector = new Map<string, string>();
  for (const g of data.groups) {
    const add = adder({ kind: 'group', id: g.id });
    if (ids.has(g.id)) add('id', g.id, 'group id declared twice', 'use unique ids');
    ids.add(g.id);
    checkGroup(add, g, profiles);
    if (Object.values(g.selector ?? {}).some((v) => typeof v !== 'string')) continue;
    const key = selectorString(g.selector);
    const other = bySelector.get(key);
    if (other !== undefined) {
      add(
        'selector',
        g.selector ?? {},
        key === '' ? `a second default group (empty selector) next to "${other}": Matchbox picks one of them at random` : `same selector as group "${other}": Matchbox picks one of them at random`,
        key === '' ? 'keep one default group and give the others selectors' : 'make the selectors differ',
      );
    } else bySelector.set(key, g.id);
  }
  return problems;
}
