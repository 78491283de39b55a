import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { IgnitionSpec } from '../../src/ignition/types';
import { DataFile, MatchboxProfileSpec as ProfileData } from '../../src/matchbox/model';
import { renderDataDir } from '../../src/matchbox/render';
import { validateMatchbox } from '../../src/matchbox/validate';
import { checkProps, checkRequired, Checks, passed } from '../../src/validation/props';
import { ensure } from '../../src/validation/rule';
import { renderingOf } from '../render/rendering';
import { literalChecks, remapProblem } from './private/common';
import { IMatchboxProfileEntry, IMatchboxServer } from './imatchbox-server';
import { matchboxDataOf } from './private/matchbox-data';
import { readProps } from '../core/input';

/** Props of {@link MatchboxProfile}. */
export interface MatchboxProfileProps {
  /** The Matchbox server the profile is written to. */
  readonly server: IMatchboxServer;
  /** Profile id: the file `profiles/<id>.json` that groups refer to. @default - the construct id */
  readonly id?: string;
  /** Human readable name. @default - none */
  readonly name?: string;
  /** Kernel URL for network boot: absolute `http(s)://...` or `/assets/...`. @default - no network boot (configs only) */
  readonly kernel?: string;
  /** Initrd URLs; an entry may start with iPXE options (`--name main /assets/initrd.img`). @default [] */
  readonly initrd?: string[];
  /** Kernel arguments. iPXE variables such as `${mac:hexhyp}` are kept as written. @default [] */
  readonly args?: string[];
  /**
   * Machines also boot this profile with GRUB, through Matchbox's `/grub`, which writes the kernel
   * and each initrd entry in GRUB double quotes and the args as they are: initrd entries must then
   * be plain paths (no iPXE `--name`), paths rather than URLs, and each arg one GRUB word.
   * @default false (iPXE only)
   */
  readonly grub?: boolean;
  /**
   * Raw Ignition served by `/ignition` (file `ignition/<id>.ign`): JSON text or typed builder props.
   * Matchbox serves it without rendering templates: put templated configs in `generic`. Matchbox
   * v0.11.0 serves it parsed and re-serialized as spec 3.4.0 (v0.10.0: 3.3.0), so builder props
   * default to that spec there and another one is refused; v0.9.1 serves it as written.
   * @default - none
   */
  readonly ignition?: string | IgnitionSpec;
  /**
   * A Go template served by `/generic` (file `generic/<id>`), rendered with the group's metadata and
   * selectors. Builder props render to Ignition JSON with `{{...}}` actions intact. @default - none
   */
  readonly generic?: string | IgnitionSpec;
  /** Deprecated Cloud-Config template served by `/cloud` (file `cloud/<id>`). @default - none */
  readonly cloud?: string;
}

/**
 * A Matchbox profile: network boot settings and machine configs, written as Matchbox's
 * file-based data (`profiles/<id>.json` plus `ignition/<id>.ign`, `generic/<id>`, `cloud/<id>`)
 * to its server's data directory, each file atomically. Changing the profile rewrites only its
 * own files; destroying it removes exactly the files it wrote.
 */
export class MatchboxProfile extends Construct implements IMatchboxProfileEntry {
  /** The server the profile is written to. */
  public readonly server: IMatchboxServer;
  /** The profile id (`profiles/<id>.json`). */
  public readonly profileId: string;
  /** What must exist before machines can use the profile. */
  public readonly ready: ITerraformDependable[];
  private readonly core: ProfileData;

  /** Escape hatch: the Terraform resources this construct synthesizes, e.g. for `addOverride`. */
  public get terraformResources(): TerraformResource[] {
    return terraformResourcesOf(this);
  }

  constructor(scope: Construct, id: string, props: MatchboxProfileProps) {
    super(scope, id);
    const path = this.node.path;
    props = readProps(path, props);
    this.server = props.server;
    this.profileId = props.id ?? id;
    this.core = {
      id: this.profileId,
      name: props.name,
      boot:
        props.kernel !== undefined
          ? {
              kernel: props.kernel,
              initrd: props.initrd ?? [],
              args: props.args ?? [],
              ...(props.grub && { grub: true }),
            }
          : undefined,
      ignition: props.ignition,
      generic: props.generic,
      cloud: props.cloud,
    };
    // Checks of the profile alone, at once (the data on literal props only); cross-object checks run at synth on the server.
    const checks = profileChecks(props);
    checkProps(
      path,
      checks,
      passed(checks)
        ? validateMatchbox({ profiles: [this.core], groups: [], version: this.server.version }, path).map((p) =>
            remapProblem(p, (s) => (s.kind === 'profile' && s.id === this.profileId ? this : undefined)),
          )
        : [],
    );
    matchboxDataOf(this.server)._registerProfile(this);

    this.ready = renderingOf(this).matchboxProfile(this, {
      server: this.server,
      spec: this.core,
      files: this.files(),
      dependsOn: this.server.dataReady,
    });
  }

  /** The profile as the pure core models it. */
  public data(): ProfileData {
    return this.core;
  }

  /** The files this profile writes, relative to the data directory. */
  public files(): DataFile[] {
    return renderDataDir({ profiles: [this.core], groups: [], version: this.server.version });
  }
}

/** The checks of a profile's props: literal values, and a kernel for the network boot options. */
function profileChecks(props: MatchboxProfileProps): Checks {
  const boot = props.initrd?.length ? 'initrd' : props.args?.length ? 'args' : props.grub ? 'grub' : undefined;
  return [
    literalChecks(props, ['server']),
    boot
      ? [
          checkRequired(
            boot,
            props[boot],
            ensure(
              props.kernel !== undefined,
              'initrd, args and grub only apply to network boot, which needs a kernel',
              'set kernel too',
            ),
          ),
        ]
      : [],
  ];
}
