import { buildIgnition } from '../ignition/builder';
import { IgnitionSpec, IgnitionVersion } from '../ignition/types';
import { parseMatchboxMac } from './mac';
import { DataFile, GroupJson, MatchboxDataSpec, MatchboxGroupSpec, MatchboxProfileSpec, ProfileJson } from './model';
import { releaseOf } from './release';

/** File names the profile's configs are stored under (terraform-provider-matchbox convention). */
export function profileFileIds(p: MatchboxProfileSpec): { ignition?: string; generic?: string; cloud?: string } {
  return {
    ...(p.ignition !== undefined && { ignition: `${p.id}.ign` }),
    ...(p.generic !== undefined && { generic: p.id }),
    ...(p.cloud !== undefined && { cloud: p.id }),
  };
}

/** The profile JSON object (field names as in `storagepb.Profile`). */
export function profileJson(p: MatchboxProfileSpec): ProfileJson {
  const ids = profileFileIds(p);
  return {
    id: p.id,
    ...(p.name !== undefined && { name: p.name }),
    ...(p.boot && {
      boot: { kernel: p.boot.kernel, initrd: [...(p.boot.initrd ?? [])], args: [...(p.boot.args ?? [])] },
    }),
    ...(ids.ignition && { ignition_id: ids.ignition }),
    ...(ids.generic && { generic_id: ids.generic }),
    ...(ids.cloud && { cloud_id: ids.cloud }),
  };
}

/** Selector with `mac` values normalized the way Matchbox does (unparseable values kept as written). */
export function normalizeSelector(selector: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(selector ?? {}).sort()) {
    const value = selector![key];
    out[key] = key.toLowerCase() === 'mac' && typeof value === 'string' ? (parseMatchboxMac(value) ?? value) : value;
  }
  return out;
}

/** Recursively sorts object keys so that metadata JSON is deterministic. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The group JSON object (field names as in `storagepb.RichGroup`). */
export function groupJson(g: MatchboxGroupSpec): GroupJson {
  return {
    id: g.id,
    ...(g.name !== undefined && { name: g.name }),
    profile: g.profile,
    selector: normalizeSelector(g.selector),
    metadata: sortKeys(g.metadata ?? {}) as Record<string, unknown>,
  };
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** `profiles/<id>.json` contents. */
export function renderProfileJson(p: MatchboxProfileSpec): string {
  return json(profileJson(p));
}

/** `groups/<id>.json` contents. */
export function renderGroupJson(g: MatchboxGroupSpec): string {
  return json(groupJson(g));
}

/** Text of a config given as a string or as Ignition builder props (`version` when the props set none). */
export function configText(config: string | IgnitionSpec, version?: IgnitionVersion): string {
  return typeof config === 'string' ? config : json(buildIgnition({ ...config, version: config.version ?? version }));
}

/** The text of `ignition/<id>.ign` on `release`: builder props default to the spec it serves raw Ignition as. */
export function rawIgnitionText(config: string | IgnitionSpec, version: string | undefined): string {
  return configText(config, releaseOf(version).rawIgnitionSpec);
}

/**
 * Every file of the Matchbox data directory, sorted by path: `profiles/<id>.json`,
 * `groups/<id>.json`, `ignition/<id>.ign`, `generic/<id>`, `cloud/<id>`.
 * Run `validateMatchbox` first: this function does not check anything.
 */
export function renderDataDir(data: MatchboxDataSpec): DataFile[] {
  const files: DataFile[] = [];
  for (const p of data.profiles) {
    const ids = profileFileIds(p);
    files.push({ path: `profiles/${p.id}.json`, contents: renderProfileJson(p) });
    if (ids.ignition)
      files.push({ path: `ignition/${ids.ignition}`, contents: rawIgnitionText(p.ignition!, data.version) });
    if (ids.generic) files.push({ path: `generic/${ids.generic}`, contents: configText(p.generic!) });
    if (ids.cloud) files.push({ path: `cloud/${ids.cloud}`, contents: p.cloud! });
  }
  for (const g of data.groups) files.push({ path: `groups/${g.id}.json`, contents: renderGroupJson(g) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
