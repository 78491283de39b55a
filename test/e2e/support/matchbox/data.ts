/** Helpers around the stand-in: the data directory the constructs write, and what a machine does with a reply. */
import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { MatchboxGroup, MatchboxProfile } from '../../../../index';
import { DataFile } from '../../../../src/matchbox/model';

/** Every data file the profiles and groups under `scope` write, with their server's release. */
export function matchboxDataOf(scope: IConstruct): { files: DataFile[]; version: string } {
  const objects = scope.node
    .findAll()
    .filter((c): c is MatchboxProfile | MatchboxGroup => c instanceof MatchboxProfile || c instanceof MatchboxGroup);
  const servers = new Set(objects.map((o) => o.server));
  if (servers.size !== 1)
    throw new Error(`expected the profiles and groups of one Matchbox server, found ${servers.size}`);
  return { files: objects.flatMap((o) => o.files()), version: [...servers][0].version };
}

/** Writes data files under `dir` as the converge scripts do. */
export function writeDataDir(dir: string, files: readonly DataFile[]): string {
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.contents);
  }
  return dir;
}

/**
 * The contents Ignition writes for a `data:,` source: Go's url.Parse then the dataurl package,
 * which refuses a space, `#`, `"`, `<`, `>`, braces, `|`, `\`, `^`, brackets, backquotes, control
 * and non-ASCII characters and decodes only `%XX` (a `+` stays a `+`).
 */
export function ignitionDataUrl(source: string): string {
  if (!source.startsWith('data:,')) throw new Error(`not a plain data URL: ${source.slice(0, 20)}`);
  const bytes: number[] = [];
  const data = source.slice('data:,'.length);
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (code < 0x21 || code > 0x7e || '<>#"{}|\\^[]`'.includes(data[i]))
      throw new Error(`invalid data character ${JSON.stringify(data[i])} at ${i}`);
    if (data[i] !== '%') {
      bytes.push(code);
      continue;
    }
    if (!/^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) throw new Error(`invalid URL escape at ${i}`);
    bytes.push(parseInt(data.slice(i + 1, i + 3), 16));
    i += 2;
  }
  return Buffer.from(bytes).toString('utf8');
}

/** `value` without empty objects and arrays (what Go's re-serialization adds to a config). */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const w = withoutEmpty(v);
    if (w && typeof w === 'object' && Object.keys(w).length === 0) continue;
    out[k] = w;
  }
  return out;
}
