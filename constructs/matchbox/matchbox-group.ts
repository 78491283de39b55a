import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import { DataFile, MatchboxGroupSpec as GroupData } from '../../src/matchbox/model';
import { renderDataDir } from '../../src/matchbox/render';
import { validateMatchbox } from '../../src/matchbox/validate';
import { Problem, ProblemSubject } from '../../src/validation/errors';
import { checkProps, passed } from '../../src/validation/props';
import { registerProblems } from '../core/problems';
import { renderingOf } from '../render/rendering';
import { literalChecks, remapProblem } from './private/common';
import { MatchboxProfile } from './matchbox-profile';
import { IMatchboxGroupEntry, IMatchboxProfileEntry, IMatchboxServer } from './imatchbox-server';
import { matchboxDataOf } from './private/matchbox-data';
import { readProps } from '../core/input';

/** Props of {@link MatchboxGroup}. */
export interface MatchboxGroupProps {
  /** The profile machines of this group boot with. */
  readonly profile: MatchboxProfile;
  /** The server the group is written to; must be the profile's. @default - the profile's server */
  readonly server?: IMatchboxServer;
  /** Group id: the file `groups/<id>.json`. @default - the construct id */
  readonly id?: string;
  /** Human readable name. @default - none */
  readonly name?: string;
  /**
   * Labels a request must carry, all of them: reserved `mac`, `uuid`, `hostname`, `serial`, or any
   * label such as `os: 'installed'`. Values are strings. Empty: the server's default group. @default {}
   */
  readonly selector?: Record<string, string>;
  /**
   * Template variables (`{{.key}}`) for the profile's generic/cloud templates. Each value must reach
   * the machine as written: one a template writes where it would not (a `'` in a JSON string the
   * builder escapes with `js`, a space in a `data:` URL, an object, a number Go prints in exponent
   * form) is refused at synth. @default {}
   */
  readonly metadata?: Record<string, unknown>;
}

/**
 * A Matchbox group: binds the machines its selector matches to a profile, with metadata for the
 * profile's templates. Written as `groups/<id>.json` to the server's data directory, atomically;
 * destroying it removes exactly that file.
 */
export class MatchboxGroup extends Construct implements IMatchboxGroupEntry {
  /** The server the group is written to (the profile's). */
  public readonly server: IMatchboxServer;
  /** The profile machines of this group boot with. */
  public readonly profile: IMatchboxProfileEntry;
  /** The group id (`groups/<id>.json`). */
  public readonly groupId: string;
  /** What must exist before machines of the group boot: the group file written. */
  public readonly ready: ITerraformDependable[];
  private readonly core: GroupData;

  /** Escape hatch: the Terraform resources this construct synthesizes, e.g. for `addOverride`. */
  public get terraformResources(): TerraformResource[] {
    return terraformResourcesOf(this);
  }

  constructor(scope: Construct, id: string, props: MatchboxGroupProps) {
    super(scope, id);
    const path = this.node.path;
    props = readProps(path, props);
    this.profile = props.profile;
    this.server = props.server ?? props.profile.server;
    this.groupId = props.id ?? id;
    this.core = {
      id: this.groupId,
      name: props.name,
      profile: props.profile.profileId,
      selector: props.selector ?? {},
      metadata: props.metadata ?? {},
    };
    // Literal props, then the group alone (its profile is checked at synth, with the server's other groups).
    const checks = literalChecks(props, ['server', 'profile']);
    checkProps(
      path,
      checks,
      passed(checks)
        ? validateMatchbox({ profiles: [], groups: [this.core], version: this.server.version }, path)
            .filter((p) => !(this.owns(p.subject) && p.property === 'profile'))
            .map((p) => remapProblem(p, (s) => (this.owns(s) ? this : undefined)))
        : [],
    );
    matchboxDataOf(this.server)._registerGroup(this);
    registerProblems(this);

    this.ready = renderingOf(this).matchboxGroup(this, {
      server: this.server,
      spec: this.core,
      files: this.files(),
      dependsOn: [...this.server.dataReady, ...this.profile.ready],
    });
  }

  /** The group as the pure core models it. */
  public data(): GroupData {
    return this.core;
  }

  /** The file this group writes (`groups/<id>.json`), relative to the data directory. */
  public files(): DataFile[] {
    return renderDataDir({ profiles: [], groups: [this.core] });
  }

  /** The profile must be on the same server (a group file can only name a profile of its own data directory). */
  public collectProblems(): Problem[] {
    if (this.profile.server === this.server) return [];
    return [
      {
        path: this.node.path,
        property: 'profile',
        value: this.profile.node.path,
        reason: `the profile belongs to server ${this.profile.server.node.path}, not to ${this.server.node.path}: Matchbox reads profiles from its own data directory only`,
        fix: `declare a profile on ${this.server.node.path} (or omit server to use the profile's)`,
      },
    ];
  }

  /** Whether `subject` names this group. */
  private owns(subject: ProblemSubject | undefined): boolean {
    return subject?.kind === 'group' && subject.id === this.groupId;
  }
}
