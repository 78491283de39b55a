/**
 * Two real LXD daemons, each in its own network namespace, joined by a veth pair on a private
 * /24, ready to form a cluster. Each member is reached through a runner command
 * (`ip netns exec NS env LXD_DIR=… sh -s`): the joining member's `lxd init --preseed` must run
 * inside its own namespace, because the client fetches the cluster certificate itself (from the
 * machine's own namespace the address is not routed).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { buildBusyboxImageSync } from './lib/image';
import { check } from './lib/sh';
import {
  daemonEnv,
  DaemonRecordBase,
  describeDaemon,
  Flavor,
  LXD,
  makeId,
  startDaemonSync,
  stopDaemonSync,
} from './lib/daemon';

/** Where a member's `dir` pool lives (LXD refuses a source inside its LXD_DIR). */
export const poolDir = (d: DaemonRecordBase) => `/tmp/lxe-pools/${d.id}`;

export interface ClusterNode {
  readonly name: string;
  readonly address: string;
  readonly daemon: DaemonRecordBase;
  /** Runs a script read from stdin against this member. */
  readonly runner: string;
}

export interface ClusterFixture {
  readonly nodes: ClusterNode[];
  /** Runs a script through a runner; throws with its output on failure. */
  run(runner: string, script: string): string;
  /** The client (`lxc` or `incus`) with ARGS against member `i`. */
  lxc(i: number, args: string[]): { code: number; stdout: string; stderr: string };
  /** The busybox image tarball. */
  readonly image: string;
  stop(): string[];
}

export function startCluster(subnet: string, count = 2, flavor: Flavor = LXD): ClusterFixture {
  const nodes: ClusterNode[] = [];
  const image = buildBusyboxImageSync();
  // Joined members first (the first member keeps the cluster database), then the first one. No reset through
  // the API: once a member has left, the first one may wait seconds for its database leader, and the daemons'
  // directories go anyway (the teardown test checks that the library's scripts left nothing behind).
  const stopAll = () =>
    [...nodes].reverse().flatMap((n) => {
      const problems = stopDaemonSync(n.daemon, {});
      fs.rmSync(poolDir(n.daemon), { recursive: true, force: true });
      return problems;
    });
  try {
    for (let i = 1; i <= count; i++) {
      const d = startDaemonSync(
        describeDaemon(makeId(flavor.kind === 'lxd' ? 'c' : 'ic', `m${i}`), { ownerPid: process.pid }, flavor),
      );
      const e = daemonEnv(d);
      const env = `${flavor.dirVar}=${e[flavor.dirVar]} ${flavor.confVar}=${e[flavor.confVar]} PATH=${e.PATH}`;
      nodes.push({
        name: `m${i}`,
        address: `${subnet}.${i}:8443`,
        daemon: d,
        runner: `ip netns exec ${d.netns} env ${env} sh -s`,
      });
    }
    // A veth from the first member to each other one, on one /24 (a point-to-point route each).
    for (let i = 1; i < nodes.length; i++) {
      const a = `cv${process.pid % 10000}a${i}`;
      const b = `cv${process.pid % 10000}b${i}`;
      check('ip', ['link', 'add', a, 'type', 'veth', 'peer', 'name', b]);
      check('ip', ['link', 'set', a, 'netns', nodes[0].daemon.netns]);
      check('ip', ['link', 'set', b, 'netns', nodes[i].daemon.netns]);
      if (i === 1) check('ip', ['-n', nodes[0].daemon.netns, 'addr', 'add', `${subnet}.1/24`, 'dev', a]);
      else check('ip', ['-n', nodes[0].daemon.netns, 'addr', 'add', `${subnet}.1/32`, 'dev', a]);
      check('ip', ['-n', nodes[0].daemon.netns, 'link', 'set', a, 'up']);
      check('ip', ['-n', nodes[i].daemon.netns, 'addr', 'add', `${subnet}.${i + 1}/24`, 'dev', b]);
      check('ip', ['-n', nodes[i].daemon.netns, 'link', 'set', b, 'up']);
      if (i > 1) check('ip', ['-n', nodes[0].daemon.netns, 'route', 'replace', `${subnet}.${i + 1}/32`, 'dev', a]);
    }
  } catch (e) {
    stopAll();
    throw e;
  }
  const run = (runner: string, script: string) => {
    const r = spawnSync('sh', ['-c', runner], { input: script, encoding: 'utf8', timeout: 120000 });
    if (r.status !== 0) throw new Error(`script failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  };
  const lxc = (i: number, args: string[]) => {
    const r = spawnSync(flavor.client, args, { env: daemonEnv(nodes[i].daemon), encoding: 'utf8', timeout: 120000 });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  return { nodes, run, lxc, image, stop: stopAll };
}
