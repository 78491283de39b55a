import { checkIgnition } from '../ignition/builder';
import { isTemplated, templateActions, templateReferences } from '../ignition/template';
import { IgnitionSpec } from '../ignition/types';
import { Problem, ProblemSubject } from '../validation/errors';
import { grubBootProblems } from './grub';
import { parseMatchboxMac } from './mac';
import { MatchboxDataSpec, MatchboxGroupSpec, MatchboxProfileSpec } from './model';
import { checkMatchboxVersion, matchboxRelease, MatchboxRelease } from './release';
import { configText, rawIgnitionText } from './render';
import { selectorString } from './select';
import { placedActions, printedValueVerdict, requestValueVerdict } from './values';

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
    add(
      property,
      url,
      'not a single URL (whitespace or control characters would break the iPXE script)',
      'use one URL without spaces',
    );
  } else if (!/^https?:\/\/[^/]+/.test(url) && !url.startsWith('/assets/')) {
    add(
      property,
      url,
      'neither an absolute http(s) URL nor under /assets/',
      'use http://host:port/... or /assets/<file> served from the assets path',
    );
  }
}

function checkProfile(add: Add, p: MatchboxProfileSpec, release: MatchboxRelease): void {
  if (typeof p.id !== 'string' || !ID.test(p.id))
    add(
      'id',
      p.id,
      'not a usable profile id (it becomes profiles/<id>.json)',
      'use letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  for (const [property, value] of [['name', p.name]] as const) {
    if (value !== undefined && (typeof value !== 'string' || CONTROL.test(value)))
      add(property, value, 'not a single-line string', 'remove control characters');
  }
  if (p.boot) {
    checkUrl(add, 'kernel', p.boot.kernel);
    (p.boot.initrd ?? []).forEach((entry, i) => {
      if (typeof entry !== 'string' || CONTROL.test(entry))
        return add(
          `initrd[${i}]`,
          entry,
          'contains control characters, which would inject iPXE commands',
          'use one line: [--name NAME] URL',
        );
      checkUrl(add, `initrd[${i}]`, entry.trim().split(/\s+/).pop());
    });
    (p.boot.args ?? []).forEach((arg, i) => {
      if (typeof arg !== 'string' || CONTROL.test(arg))
        add(
          `args[${i}]`,
          arg,
          'contains control characters, which would inject iPXE commands',
          'remove newlines and control characters',
        );
    });
    if (p.boot.grub) for (const g of grubBootProblems(p.boot)) add(g.property, g.value, g.reason, g.fix);
  }
  for (const kind of ['ignition', 'generic'] as const) {
    const config = p[kind];
    if (config !== undefined && typeof config !== 'string') {
      for (const problem of checkIgnition(config, ''))
        add(`${kind}.${problem.property}`, problem.value, problem.reason, problem.fix);
    }
  }
  if (p.ignition !== undefined) {
    const text = rawIgnitionText(p.ignition, release.version);
    if (isTemplated(text)) {
      // The value is the template actions as written: the start of a long config may show none.
      const written = typeof p.ignition === 'string' ? text : JSON.stringify(p.ignition);
      const actions = [...new Set(templateActions(written).map((a) => written.slice(a.start, a.end)))];
      const shown = actions.length ? actions.slice(0, 5).join(' ') : text.slice(0, 80);
      add(
        'ignition',
        shown,
        `Matchbox serves ignition/<id>.ign without rendering Go templates, so machines would get ${actions[0] ?? '{{...}}'} literally`,
        'pass the templated config as `generic` and point the *.config.url kernel arg at /generic?..., or substitute the values yourself',
      );
    }
    checkRawIgnition(add, p.ignition, release);
  }
  for (const kind of ['generic', 'cloud'] as const) {
    const config = p[kind];
    if (config === undefined) continue;
    for (const action of placedActions(configText(config))) {
      const verdict = action.paths.some((path) => path[0] === 'request') ? requestValueVerdict(action) : undefined;
      if (verdict) add(kind, `{{${action.body}}}`, `the ${kind} template ${verdict.reason}`, verdict.fix);
    }
  }
}

/**
 * A raw `.ign` config must be JSON; on v0.10/v0.11 Matchbox parses it and serves it re-serialized
 * as spec 3.3.0/3.4.0 (a file it cannot parse becomes an empty config), so it must be written in
 * that spec for the machine to get what was written.
 */
function checkRawIgnition(add: Add, config: string | IgnitionSpec, release: MatchboxRelease): void {
  const spec = release.rawIgnitionSpec;
  let property = 'ignition.version';
  let version: unknown = typeof config === 'string' ? undefined : (config.version ?? spec);
  if (typeof config === 'string') {
    property = 'ignition.ignition.version';
    try {
      version = (JSON.parse(config) as { ignition?: { version?: unknown } })?.ignition?.version;
    } catch {
      return add(
        'ignition',
        config.slice(0, 80),
        `not valid JSON: Matchbox ${release.version} would serve ${spec ? 'an empty Ignition config' : 'it as it is'}`,
        'emit Ignition JSON',
      );
    }
    if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version))
      return add(property, version, 'no Ignition spec version', `set ignition.version, e.g. ${spec ?? '3.3.0'}`);
  }
  if (spec !== undefined && version !== spec) {
    add(
      property,
      version,
      `Matchbox ${release.version} serves every .ign file parsed and re-serialized as Ignition ${spec}${/^3\.[0-4]\.0$/.test(String(version)) && String(version) < spec ? '' : ' (a spec it cannot parse becomes an empty config)'}, so machines would not get the ${String(version)} written here`,
      `write spec ${spec} (machines then need Ignition ${spec === '3.4.0' ? '2.15' : '2.11'} or later), or pass the config as \`generic\`, which Matchbox serves as written`,
    );
  }
}

function checkSelector(add: Add, g: MatchboxGroupSpec, release: MatchboxRelease): void {
  const at = 'selector';
  const selector = (g.selector ?? {}) as Record<string, unknown>;
  if (typeof selector !== 'object' || Array.isArray(selector))
    return add(at, selector, 'not an object of strings', 'use { key: "value" }');
  for (const [key, value] of Object.entries(selector)) {
    if (typeof value !== 'string') {
      add(
        `${at}.${key}`,
        value,
        'selector values must be JSON strings: Matchbox fails to parse the group file and skips the group',
        `write it as a string, e.g. "${String(value)}"`,
      );
      continue;
    }
    if (key === '' || CONTROL.test(key) || CONTROL.test(value))
      add(`${at}.${key}`, value, 'empty key or control characters', 'use printable labels');
    const lower = key.toLowerCase();
    if (lower === 'mac' && parseMatchboxMac(value) === undefined) {
      add(
        `${at}.${key}`,
        value,
        'not a MAC address Go net.ParseMAC accepts: Matchbox skips the whole group file',
        'use 52:54:00:89:d8:10, 52-54-00-89-d8-10 or 5254.0089.d810',
      );
    }
    if (RESERVED_SELECTORS.includes(lower) && key !== lower) {
      add(
        `${at}.${key}`,
        value,
        `selector keys are compared case-sensitively and iPXE sends "${lower}"`,
        `spell the key "${lower}"`,
      );
    }
    if (key === 'arch' && !release.archLabel) {
      add(
        `${at}.${key}`,
        value,
        `Matchbox ${release.version}'s /boot.ipxe sends no arch label (v0.11.0 added it), so this group never matches`,
        'use version v0.11.0, or select machines by another label',
      );
    }
  }
}

function checkGroup(
  add: Add,
  g: MatchboxGroupSpec,
  profiles: Map<string, MatchboxProfileSpec>,
  release: MatchboxRelease,
): void {
  if (typeof g.id !== 'string' || !ID.test(g.id))
    add(
      'id',
      g.id,
      'not a usable group id (it becomes groups/<id>.json)',
      'use letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  if (g.name !== undefined && (typeof g.name !== 'string' || CONTROL.test(g.name)))
    add('name', g.name, 'not a single-line string', 'remove control characters');
  checkSelector(add, g, release);
  const metadata = g.metadata ?? {};
  if (typeof metadata !== 'object' || Array.isArray(metadata))
    add('metadata', metadata, 'metadata must be a JSON object', 'use { key: value }');
  else {
    if ('request' in metadata)
      add(
        'metadata.request',
        metadata.request,
        'Matchbox overwrites the "request" variable with the request query',
        'rename the key',
      );
    for (const key of Object.keys(g.selector ?? {})) {
      if (key.toLowerCase() in metadata)
        add(
          `metadata.${key.toLowerCase()}`,
          metadata[key.toLowerCase()],
          `the selector "${key}" overwrites this metadata key in templates`,
          'rename the metadata key',
        );
    }
    try {
      JSON.stringify(metadata);
    } catch {
      add(
        'metadata',
        '(unserializable)',
        'metadata is not JSON-serializable',
        'use plain strings, numbers, booleans, arrays and objects',
      );
    }
  }
  const profile = profiles.get(g.profile);
  if (!profile) {
    add(
      'profile',
      g.profile,
      'no profile with this id in the same Matchbox server: requests matching the group get 404',
      `use one of: ${[...profiles.keys()].join(', ') || '(no profiles)'}`,
    );
    return;
  }
  const provided = providedVariables(g);
  for (const kind of ['generic', 'cloud'] as const) {
    const config = profile[kind];
    if (config === undefined) continue;
    const text = configText(config);
    const missing = templateReferences(text).required.filter((k) => !provided.has(k));
    for (const key of missing) {
      add(
        `metadata.${key}`,
        undefined,
        `profile "${profile.id}" ${kind} template uses {{.${key}}} and Matchbox renders with missingkey=error (404)`,
        `add "${key}" to the group's metadata (or a "${key}" selector)`,
      );
    }
    const seen = new Set<string>();
    for (const action of placedActions(text)) {
      for (const path of action.paths) {
        const found = valueOf(g, path);
        const verdict = found && printedValueVerdict(found.value, action);
        if (!found || !verdict || seen.has(found.property)) continue;
        seen.add(found.property);
        add(found.property, found.value, `profile "${profile.id}" ${kind} template: ${verdict.reason}`, verdict.fix);
      }
    }
  }
}

/**
 * The value a group hands to `{{.a.b}}` (a selector, lower-cased, overrides metadata, as in
 * Matchbox's `collectVariables`) and the property it comes from; undefined when the group has none
 * (`request` is the request's, known only when a machine asks).
 */
function valueOf(g: MatchboxGroupSpec, path: readonly string[]): { value: unknown; property: string } | undefined {
  const [root, ...rest] = path;
  if (root === 'request') return undefined;
  const selectorKey = Object.keys(g.selector ?? {}).find((k) => k.toLowerCase() === root);
  if (selectorKey !== undefined) {
    const value = g.selector![selectorKey];
    return rest.length
      ? undefined
      : { value: root === 'mac' ? (parseMatchboxMac(value) ?? value) : value, property: `selector.${selectorKey}` };
  }
  let value: unknown = g.metadata;
  for (const key of path) {
    if (
      !value ||
      typeof value !== 'object' ||
      Array.isArray(value) ||
      !Object.prototype.hasOwnProperty.call(value, key)
    )
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return { value, property: `metadata.${path.join('.')}` };
}

/**
 * Every problem in one Matchbox server's profiles and groups: ids, dangling profile references,
 * duplicate or ambiguous default groups, identical selectors, MACs Matchbox cannot parse,
 * non-string selector values, template variables no group provides, bad boot URLs; and, for the
 * release `data.version`, what it would not serve as written: values a template would write
 * unescaped into JSON, `data:` URLs or quoted script words, raw Ignition of another spec than
 * the one it re-serializes, `arch` selectors it never matches, GRUB boots `/grub` cannot carry.
 */
export function validateMatchbox(data: MatchboxDataSpec, path: string): Problem[] {
  const problems: Problem[] = [];
  const release = matchboxRelease(data.version);
  if (!release) return [{ path, property: 'version', value: data.version, ...checkMatchboxVersion(data.version)! }];
  const adder =
    (subject: ProblemSubject): Add =>
    (property, value, reason, fix) =>
      problems.push({ path, property, value, reason, fix, subject });
  const profiles = new Map<string, MatchboxProfileSpec>();
  for (const p of data.profiles) {
    const add = adder({ kind: 'profile', id: p.id });
    if (profiles.has(p.id)) add('id', p.id, 'profile id declared twice', 'use unique ids');
    profiles.set(p.id, p);
    checkProfile(add, p, release);
  }
  const ids = new Set<string>();
  const bySelector = new Map<string, string>();
  for (const g of data.groups) {
    const add = adder({ kind: 'group', id: g.id });
    if (ids.has(g.id)) add('id', g.id, 'group id declared twice', 'use unique ids');
    ids.add(g.id);
    checkGroup(add, g, profiles, release);
    if (Object.values(g.selector ?? {}).some((v) => typeof v !== 'string')) continue;
    const key = selectorString(g.selector);
    const other = bySelector.get(key);
    if (other !== undefined) {
      add(
        'selector',
        g.selector ?? {},
        key === ''
          ? `a second default group (empty selector) next to "${other}": Matchbox picks one of them at random`
          : `same selector as group "${other}": Matchbox picks one of them at random`,
        key === '' ? 'keep one default group and give the others selectors' : 'make the selectors differ',
      );
    } else bySelector.set(key, g.id);
  }
  return problems;
}
