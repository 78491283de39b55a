import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable } from '../../core/cdk';
import { validateMatchbox } from '../../../src/matchbox/validate';
import { Problem, ProblemSubject, ValidationError } from '../../../src/validation/errors';
import { registerProblems } from '../../core/problems';
import { IHost } from '../../core/host';
import { remapProblem } from './common';
import { IMatchboxGroupEntry, IMatchboxProfileEntry, IMatchboxServer } from '../imatchbox-server';
import { MatchboxCredentials } from '../../render/matchbox-target';
import { MatchboxServerAttributes, resolveServerAttributes } from '../server-props';
import { readProps } from '../../core/input';

/**
 * What every Matchbox server has: a data directory, and the profiles and groups declared on it,
 * checked together at synth.
 * @internal
 */
export abstract class MatchboxDataDir extends Construct implements IMatchboxServer {
  public abstract readonly host: IHost;
  public abstract readonly version: string;
  public abstract readonly dataDir: string;
  public abstract readonly httpEndpoint: string;
  public abstract readonly grpcEndpoint: string;
  public abstract readonly credentials: MatchboxCredentials;
  public abstract readonly dataReady: ITerraformDependable[];
  private readonly profiles: IMatchboxProfileEntry[] = [];
  private readonly groups: IMatchboxGroupEntry[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    registerProblems(this);
  }

  /**
   * Records a profile declared on this server (called by MatchboxProfile).
   * @internal
   */
  public _registerProfile(profile: IMatchboxProfileEntry): void {
    this.profiles.push(profile);
  }

  /**
   * Records a group declared on this server (called by MatchboxGroup).
   * @internal
   */
  public _registerGroup(group: IMatchboxGroupEntry): void {
    this.groups.push(group);
  }

  /**
   * Cross-object checks at synth: duplicate ids, two default groups, identical selectors,
   * dangling profiles and template variables no group provides (via `validateMatchbox`).
   */
  public collectProblems(): Problem[] {
    const problems: Problem[] = [];
    const dup = <T extends IConstruct>(items: readonly T[], idOf: (x: T) => string, kind: string): T[] => {
      const seen = new Map<string, T>();
      const firsts: T[] = [];
      for (const item of items) {
        const other = seen.get(idOf(item));
        if (other) {
          problems.push({
            path: item.node.path,
            property: 'id',
            value: idOf(item),
            reason: `${other.node.path} already declares a ${kind} with this id on ${this.node.path} (both would write ${kind}s/${idOf(item)}.json)`,
            fix: `give each ${kind} of a server its own id`,
          });
        } else {
          seen.set(idOf(item), item);
          firsts.push(item);
        }
      }
      return firsts;
    };
    const profiles = dup(this.profiles, (p) => p.profileId, 'profile');
    // Groups whose profile is on another server are reported by the group itself.
    const groups = dup(
      this.groups.filter((g) => g.profile.server === this),
      (g) => g.groupId,
      'group',
    );
    const data = {
      profiles: profiles.map((p) => p.data()),
      groups: groups.map((g) => g.data()),
      version: this.version,
    };
    const find = (s: ProblemSubject): IConstruct | undefined =>
      s.kind === 'profile' ? profiles.find((p) => p.profileId === s.id) : groups.find((g) => g.groupId === s.id);
    for (const p of validateMatchbox(data, this.node.path)) problems.push(remapProblem(p, find));
    return problems;
  }
}

/** The data directory `server` writes profiles and groups to (refusing a hand-made IMatchboxServer). */
export function matchboxDataOf(server: IMatchboxServer): MatchboxDataDir {
  if (server instanceof MatchboxDataDir) return server;
  throw new ValidationError([
    {
      path: server.node.path,
      property: 'server',
      value: server.constructor.name,
      reason: 'this IMatchboxServer keeps no profiles or groups',
      fix: 'use a MatchboxServer, or MatchboxServer.fromServerAttributes for a server that already runs, instead of implementing IMatchboxServer',
    },
  ]);
}

/** A Matchbox server this app does not install: profiles and groups are added to its data directory. */
export class ImportedMatchboxServer extends MatchboxDataDir {
  public readonly host: IHost;
  public readonly version: string;
  public readonly dataDir: string;
  public readonly httpEndpoint: string;
  public readonly grpcEndpoint: string;
  /** The host is all the data directory waits for. */
  public readonly dataReady: ITerraformDependable[];
  private readonly given?: MatchboxCredentials;

  constructor(scope: Construct, id: string, attrs: MatchboxServerAttributes) {
    super(scope, id);
    attrs = readProps(this.node.path, attrs);
    const s = resolveServerAttributes(this.node.path, attrs);
    this.host = attrs.host;
    this.version = s.version;
    this.dataDir = s.dataDir;
    this.httpEndpoint = s.httpEndpoint;
    this.grpcEndpoint = s.grpcEndpoint;
    this.given = attrs.credentials;
    this.dataReady = [...attrs.host.ready];
  }

  /** The given credentials; reading them without any throws (only the provider rendering needs them). */
  public get credentials(): MatchboxCredentials {
    if (!this.given) {
      throw new ValidationError([
        {
          path: this.node.path,
          property: 'credentials',
          value: this.given,
          reason:
            "the server was imported without client credentials, which the matchbox provider (rendering: 'provider') needs to write profiles and groups",
          fix: 'pass credentials ({ endpoint, ca, clientCert, clientKey }) to MatchboxServer.fromServerAttributes, or use the cli rendering for the profiles and groups',
        },
      ]);
    }
    return this.given;
  }
}
