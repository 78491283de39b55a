import { IgnitionSpec } from '../ignition/types';

/** Network boot settings (`boot` in the profile JSON). */
export interface MatchboxBootSpec {
  /** Kernel URL: absolute `http(s)://` or `/assets/...`. */
  readonly kernel: string;
  /** Initrd URLs; an entry may start with iPXE options, e.g. `--name main /assets/initrd.img`. @default [] */
  readonly initrd?: string[];
  /** Kernel arguments, joined with spaces. May contain iPXE variables such as `${mac:hexhyp}`. @default [] */
  readonly args?: string[];
  /**
   * Machines also boot this profile with GRUB, through Matchbox's `/grub`: each initrd entry must
   * then be a plain path (no iPXE options) and each argument one GRUB word. @default false
   */
  readonly grub?: boolean;
}

/**
 * A Matchbox profile. Files follow terraform-provider-matchbox's naming: raw Ignition goes to
 * `ignition/<id>.ign`, a generic template to `generic/<id>`, a cloud-config to `cloud/<id>`.
 */
export interface MatchboxProfileSpec {
  /** Profile id, also the file name `profiles/<id>.json` that groups refer to. */
  readonly id: string;
  /** Human readable name. @default none */
  readonly name?: string;
  /** Network boot settings. @default none (profile only serves configs) */
  readonly boot?: MatchboxBootSpec;
  /**
   * Raw Ignition served by `/ignition` (a JSON string or builder props). Matchbox does NOT render
   * Go templates in `.ign` files: put templated Ignition in {@link generic} instead. Matchbox
   * v0.10/v0.11 re-serialize it as spec 3.3.0/3.4.0, so builder props default to that version there.
   * @default none
   */
  readonly ignition?: string | IgnitionSpec;
  /**
   * A Go template served by `/generic`, rendered with group metadata, selectors and `request`.
   * Builder props are rendered to Ignition JSON with template actions intact. @default none
   */
  readonly generic?: string | IgnitionSpec;
  /** Deprecated Cloud-Config Go template served by `/cloud`. @default none */
  readonly cloud?: string;
}

/** A Matchbox group: selects machines by labels and binds them to a profile. */
export interface MatchboxGroupSpec {
  /** Group id, also the file name `groups/<id>.json`. */
  readonly id: string;
  /** Human readable name. @default none */
  readonly name?: string;
  /** Profile id. */
  readonly profile: string;
  /** Labels every matching request must carry; empty = default group. @default {} */
  readonly selector?: Record<string, string>;
  /** Template variables (top-level keys become `{{.key}}`). @default {} */
  readonly metadata?: Record<string, unknown>;
}

/** The content of one Matchbox data directory. */
export interface MatchboxDataSpec {
  /** Profiles. */
  readonly profiles: MatchboxProfileSpec[];
  /** Groups. */
  readonly groups: MatchboxGroupSpec[];
  /** The Matchbox release that serves it (see `MATCHBOX_RELEASES`). @default 'v0.11.0' */
  readonly version?: string;
}

/** One file of a rendered data directory, relative to its root. */
export interface DataFile {
  /** Relative path, e.g. `groups/default.json`. */
  readonly path: string;
  /** File contents. */
  readonly contents: string;
}

/** Profile JSON exactly as Matchbox parses it (`storagepb.Profile` json tags). */
export interface ProfileJson {
  readonly id: string;
  readonly name?: string;
  readonly boot?: { readonly kernel: string; readonly initrd: string[]; readonly args: string[] };
  readonly ignition_id?: string;
  readonly generic_id?: string;
  readonly cloud_id?: string;
}

/** Group JSON exactly as Matchbox parses it (`storagepb.RichGroup` json tags). */
export interface GroupJson {
  readonly id: string;
  readonly name?: string;
  readonly profile: string;
  readonly selector?: Record<string, string>;
  readonly metadata?: Record<string, unknown>;
}
