import { Problem, ValidationError } from '../validation/errors';
import { stringTokens } from '../util/tokens';
import { dataUrl } from './dataurl';
import { checkInstallToDisk, installSpecOf } from './install';
import { pipeActions, templateActions } from './template';
import { IgnitionConfig, IgnitionSpec } from './types';

/**
 * Default spec version: the newest one both Flatcar (Ignition >= 2.14) and Fedora CoreOS accept.
 * It holds where Matchbox serves a config as written (`/generic`); its `/ignition` re-serializes
 * raw Ignition in the spec of its release (3.4.0 on v0.11.0), which MatchboxProfile follows.
 */
export const DEFAULT_IGNITION_VERSION = '3.3.0';

const nonEmpty = (list: readonly unknown[] | undefined): boolean => (list?.length ?? 0) > 0;

/**
 * A string placed in a JSON string: each Go template action that writes text is piped through
 * `js` (unless it ends in `js` or `urlquery`), so that what Matchbox writes there keeps the JSON
 * valid (`"` -> `\"`, `\` -> `\\`, a newline -> `\u000A`).
 */
const str = (text: string): string => pipeActions(text, 'js', ['js', 'urlquery']);

/**
 * Builds the Ignition document. Key order is fixed, so the JSON is deterministic. Template actions
 * are kept for Matchbox, escaped for where they stand: `js` in JSON strings, `urlquery` in `data:` URLs.
 */
export function buildIgnition(props: IgnitionSpec): IgnitionConfig {
  const users = props.users ?? [];
  const units = props.units ?? [];
  const files = props.files ?? [];
  return {
    ignition: { version: props.version ?? DEFAULT_IGNITION_VERSION },
    ...(users.length > 0 && {
      passwd: {
        users: users.map((u) => ({
          name: str(u.name),
          ...(nonEmpty(u.sshAuthorizedKeys) && { sshAuthorizedKeys: u.sshAuthorizedKeys!.map(str) }),
          ...(nonEmpty(u.groups) && { groups: u.groups!.map(str) }),
        })),
      },
    }),
    ...(files.length > 0 && {
      storage: {
        files: files.map((f) => ({
          path: str(f.path),
          mode: f.mode ?? 0o644,
          overwrite: f.overwrite ?? true,
          contents: { source: dataUrl(f.contents) },
        })),
      },
    }),
    ...(units.length > 0 && {
      systemd: {
        units: units.map((u) => ({
          name: str(u.name),
          ...(u.enabled !== undefined && { enabled: u.enabled }),
          ...(u.contents !== undefined && { contents: str(u.contents) }),
          ...(nonEmpty(u.dropins) && {
            dropins: u.dropins!.map((d) => ({ name: str(d.name), contents: str(d.contents) })),
          }),
        })),
      },
    }),
  };
}

const UNIT_NAME = /^[A-Za-z0-9:_.\\@-]+\.(service|socket|target|timer|path|mount|automount|swap|slice|scope|device)$/;

/** Checks the builder input. Every problem carries the caller's `path`. */
export function checkIgnition(props: IgnitionSpec, path: string): Problem[] {
  const problems: Problem[] = [];
  const add = (property: string, value: unknown, reason: string, fix: string) =>
    problems.push({ path, property, value, reason, fix });
  if (props.version !== undefined && props.version !== '3.3.0' && props.version !== '3.4.0') {
    add('version', props.version, 'unsupported Ignition spec version', 'use 3.3.0 or 3.4.0');
  }
  const seen = (kind: string, names: readonly string[]) => {
    const dup = names.filter((n, i) => names.indexOf(n) !== i);
    for (const d of new Set(dup)) add(kind, d, `declared more than once`, 'merge the duplicates');
  };
  (props.users ?? []).forEach((u, i) => {
    if (!/^[a-z_][a-z0-9_-]*\$?$/.test(u.name))
      add(`users[${i}].name`, u.name, 'not a valid user name', 'use lower-case letters, digits, "_" or "-", e.g. core');
  });
  seen(
    'users[].name',
    (props.users ?? []).map((u) => u.name),
  );
  (props.units ?? []).forEach((u, i) => {
    if (!UNIT_NAME.test(u.name))
      add(
        `units[${i}].name`,
        u.name,
        'not a systemd unit name',
        'use a name with a unit suffix such as installer.service',
      );
    (u.dropins ?? []).forEach((d, j) => {
      if (!/^[A-Za-z0-9_.@-]+\.conf$/.test(d.name))
        add(`units[${i}].dropins[${j}].name`, d.name, 'not a drop-in file name', 'use a name ending in .conf');
    });
  });
  seen(
    'units[].name',
    (props.units ?? []).map((u) => u.name),
  );
  (props.files ?? []).forEach((f, i) => {
    const install = installSpecOf(f);
    if (install)
      for (const p of checkInstallToDisk(install, path))
        add(`files[${i}].installToDisk.${p.property}`, p.value, p.reason, p.fix);
    if (!/^\/[^\0\n]*$/.test(f.path) || f.path.endsWith('/'))
      add(`files[${i}].path`, f.path, 'not an absolute file path', 'use a path such as /opt/installer');
    if (f.mode !== undefined && (!Number.isInteger(f.mode) || f.mode < 0 || f.mode > 0o7777)) {
      add(`files[${i}].mode`, f.mode, 'not a permission mode', 'use an octal literal such as 0o644');
    }
  });
  seen(
    'files[].path',
    (props.files ?? []).map((f) => f.path),
  );
  for (const [property, text] of stringsOf(props)) {
    for (const a of templateActions(text)) {
      if (/["\\]/.test(a.body)) {
        add(
          property,
          text.slice(a.start, a.end),
          'JSON escaping turns " and \\ inside a template action into \\" and \\\\, which Go templates cannot parse',
          'write string literals in template actions with backquotes, e.g. {{if index . `baseurl`}}',
        );
      }
    }
  }
  return problems;
}

/** Every user-provided string with the property name it came from. */
function stringsOf(props: IgnitionSpec): [string, string][] {
  const out: [string, string][] = [];
  (props.users ?? []).forEach((u, i) =>
    (u.sshAuthorizedKeys ?? []).forEach((k, j) => out.push([`users[${i}].sshAuthorizedKeys[${j}]`, k])),
  );
  (props.units ?? []).forEach((u, i) => {
    if (u.contents !== undefined) out.push([`units[${i}].contents`, u.contents]);
    (u.dropins ?? []).forEach((d, j) => out.push([`units[${i}].dropins[${j}].contents`, d.contents]));
  });
  (props.files ?? []).forEach((f, i) => out.push([`files[${i}].contents`, f.contents]));
  return out;
}

/**
 * Renders deterministic Ignition JSON (2-space indent, trailing newline); template actions are kept,
 * escaped for where they stand (`js` in JSON strings, `urlquery` in `data:` URLs).
 * Throws a ValidationError listing every problem found by {@link checkIgnition}.
 */
export function renderIgnition(props: IgnitionSpec, path = 'ignition'): string {
  props = stringTokens(props);
  const problems = checkIgnition(props, path);
  if (problems.length > 0) throw new ValidationError(problems);
  return `${JSON.stringify(buildIgnition(props), null, 2)}\n`;
}
