import { shq } from '../shell/quote';
import { script } from '../lxd/cli';
import { Verdict } from '../validation/errors';
import { matching, Rule, rule } from '../validation/rule';
import { wholeNumber } from '../validation/rules';
import { refuseTrustPasswordLines } from '../lxd/version';

/** Desired state of a multipass VM. All of it is fixed at launch. */
export interface MultipassVmModel {
  readonly name: string;
  readonly cpus: number;
  readonly memory: string;
  readonly disk: string;
  /** Image such as `22.04`, `jammy` or `lts`; undefined = multipass default. */
  readonly image?: string;
  readonly mounts: readonly { readonly source: string; readonly target: string }[];
  /** How long to wait for launch, in seconds. */
  readonly timeoutSeconds: number;
}

/** Environment variable carrying the cloud-init user-data to the launch script. */
export const USER_DATA_ENV = 'CDKTF_LAB_USER_DATA';

/** Rule: the launch timeout, a whole number of seconds of at least 1 (multipass's `--timeout`). */
export function checkTimeoutSeconds(value: unknown): Verdict | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1
    ? undefined
    : { reason: 'multipass waits a whole number of seconds, at least 1', fix: 'use e.g. 600 (the default)' };
}

/** Rule: a number of virtual CPUs. */
export const checkCpus: Rule<unknown> = wholeNumber(
  1,
  Infinity,
  'multipass needs a whole number of CPUs',
  'use 1 or more',
);

/** Rule: an image multipass launches (`22.04`, `jammy`, `file:///...`): one word, never an option. */
export const checkMultipassImage: Rule<unknown> = matching(
  /^[A-Za-z0-9][^\s]*$/,
  'not a multipass image (a leading "-" would be read as an option)',
  'use e.g. 22.04, jammy, lts or file:///srv/image.img',
);

/** Rule: a mount `{ source, target }`: absolute paths without `:` (multipass's separator). */
export const checkMultipassMount: Rule<{ readonly source: string; readonly target: string }> = rule(
  (m) => m.source.startsWith('/') && m.target.startsWith('/') && !`${m.source}${m.target}`.includes(':'),
  'mount paths must be absolute and contain no ":"',
  'use e.g. { source: "/srv/data", target: "/data" }',
);

/** Minimum sizes multipass accepts. */
export const MULTIPASS_MIN_MEMORY = 128 * 2 ** 20;
export const MULTIPASS_MIN_DISK = 512 * 2 ** 20;

/**
 * What the launch checks when cloud-init fails: `trustPasswordClient` (e.g. `sudo lxc`), when the
 * cloud-config sets a trust password, reads the VM's LXD version with it and says when LXD 6.1 or
 * later refused the password.
 */
export interface VmLaunchChecks {
  readonly trustPasswordClient?: string;
}

/**
 * Launches the VM unless it exists, then waits until cloud-init has finished.
 * The user-data comes from the environment, so it never appears in a command line.
 */
export function vmLaunch(vm: MultipassVmModel, checks: VmLaunchChecks = {}): string {
  const flags = [
    '--name',
    vm.name,
    '--cpus',
    String(vm.cpus),
    '--memory',
    vm.memory,
    '--disk',
    vm.disk,
    '--timeout',
    String(vm.timeoutSeconds),
    ...vm.mounts.flatMap((m) => ['--mount', `${m.source}:${m.target}`]),
  ].map(shq);
  const image = vm.image ? [shq(vm.image)] : [];
  return script([
    `if ! multipass info ${shq(vm.name)} >/dev/null 2>&1; then`,
    '  user_data=$(mktemp)',
    `  trap 'rm -f "$user_data"' EXIT`,
    `  printf '%s\\n' "$${USER_DATA_ENV}" > "$user_data"`,
    `  multipass launch ${flags.join(' ')} --cloud-init "$user_data" ${image.join(' ')}`.trimEnd(),
    'fi',
    ...waitLines(vm.name, checks),
  ]);
}

/** Waits until cloud-init has finished in the VM. */
export function vmWaitForCloudInit(name: string, checks: VmLaunchChecks = {}): string {
  return script(waitLines(name, checks));
}

function waitLines(name: string, checks: VmLaunchChecks): string[] {
  const client = checks.trustPasswordClient;
  return [
    '# cloud-init exits 2 for "done with recoverable errors" (deprecated keys); that is a finished boot.',
    `rc=0; multipass exec ${shq(name)} -- cloud-init status --wait >/dev/null || rc=$?`,
    'if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then',
    ...(client
      ? refuseTrustPasswordLines(
          `multipass exec ${shq(name)} -- ${client} query /1.0`,
          `the cloud-config of VM ${name}`,
        ).map((l) => `  ${l}`)
      : []),
    `  echo ${shq(`cloud-init failed on ${name} (exit `)}"$rc)" >&2; exit "$rc"`,
    'fi',
  ];
}

/** Deletes and purges the VM if it exists. */
export function vmDelete(name: string): string {
  return script([`if multipass info ${shq(name)} >/dev/null 2>&1; then multipass delete --purge ${shq(name)}; fi`]);
}
