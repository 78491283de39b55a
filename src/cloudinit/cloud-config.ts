import { stringify } from 'yaml';
import { Problem, Verdict } from '../validation/errors';
import { compact } from '../util/objects';
import { BackendName } from '../lxd/backend';
import { checkPreseed, PreseedDocument, preseedHasSecret, renderPreseed } from '../lxd/preseed';
import {
  checkIncusCloudConfig,
  IncusCloudConfigOptions,
  incusCloudConfigHasSecret,
  incusCloudConfigParts,
} from './incus';
import { checkLxdModule, initToPreseed, LxdBridgeOptions, LxdInitOptions } from './lxd-module';
import { checkMirrorUri } from './mirror';
import { checkTimezone } from './timezone';
import { stringTokens } from '../util/tokens';
import { nulByteProblem } from '../validation/nul';
import { checkTrustPassword, preseedPasswords } from '../lxd/version';

/** One apt mirror entry (`apt.primary[]`). */
export interface AptMirror {
  /** Architectures this mirror serves, e.g. `amd64`. @default ['default'] */
  readonly arches?: string[];
  /** Mirror URL: `http://`, `https://`, `ftp://` or `file:/`. */
  readonly uri: string;
}

export { checkMirrorUri } from './mirror';

/** A user created by cloud-init. */
export interface CloudUser {
  /** Login name. */
  readonly name: string;
  /** SSH public keys for the user. @default - no keys */
  readonly sshAuthorizedKeys?: string[];
  /** Sudo rule, e.g. `ALL=(ALL) NOPASSWD:ALL`. @default - no sudo rule */
  readonly sudo?: string;
  /** Supplementary groups, e.g. `lxd`. @default - no extra groups */
  readonly groups?: string[];
  /** Login shell. @default '/bin/bash' */
  readonly shell?: string;
}

/** A file written at first boot. */
export interface WriteFile {
  /** Absolute path of the file. */
  readonly path: string;
  /** File content. */
  readonly content: string;
  /** Octal mode such as `0644`. @default - cloud-init's default (`0644`) */
  readonly permissions?: string;
  /** Owner as `user:group`. @default - cloud-init's default (`root:root`) */
  readonly owner?: string;
  /** Append to the file instead of replacing it. @default false */
  readonly append?: boolean;
  /** Write after packages and users are set up. @default false */
  readonly defer?: boolean;
}

/** The cloud-init `lxd` module. `preseed` cannot be combined with `init` or `bridge`. */
export interface LxdModuleOptions {
  /** `lxd init` answers (storage, network address). @default - no init */
  readonly init?: LxdInitOptions;
  /** Bridge to create or use. @default - no bridge */
  readonly bridge?: LxdBridgeOptions;
  /** A typed preseed document, or preseed YAML text. @default - derived from `init` and `bridge` */
  readonly preseed?: PreseedDocument | string;
}

/** Typed `#cloud-config` user-data. */
export interface CloudConfigProps {
  /** System locale, e.g. `en_US.UTF-8`. @default - the image's locale */
  readonly locale?: string;
  /** Time zone, e.g. `Asia/Tokyo`. @default - the image's time zone */
  readonly timezone?: string;
  /** Host name to set. @default - the image's or instance's host name */
  readonly hostname?: string;
  /** Run `apt update` at first boot. @default - cloud-init's default (no update unless packages are listed) */
  readonly packageUpdate?: boolean;
  /** Upgrade installed packages at first boot. @default - cloud-init's default (no upgrade) */
  readonly packageUpgrade?: boolean;
  /** Reboot when an upgrade requires it. @default - cloud-init's default (no reboot) */
  readonly packageRebootIfRequired?: boolean;
  /** Primary apt mirrors (`apt.primary`). @default - the image's mirrors */
  readonly aptPrimary?: AptMirror[];
  /** Packages to install at first boot. @default [] */
  readonly packages?: string[];
  /** Keep the image's default user before `users`. @default true */
  readonly includeDefaultUser?: boolean;
  /** Users to create. @default - only the image's default user */
  readonly users?: CloudUser[];
  /** Keys for the default user. @default - no keys */
  readonly sshAuthorizedKeys?: string[];
  /** Files to write at first boot. @default [] */
  readonly writeFiles?: WriteFile[];
  /** Commands run at the end of first boot: a string runs in `sh`, a list is an argv. @default [] */
  readonly runcmd?: (string | string[])[];
  /** Set up LXD with cloud-init's `lxd` module. Not with `incus`. @default - no LXD setup */
  readonly lxd?: LxdModuleOptions;
  /**
   * Install Incus and apply a preseed with `incus admin init --preseed` at first boot (cloud-init has
   * no Incus module: apt source, packages, a root-only file and runcmd). Not with `lxd`.
   * @default - no Incus
   */
  readonly incus?: IncusCloudConfigOptions;
}

/**
 * cloud-init user-data. Render it with {@link CloudConfig.render} and pass it to
 * `MultipassVm`, or to any cloud provider's instance resource as user-data.
 *
 * `lxd.init`/`lxd.bridge` are rendered as the equivalent `lxd.preseed`, because
 * cloud-init 22.x creates the bridge without NAT when `ipv4_nat: true` is given.
 */
export class CloudConfig {
  /** The cloud-config settings this config renders (Terraform token objects in their string form). */
  public readonly props: CloudConfigProps;

  /** @param props The cloud-config settings this config renders. */
  constructor(props: CloudConfigProps = {}) {
    this.props = stringTokens(props);
  }

  /** The preseed this config applies, if any. */
  public get lxdPreseed(): PreseedDocument | string | undefined {
    const lxd = this.props.lxd;
    if (!lxd) return undefined;
    return lxd.preseed ?? initToPreseed(lxd.init, lxd.bridge);
  }

  /** True when the rendered text carries a secret and must be handled as sensitive. */
  public get hasSecret(): boolean {
    const p = this.lxdPreseed;
    return (
      (p !== undefined && typeof p !== 'string' && preseedHasSecret(p)) ||
      (this.props.incus !== undefined && incusCloudConfigHasSecret(this.props.incus))
    );
  }

  /**
   * Problems with this config, reported against construct path `path` (a host running `backend`,
   * at least LXD `minLxdVersion` when given: from 6.1 on a trust password is one).
   */
  public validate(path: string, backend: BackendName = 'lxd', minLxdVersion?: string): Problem[] {
    const problems: Problem[] = [];
    const lxd = this.props.lxd;
    const verdict = (property: string, value: unknown, v: Verdict | undefined) => {
      if (v) problems.push({ path, property, value, reason: v.reason, fix: v.fix });
    };
    const nul = nulByteProblem(path, this.props, 'cloudConfig');
    if (nul) return [nul];
    if (this.props.timezone !== undefined)
      verdict('cloudConfig.timezone', this.props.timezone, checkTimezone(this.props.timezone));
    (this.props.aptPrimary ?? []).forEach((m, i) =>
      verdict(`cloudConfig.aptPrimary[${i}].uri`, m.uri, checkMirrorUri(m.uri)),
    );
    for (const p of checkLxdModule(lxd?.init, lxd?.bridge)) verdict(`cloudConfig.lxd.${p.property}`, p.value, p);
    if (lxd?.preseed !== undefined && typeof lxd.preseed !== 'string') {
      for (const p of checkPreseed(lxd.preseed, backend)) verdict(`cloudConfig.lxd.preseed.${p.property}`, p.value, p);
    }
    const preseed = this.lxdPreseed;
    for (const k of preseed === undefined ? [] : preseedPasswords(preseed)) {
      verdict(
        lxd?.preseed !== undefined ? `cloudConfig.lxd.preseed.${k}` : 'cloudConfig.lxd.init.trustPassword',
        '(secret)',
        checkTrustPassword(minLxdVersion, k),
      );
    }
    if (lxd?.preseed !== undefined && (lxd.init || lxd.bridge)) {
      problems.push({
        path,
        property: 'cloudConfig.lxd',
        value: Object.keys(lxd),
        reason: 'lxd.preseed cannot be combined with lxd.init or lxd.bridge (cloud-init rejects it)',
        fix: 'declare the storage and bridge inside the preseed, or drop the preseed',
      });
    }
    if (
      lxd?.bridge?.mode === 'new' &&
      lxd.bridge.ipv4Address &&
      lxd.bridge.ipv4Address !== 'auto' &&
      lxd.bridge.ipv4Netmask === undefined
    ) {
      problems.push({
        path,
        property: 'cloudConfig.lxd.bridge.ipv4Netmask',
        value: undefined,
        reason: 'required with ipv4Address',
        fix: 'set ipv4Netmask, e.g. 24',
      });
    }
    const incus = this.props.incus;
    if (incus) for (const p of checkIncusCloudConfig(incus)) verdict(`cloudConfig.incus.${p.property}`, p.value, p);
    if (backend === 'incus' && lxd) {
      problems.push({
        path,
        property: 'cloudConfig.lxd',
        value: Object.keys(lxd),
        reason: "the host runs Incus, and cloud-init's lxd module sets up LXD",
        fix: 'move the storage and bridge into cloudConfig.incus.preseed',
      });
    }
    if (backend === 'lxd' && incus) {
      problems.push({
        path,
        property: 'cloudConfig.incus',
        value: Object.keys(incus),
        reason: 'the host runs LXD (the default backend), but the cloud-config installs Incus',
        fix: "set backend: 'incus' on the host, or use cloudConfig.lxd",
      });
    }
    for (const f of this.props.writeFiles ?? []) {
      if (!f.path.startsWith('/'))
        problems.push({
          path,
          property: 'cloudConfig.writeFiles.path',
          value: f.path,
          reason: 'not an absolute path',
          fix: 'use a path starting with /',
        });
      if (f.permissions !== undefined && !/^0?[0-7]{3,4}$/.test(f.permissions)) {
        problems.push({
          path,
          property: 'cloudConfig.writeFiles.permissions',
          value: f.permissions,
          reason: 'not an octal mode',
          fix: 'use a mode such as 0644',
        });
      }
    }
    for (const u of this.props.users ?? []) {
      if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(u.name)) {
        problems.push({
          path,
          property: 'cloudConfig.users.name',
          value: u.name,
          reason: 'not a valid user name',
          fix: 'use lower-case letters, digits, "_" or "-", starting with a letter',
        });
      }
    }
    return problems;
  }

  /** The `#cloud-config` YAML text. */
  public render(): string {
    return `#cloud-config\n${stringify(this.tree(), { lineWidth: 0 })}`;
  }

  private tree(): Record<string, unknown> {
    const p = this.props;
    const users = p.users?.map((u) =>
      compact({
        name: u.name,
        sudo: u.sudo,
        groups: u.groups?.join(', '),
        shell: u.shell ?? '/bin/bash',
        ssh_authorized_keys: u.sshAuthorizedKeys,
      }),
    );
    const preseed = this.lxdPreseed;
    const incus = p.incus ? incusCloudConfigParts(p.incus) : {};
    const join = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined =>
      a || b ? [...(a ?? []), ...(b ?? [])] : undefined;
    return compact({
      hostname: p.hostname,
      locale: p.locale,
      timezone: p.timezone,
      package_update: p.packageUpdate,
      package_upgrade: p.packageUpgrade,
      package_reboot_if_required: p.packageRebootIfRequired,
      apt:
        p.aptPrimary || incus.apt
          ? compact({
              primary: p.aptPrimary?.map((m) => ({ arches: m.arches ?? ['default'], uri: m.uri })),
              sources: incus.apt?.sources,
            })
          : undefined,
      packages: join(p.packages, incus.packages),
      users: users ? [...(p.includeDefaultUser === false ? [] : ['default']), ...users] : undefined,
      ssh_authorized_keys: p.sshAuthorizedKeys,
      write_files: join(
        p.writeFiles?.map((f) =>
          compact({
            path: f.path,
            content: f.content,
            permissions: f.permissions,
            owner: f.owner,
            append: f.append,
            defer: f.defer,
          }),
        ),
        incus.write_files,
      ),
      lxd:
        preseed !== undefined ? { preseed: typeof preseed === 'string' ? preseed : renderPreseed(preseed) } : undefined,
      runcmd: join<unknown>(p.runcmd, incus.runcmd),
    });
  }
}
