/**
 * A stand-in for Matchbox's HTTP side (poseidon/matchbox `matchbox/http/*.go`), serving a data
 * directory from disk as a given release does: `/`, `/boot.ipxe`, `/ipxe`, `/grub`, `/ignition`,
 * `/generic`, `/cloud`, `/metadata` and `/assets/`. Group selection is the library's model of
 * Matchbox's (`SelectGroup`); templates are rendered by ./go-template with Matchbox's variables;
 * raw Ignition is served as the release serves it (./ignition-v3). Not modelled: signatures
 * (`.sig`/`.asc`), Butane templates on `/ignition`, HTTP range requests.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { renderProfileIpxe } from '../../../../src/matchbox/ipxe';
import { parseMatchboxMac } from '../../../../src/matchbox/mac';
import { GroupJson, ProfileJson } from '../../../../src/matchbox/model';
import { labelsFromQuery, selectGroup } from '../../../../src/matchbox/select';
import { goPrint, GoTemplateError, renderGoTemplate, StandInLimit } from './go-template';
import { reserializeIgnition } from './ignition-v3';

/** The releases the stand-in serves like. */
export type StandInVersion = 'v0.9.1' | 'v0.10.0' | 'v0.11.0';

/** One answer. */
export interface StandInResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer;
  /** The group selected, when the route selects one. */
  readonly group?: string;
}

/** Where the data lives and which release to serve like. */
export interface StandInOptions {
  readonly dataDir: string;
  readonly assetsDir?: string;
  /** @default 'v0.11.0' */
  readonly version?: StandInVersion;
}

const TEXT = 'text/plain; charset=utf-8';
const notFound = (group?: string): StandInResponse => ({
  status: 404,
  headers: { 'Content-Type': TEXT, 'X-Content-Type-Options': 'nosniff' },
  body: '404 page not found\n',
  group,
});
const ok = (body: string | Buffer, contentType = TEXT, group?: string): StandInResponse => ({
  status: 200,
  headers: { 'Content-Type': contentType },
  body,
  group,
});

/** `groups/*.json` as Matchbox's FileStore reads them: unparseable files (or MACs) skipped, `mac` normalized. */
function loadGroups(dataDir: string): GroupJson[] {
  const dir = path.join(dataDir, 'groups');
  const groups: GroupJson[] = [];
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!file.endsWith('.json') || !fs.statSync(path.join(dir, file)).isFile()) continue;
    try {
      const g = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as GroupJson;
      const selector: Record<string, string> = {};
      for (const [k, v] of Object.entries(g.selector ?? {})) {
        if (typeof v !== 'string') throw new Error('selector value is not a string');
        const value = k.toLowerCase() === 'mac' ? parseMatchboxMac(v) : v;
        if (value === undefined) throw new Error(`bad MAC ${v}`);
        selector[k] = value;
      }
      groups.push({ ...g, selector });
    } catch {
      // Matchbox logs and skips a group file it cannot parse.
    }
  }
  return groups;
}

/** A file of the data directory by name (`http.Dir` rules: no way out of it), or undefined. */
function readData(dataDir: string, dir: string, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const file = path.join(dataDir, dir, path.normalize(`/${name}`));
  return fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined;
}

/** `profiles/<id>.json`, or undefined when missing, unparseable or without an id. */
function loadProfile(dataDir: string, id: string): ProfileJson | undefined {
  try {
    const p = JSON.parse(readData(dataDir, 'profiles', `${id}.json`) ?? '') as ProfileJson;
    return typeof p.id === 'string' && p.id !== '' ? p : undefined;
  } catch {
    return undefined;
  }
}

/** Matchbox's `collectVariables`: metadata, then selectors (keys lower-cased), then `request`. */
function variables(group: GroupJson, url: URL): Record<string, unknown> {
  const data: Record<string, unknown> = { ...(group.metadata ?? {}) };
  for (const [k, v] of Object.entries(group.selector ?? {})) data[k.toLowerCase()] = v;
  data.request = { query: labelsFromQuery(url.searchParams), raw_query: url.search.replace(/^\?/, '') };
  return data;
}

/** Matchbox's `renderAsEnvFile`: `KEY=value` for strings, booleans and numbers, maps flattened with `_`. Go's map order is random; here sorted. */
function envFile(prefix: string, root: Record<string, unknown>): string[] {
  return Object.keys(root)
    .sort()
    .flatMap((key) => {
      const v = root[key];
      if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number')
        return [`${(prefix + key).toUpperCase()}=${goPrint(v)}`];
      if (v && typeof v === 'object' && !Array.isArray(v))
        return envFile(`${prefix}${key}_`, v as Record<string, unknown>);
      return [];
    });
}

/** Matchbox's `/grub` template over a profile's boot. */
function grubConfig(boot: NonNullable<ProfileJson['boot']>): string {
  const args = (boot.args ?? []).map((a) => ` ${a}`).join('');
  const initrd = (boot.initrd ?? []).map((i) => ` "${i}"`).join('');
  const entry = (name: string, linux: string, initrdCmd: string) =>
    `menuentry "${name}" {\necho "Loading kernel"\n${linux} "${boot.kernel}"${args}\necho "Loading initrd"\n${initrdCmd} ${initrd}\n}\n`;
  return `default=0\nfallback=1\ntimeout=1\n${entry('CoreOS (EFI)', 'linuxefi', 'initrdefi')}${entry('CoreOS (BIOS)', 'linux', 'initrd')}`;
}

/** Matchbox's `/boot.ipxe` of a release (v0.11.0 added `arch`). */
function bootIpxe(version: StandInVersion): string {
  return `#!ipxe\nchain ipxe?uuid=\${uuid}&mac=\${mac:hexhyp}&domain=\${domain}&hostname=\${hostname}&serial=\${serial}${version === 'v0.11.0' ? '&arch=${buildarch:uristring}' : ''}\n`;
}

/** coreos-cloudinit's checks on `/cloud`: a `#cloud-config` (YAML that parses) or a `#!` script. */
function isServableCloudConfig(text: string): boolean {
  const header = text.split('\n', 1)[0].replace(/\r$/, '');
  if (header.startsWith('#!')) return true;
  if (header !== '#cloud-config') return false;
  try {
    parseYaml(text);
    return true;
  } catch {
    return false;
  }
}

/** Answers one GET the way the release does. */
export function serveMatchbox(opts: StandInOptions, requestUrl: string): StandInResponse {
  const version = opts.version ?? 'v0.11.0';
  const url = new URL(requestUrl, 'http://standin');
  const route = url.pathname;
  if (route === '/') return ok('matchbox\n');
  if (route === '/boot.ipxe' || route === '/boot.ipxe.0') return ok(bootIpxe(version));
  if (route.startsWith('/assets/') && opts.assetsDir) {
    // Go serves the decoded path; http.Dir keeps it inside the assets directory.
    let name: string;
    try {
      name = decodeURIComponent(route.slice('/assets/'.length));
    } catch {
      return notFound();
    }
    const file = path.join(opts.assetsDir, path.normalize(`/${name}`));
    return fs.existsSync(file) && fs.statSync(file).isFile()
      ? ok(fs.readFileSync(file), 'application/octet-stream')
      : notFound();
  }
  if (!['/ipxe', '/grub', '/ignition', '/generic', '/cloud', '/metadata'].includes(route)) return notFound();

  const group = selectGroup(loadGroups(opts.dataDir), labelsFromQuery(url.searchParams));
  if (!group) return notFound();
  if (route === '/metadata') return ok(`${envFile('', variables(group, url)).join('\n')}\n`, 'plain/text', group.id);
  const profile = loadProfile(opts.dataDir, group.profile);
  if (!profile) return notFound(group.id);
  if (route === '/ipxe' || route === '/grub') {
    if (!profile.boot) return notFound(group.id); // Go: nil pointer evaluating *NetBoot.Kernel
    return ok(route === '/grub' ? grubConfig(profile.boot) : renderProfileIpxe(profile.boot), TEXT, group.id);
  }
  if (route === '/ignition') {
    const id = profile.ignition_id;
    const contents = readData(opts.dataDir, 'ignition', id);
    if (contents === undefined) return notFound(group.id);
    if (!/\.(ign|ignition)$/.test(id!)) throw new StandInLimit(`not modelled: Butane template ${id} on /ignition`);
    const body =
      version === 'v0.9.1' ? contents : reserializeIgnition(contents, version === 'v0.10.0' ? '3.3.0' : '3.4.0');
    return ok(body, 'application/json', group.id);
  }
  const kind = route === '/generic' ? 'generic' : 'cloud';
  const template = readData(opts.dataDir, kind, kind === 'generic' ? profile.generic_id : profile.cloud_id);
  if (template === undefined) return notFound(group.id);
  let rendered: string;
  try {
    rendered = renderGoTemplate(template, variables(group, url));
  } catch (e) {
    if (e instanceof GoTemplateError) return notFound(group.id); // parse or execution error (missingkey=error)
    throw e;
  }
  if (kind === 'cloud' && !isServableCloudConfig(rendered)) return notFound(group.id);
  return ok(rendered, TEXT, group.id);
}
