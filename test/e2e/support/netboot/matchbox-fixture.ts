/**
 * The Matchbox stand-in (../matchbox/standin.ts) over HTTP, for a machine in a network namespace.
 *
 * The server runs in this (jest) process on a Unix socket, which network namespaces do not
 * isolate; a tiny Node forwarder inside the namespace listens on the LAN address and pipes each
 * TCP connection to it, printing the peer address of every connection.
 */
import * as http from 'http';
import { StandInLimit } from '../matchbox/go-template';
import { serveMatchbox, StandInResponse, StandInVersion } from '../matchbox/standin';
import { Proc, start, stop, waitFor } from './procs';

/** One HTTP request seen by the fixture. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** Milliseconds since the fixture started. */
  readonly at: number;
  /** Group selected, if any. */
  readonly group?: string;
  /** The body, for answers that are not assets. */
  readonly body?: string;
}

/** A running fixture. */
export interface MatchboxFixture {
  readonly requests: SeenRequest[];
  /** Peer addresses of TCP connections accepted inside the namespace. */
  peers(): string[];
  close(): Promise<void>;
}

/** The stand-in's answer; a template it does not model is a 500 naming it (never a guess). */
function answer(opts: { dataDir: string; assetsDir: string; version?: StandInVersion }, url: string): StandInResponse {
  try {
    return serveMatchbox(opts, url);
  } catch (e) {
    if (!(e instanceof StandInLimit)) throw e;
    return {
      status: 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: `matchbox stand-in: ${e.message}\n`,
    };
  }
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
  /** The Matchbox release to serve like. @default 'v0.11.0' */
  version?: StandInVersion;
}): Promise<MatchboxFixture> {
  const started = Date.now();
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const { status, headers, body, group } = answer(opts, req.url ?? '/');
    const text = typeof body === 'string' ? { body } : {};
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      status,
      at: Date.now() - started,
      ...(group && { group }),
      ...text,
    });
    res.writeHead(status, headers);
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(opts.socketPath, resolve));
  let forwarder: Proc | undefined;
  try {
    forwarder = start('forwarder', 'ip', [
      'netns',
      'exec',
      opts.netns,
      process.execPath,
      '-e',
      FORWARDER,
      opts.host,
      String(opts.port),
      opts.socketPath,
    ]);
    const fwd = forwarder;
    await waitFor(
      'the HTTP forwarder',
      () => (fwd.output().includes('listening') ? true : fwd.child.exitCode !== null ? fail(fwd) : undefined),
      10000,
    );
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
