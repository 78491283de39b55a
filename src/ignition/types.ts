/**
 * Input and output shapes of the Ignition builder. Output field names follow the
 * Ignition 3.x spec (camelCase: `sshAuthorizedKeys`, `dropins`, `contents.source`).
 */

/** Ignition spec versions the builder emits. */
export type IgnitionVersion = '3.3.0' | '3.4.0';

/** A local user (`passwd.users[]`). */
export interface IgnitionUserSpec {
  /** User name, e.g. `core`. */
  readonly name: string;
  /**
   * Public keys; may be Go template actions such as `{{.ssh_authorized_key}}` (piped through `js`
   * so that Matchbox writes the value as a JSON string). @default []
   */
  readonly sshAuthorizedKeys?: string[];
  /** Supplementary groups. @default [] */
  readonly groups?: string[];
}

/** A systemd drop-in (`systemd.units[].dropins[]`). */
export interface IgnitionDropinSpec {
  /** File name ending in `.conf`. */
  readonly name: string;
  /** Drop-in contents. */
  readonly contents: string;
}

/** A systemd unit (`systemd.units[]`). */
export interface IgnitionUnitSpec {
  /** Unit name with its suffix, e.g. `installer.service`. */
  readonly name: string;
  /** Enable the unit (its `[Install]` section). @default not set (left to the OS) */
  readonly enabled?: boolean;
  /** Unit file contents. @default none (drop-ins only) */
  readonly contents?: string;
  /** Drop-ins. @default [] */
  readonly dropins?: IgnitionDropinSpec[];
}

/** A file written to the root filesystem (`storage.files[]`). */
export interface IgnitionFileSpec {
  /** Absolute path, e.g. `/opt/installer`. */
  readonly path: string;
  /** Permission bits, e.g. `0o500`. @default 0o644 */
  readonly mode?: number;
  /** File contents; emitted as a percent-encoded `data:,` URL. */
  readonly contents: string;
  /** Replace an existing file. @default true */
  readonly overwrite?: boolean;
}

/** Everything the builder turns into an Ignition config. */
export interface IgnitionSpec {
  /**
   * Spec version written to `ignition.version`. As a MatchboxProfile's `ignition`, it defaults to
   * the spec its server's Matchbox serves `.ign` files as (3.4.0 on v0.11.0). @default '3.3.0'
   */
  readonly version?: IgnitionVersion;
  /** Users. @default [] */
  readonly users?: IgnitionUserSpec[];
  /** systemd units. @default [] */
  readonly units?: IgnitionUnitSpec[];
  /** Files. @default [] */
  readonly files?: IgnitionFileSpec[];
}

/** The emitted Ignition JSON document. */
export interface IgnitionConfig {
  readonly ignition: { readonly version: IgnitionVersion };
  readonly passwd?: {
    readonly users: readonly {
      readonly name: string;
      readonly sshAuthorizedKeys?: string[];
      readonly groups?: string[];
    }[];
  };
  readonly storage?: {
    readonly files: readonly {
      readonly path: string;
      readonly mode: number;
      readonly overwrite: boolean;
      readonly contents: { readonly source: string };
    }[];
  };
  readonly systemd?: {
    readonly units: readonly {
      readonly name: string;
      readonly enabled?: boolean;
      readonly contents?: string;
      readonly dropins?: readonly { readonly name: string; readonly contents: string }[];
    }[];
  };
}
