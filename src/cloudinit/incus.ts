/**
 * cloud-config for a VM that runs Incus instead of LXD: install the package at first boot and apply
 * the same typed preseed document the library uses for `lxd init --preseed` with
 * `incus admin init --preseed`. cloud-init has no Incus module, so this is plain apt sources,
 * packages, write_files and runcmd; the result is a fragment to merge into a cloud-config tree.
 */
import { stringify } from 'yaml';
import { backendSpec, checkBackendConfig } from '../lxd/backend';
import { checkPreseed, PreseedDocument, preseedHasSecret, PreseedProblem, renderPreseed } from '../lxd/preseed';
import { shq } from '../shell/quote';
import { compact } from '../util/objects';
import { checkSourceMirror } from './mirror';

/** The VM's operating system, which decides where the incus package comes from. */
export interface IncusHostOs {
  /** Debian 12 (bookworm) takes Incus 6.0 from bookworm-backports; Debian 13+ and Ubuntu 24.04+ have it in the archive. */
  readonly distro: 'debian' | 'ubuntu';
  /** `12`, `13` (Debian) or `24.04`, `24.10`, `26.04`, ... (Ubuntu). */
  readonly version: string;
}

/** Options of {@link incusCloudConfigParts}. */
export interface IncusCloudConfigOptions {
  /** The preseed `incus admin init --preseed` applies at first boot: typed document, or YAML text. @default - none: install only */
  readonly preseed?: PreseedDocument | string;
  /** Host OS, which picks the Incus apt source. @default { distro: 'ubuntu', version: '24.04' } */
  readonly os?: IncusHostOs;
  /**
   * `incus` (containers and VMs; pulls QEMU) or `incus-base` (containers only). On Debian 12 `incus` needs
   * QEMU 8+, which only backports has, so it is installed with `apt-get install -t bookworm-backports`.
   * @default 'incus'
   */
  readonly package?: 'incus' | 'incus-base';
  /**
   * The mirror of the bookworm-backports source (Debian 12 only). cloud-init replaces `$MIRROR` with the
   * primary mirror of the image (or of `apt.primary`). @default '$MIRROR'
   */
  readonly backportsMirror?: string;
  /** Where the preseed is written (root only, 0600). @default '/var/lib/cloud/incus-preseed.yaml' */
  readonly preseedPath?: string;
}

/** The cloud-config keys an Incus host needs, in cloud-init's own spelling (merge into the rendered tree). */
export interface IncusCloudConfigParts {
  /** `apt.sources` for bookworm-backports (Debian 12 only). */
  readonly apt?: { readonly sources: Record<string, { readonly source: string }> };
  /** `packages`: the incus package where the archive has it (not on Debian 12, see runcmd). */
  readonly packages?: string[];
  /** The preseed file, root-only. */
  readonly write_files?: readonly {
    readonly path: string;
    readonly content: string;
    readonly permissions: string;
    readonly owner: string;
  }[];
  /** Install from backports (Debian 12), then apply the preseed once. */
  readonly runcmd?: readonly (readonly string[])[];
}

/** Default OS: the Ubuntu LTS that first ships Incus (what multipass launches as `24.04`). */
export const INCUS_DEFAULT_OS: IncusHostOs = { distro: 'ubuntu', version: '24.04' };
/** Default preseed location: under cloud-init's own root-only state directory. */
export const INCUS_PRESEED_PATH = '/var/lib/cloud/incus-preseed.yaml';

/** True when the OS needs bookworm-backports for Incus. */
function needsBackports(os: IncusHostOs): boolean {
  return os.distro === 'debian' && Number(os.version) === 12;
}

/** The preseed YAML text (typed documents in LXD's key tree, which `incus admin init` reads unchanged). */
function preseedText(preseed: PreseedDocument | string): string {
  const text = typeof preseed === 'string' ? preseed : renderPreseed(preseed);
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * The first-boot script: wait for the daemon (the package starts it through systemd socket activation),
 * apply the preseed, remove the file (it may hold a cluster join token) and leave a marker, so a re-run
 * of the module (`cloud-init single --name runcmd`, or runcmd on a re-created instance id) does nothing.
 */
export function incusPreseedScript(preseedPath = INCUS_PRESEED_PATH): string {
  const f = shq(preseedPath);
  const done = shq(`${preseedPath}.done`);
  return [
    'set -eu',
    `[ -e ${done} ] && exit 0`,
    'incus admin waitready --timeout=600',
    `incus admin init --preseed < ${f}`,
    `rm -f ${f}`,
    `touch ${done}`,
  ].join('\n');
}

/**
 * The cloud-config parts that install Incus and, when a preseed is given, apply it at first boot with
 * `incus admin init --preseed < FILE`. Call {@link checkIncusCloudConfig} first: this function renders what
 * it is given.
 */
export function incusCloudConfigParts(opts: IncusCloudConfigOptions = {}): IncusCloudConfigParts {
  const os = opts.os ?? INCUS_DEFAULT_OS;
  const pkg = opts.package ?? 'incus';
  const path = opts.preseedPath ?? INCUS_PRESEED_PATH;
  const backports = needsBackports(os);
  const runcmd: string[][] = [];
  if (backports) {
    // `packages:` cannot say `-t`: a plain `apt-get install incus` on bookworm fails (QEMU 8+ is in backports only).
    runcmd.push(['sh', '-c', `DEBIAN_FRONTEND=noninteractive apt-get install -y -t bookworm-backports ${pkg}`]);
  }
  if (opts.preseed !== undefined) runcmd.push(['sh', '-c', incusPreseedScript(path)]);
  return compact({
    apt: backports
      ? {
          sources: {
            'incus-backports.list': { source: `deb ${opts.backportsMirror ?? '$MIRROR'} bookworm-backports main` },
          },
        }
      : undefined,
    packages: backports ? undefined : [pkg],
    write_files:
      opts.preseed !== undefined
        ? [{ path, content: preseedText(opts.preseed), permissions: '0600', owner: 'root:root' }]
        : undefined,
    runcmd: runcmd.length ? runcmd : undefined,
  }) as IncusCloudConfigParts;
}

/** A standalone `#cloud-config` document of just these parts (for a VM whose only job is to be an Incus host). */
export function renderIncusCloudConfig(opts: IncusCloudConfigOptions = {}): string {
  return `#cloud-config\n${stringify(incusCloudConfigParts(opts), { lineWidth: 0 })}`;
}

/** True when the rendered parts carry a secret (a cluster join token or password in the preseed). */
export function incusCloudConfigHasSecret(opts: IncusCloudConfigOptions): boolean {
  return opts.preseed !== undefined && typeof opts.preseed !== 'string' && preseedHasSecret(opts.preseed);
}

/**
 * Problems with the options: an OS without an incus package, a relative preseed path, and in a typed preseed
 * what Incus rejects at `incus admin init` (storage drivers it lacks, `core.trust_password`, fan bridges,
 * cluster join passwords) plus malformed config keys. `property` is relative to the options (`preseed.config.core.trust_password`).
 */
export function checkIncusCloudConfig(opts: IncusCloudConfigOptions): PreseedProblem[] {
  const problems: PreseedProblem[] = [];
  const os = opts.os ?? INCUS_DEFAULT_OS;
  const [major, minor] = os.version.split('.').map(Number);
  const tooOld = os.distro === 'debian' ? !(major >= 12) : !(major > 24 || (major === 24 && minor >= 4));
  if (tooOld || !/^\d+(\.\d+)?$/.test(os.version)) {
    problems.push({
      property: 'os',
      value: `${os.distro} ${os.version}`,
      reason: 'no incus package for this release (Incus is in Debian 12 backports, Debian 13+, Ubuntu 24.04+)',
      fix: "use { distro: 'debian', version: '12' } or { distro: 'ubuntu', version: '24.04' } (multipass image '24.04')",
    });
  }
  if (opts.backportsMirror !== undefined) {
    const v = checkSourceMirror(opts.backportsMirror);
    if (v) problems.push({ property: 'backportsMirror', value: opts.backportsMirror, ...v });
  }
  if (opts.preseedPath !== undefined && !opts.preseedPath.startsWith('/')) {
    problems.push({
      property: 'preseedPath',
      value: opts.preseedPath,
      reason: 'not an absolute path',
      fix: `use e.g. ${INCUS_PRESEED_PATH}`,
    });
  }
  const doc = opts.preseed;
  if (doc === undefined || typeof doc === 'string') return problems;
  for (const p of checkPreseed(doc, 'incus')) problems.push({ ...p, property: `preseed.${p.property}` });
  const incus = backendSpec('incus');
  const against = (property: string, config: Readonly<Record<string, unknown>> | undefined) => {
    for (const [key, value] of Object.entries(config ?? {})) {
      const v = checkBackendConfig(key, String(value), incus);
      if (v)
        problems.push({
          property: `${property}.${key}`,
          value: key === 'core.trust_password' ? '(secret)' : value,
          ...v,
        });
    }
  };
  against('preseed.config', doc.config);
  for (const n of doc.networks ?? []) against(`preseed.networks.${n.name}.config`, n.config);
  if (doc.cluster?.clusterPassword !== undefined) {
    problems.push({
      property: 'preseed.cluster.clusterPassword',
      value: '(secret)',
      reason: 'Incus has no cluster join password',
      fix: 'join with a token: incus cluster add NAME on a member, then clusterToken',
    });
  }
  return problems;
}
