/**
 * Prerequisites of the e2e suite and the skip policy: without them a local run skips,
 * but a CI run (process.env.CI set) FAILS — a skip must never hide missing tools in CI.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Binaries the e2e suite needs. Alternatives are written 'a|b' (any one is enough). */
export const E2E_BINARIES = [
  'lxd',
  'lxc',
  'cloud-init',
  'dnsmasq',
  'udhcpc',
  'ip',
  'terraform',
  'busybox',
  'nft|iptables',
  'python3',
  'tar',
];

/** Result of e2ePrereqs(). */
export interface E2EPrereqs {
  ok: boolean;
  root: boolean;
  /** Entries of the binary list not found on PATH (or in the sbin dirs). */
  missing: string[];
  /** One line for humans, e.g. "not root; missing: lxd, terraform". */
  summary: string;
}

function onPath(bin: string): boolean {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  return dirs.some((d) => {
    try {
      fs.accessSync(path.join(d || '.', bin), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Check that we are root and that every needed binary (plus `extra`) exists. */
export function e2ePrereqs(extra: string[] = []): E2EPrereqs {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const missing = [...E2E_BINARIES, ...extra].filter((alts) => !alts.split('|').some(onPath));
  const problems = [...(root ? [] : ['not root']), ...(missing.length ? [`missing: ${missing.join(', ')}`] : [])];
  return { ok: problems.length === 0, root, missing, summary: problems.join('; ') || 'all present' };
}

/** Starts the reason a skipped suite's title ends with: `NAME (e2e skipped: not root; missing: lxd)`. */
export const SKIPPED_MARK = '(e2e skipped: ';

/** True when running in CI (any non-empty CI value other than "false"/"0"). */
export function inCI(): boolean {
  const ci = process.env.CI;
  return !!ci && ci !== 'false' && ci !== '0';
}

/**
 * `describe` when the prerequisites are met. Otherwise: in CI, a describe whose single test
 * fails with the reason; locally, `describe.skip` with the reason in its title (summed up in one
 * line at the end of the run).
 */
export function describeE2E(name: string, fn: () => void, extra: string[] = []): void {
  const p = e2ePrereqs(extra);
  if (p.ok) {
    describe(name, fn);
  } else if (inCI()) {
    describe(name, () => {
      it('has its prerequisites (CI never skips e2e tests)', () => {
        throw new Error(`e2e prerequisites missing in CI: ${p.summary}`);
      });
    });
  } else {
    // Only outside CI (a developer machine without root or the packages): reported as skipped, the
    // reason in the title, which the end-of-run summary (test/support/e2e-skip-reporter.js) reads.
    const skipOutsideCi = describe.skip;
    skipOutsideCi(`${name} ${SKIPPED_MARK}${p.summary})`, fn);
  }
}
