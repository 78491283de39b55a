/**
 * A stand-in for Matchbox's HTTP side, serving a rendered data directory from disk by Matchbox's
 * documented rules (reference section 4/5): `/`, `/boot.ipxe`, `/ipxe?<labels>`, `/assets/...`.
 *
 * The server runs in this (jest) process on a Unix socket, which network namespaces do not
 * isolate; a tiny Node forwarder inside the namespace listens on the LAN address and pipes each
 * TCP connection to it, printing the peer address of every connection.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { renderBootIpxe, renderProfileIpxe } from '../../../../src/matchbox/ipxe';
import { parseMatchboxMac } from '../../../../src/matchbox/mac';
import { GroupJson, ProfileJson } from '../../../../src/matchbox/model';
import { labelsFromQuery, selectGroup } from '../../../../src/matchbox/select';
import { Proc, start, stop, waitFor } from './procs';

/** One HTTP request seen by the fixture. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** Milliseconds since the fixture started. */
  readonly at: number;
  /** Group chosen for /ipxe, if any. */
  readonly group?: string;
}

/** A running fixture. */
export interface MatchboxFixture {
  readonly requests: SeenRequest[];
  /** Peer addresses of TCP connections accepted inside the namespace. */
  peers(): string[];
  close(): Promise<void>;
}

/** Reads groups the way Matchbox's FileStore does: `groups/*.json` only; unparseable files skipped. */
function loadGroups(dataDir: string): GroupJson[] {
  const dir = path.join(dataDir, 'groups');
  const groups: GroupJson[] = [];
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.json') || !fs.statSync(path.join(dir, file)).isFile()) continue;
    try {
      const g = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as GroupJson;
      const selector: Record<string, string> = {};
      for (const [k, v] of Object.entries(g.selector ?? {})) {
        if (typeof v !== 'string') throw new Error('selector value is not a string');
        const mac = k.toLowerCase() === 'mac' ? parseMatchboxMac(v) : v;
        if (mac === undefined) throw new Error(`bad MAC ${v}`);
        selector[k] = mac;
      }
      groups.push({ ...g, selector });
    } catch {
      // Matchbox logs and skips a group file it cannot parse.
    }
  }
  return groups;
}

/** `profiles/<id>.json`, or undefined when missing or without an id (Matchbox: 404). */
function loadProfile(dataDir: string, id: string): ProfileJson | undefined {
  if (!/^[A-Za-z0-9._-]+$/.test(id)) return undefined;
  try {
    const p = JSON.parse(fs.readFileSync(path.join(dataDir, 'profiles', `${id}.json`), 'utf8')) as ProfileJson;
    return typeof p.id === 'string' && p.id !== '' ? p : undefined;
  } catch {
    return undefined;
  }
}

function handle(dataDir: string, assetsDir: string, req: http.IncomingMessage): { status: number; body: string | Buffer; group?: string } {
  const url = new URL(req.url ?? '/', 'http://fixture');
  if (url.pathname === '/') return { status: 200, body: 'matchbox\n' };
  if (url.pathname === '/boot.ipxe' || url.pathname === '/boot.ipxe.0') return { status: 200, body: renderBootIpxe() };
  if (url.pathname === '/ipxe') {
    const group = selectGroup(loadGroups(dataDir), labelsFromQuery(url.searchParams));
    const profile = group && loadProfile(dataDir, group.profile);
    if (!profile?.boot) return { status: 404, body: '404 page not found\n', group: group?.id };
    return { status: 200, body: renderProfileIpxe(profile.boot), group: group!.id };
  }
  if (url.pathname.startsWith('/assets/')) {
    const file = path.join(assetsDir, path.normalize(url.pathname.slice('/assets/'.length)).replace(/^(\.\.[/\\])+/, ''));
    if (file.startsWith(assetsDir) && fs.existsSync(file) && fs.statSync(file).isFile()) return { status: 200, body: fs.readFileSync(file) };
  }
  return { status: 404, body: '404 page not found\n' };
}

const FORWARDER = `
const net = require('net');
const [host, port, sock] = process.argv.slice(1);
net.createServer((c) => {
  console.log('conn ' + c.remoteAddress);
  const u = net.connect(sock);
  c.pipe(u).pipe(c);
  c.on('error', () => u.destroy());
  u.on('error', () => c.destroy());
}).listen(Number(port), host, () => console.log('listening'));
`;

/** Starts the fixture: HTTP on `socketPath`, forwarded from `host:port` inside `netns`. */
export async function startMatchboxFixture(opts: {
  netns: string;
  host: string;
  port: number;
  dataDir: string;
  assetsDir: string;
  socketPath: string;
}): Promise<MatchboxFixture> {
  const started = Date.now();
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const { status, body, group } = handle(opts.dataDir, opts.assetsDir, req);
    requests.push({ method: req.method ?? '', url: req.url ?? '', status, at: Date.now() - started, ...(group && { group }) });
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(opts.socketPath, resolve));
  let forwarder: Proc | undefined;
  try {
    forwarder = start('forwarder', 'ip', ['netns', 'exec', opts.netns, process.execPath, '-e', FORWARDER, opts.host, String(opts.port), opts.socketPath]);
    const fwd = forwarder;
    await waitFor('the HTTP forwarder', () => (fwd.output().includes('listening') ? true : fwd.child.exitCode !== null ? fail(fwd) : undefined), 10000);
  } catch (e) {
    await stop(forwarder);
    server.close();
    throw e;
  }
  const fwd = forwarder;
  return {
    requests,
    peers: () => [...fwd.output().matchAll(/^conn (.+)$/gm)].map((m) => m[1]),
    close: async () => {
      await stop(fwd);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function fail(proc: Proc): never {
  throw new Error(`${proc.name} exited: ${proc.output()}`);
}
