import { IConstruct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { MatchboxGroupSpec, MatchboxProfileSpec } from '../../src/matchbox/model';
import { IHost } from '../core/host';
import { MatchboxCredentials } from '../render/matchbox-target';

/**
 * A Matchbox server as its profiles, groups and outputs see it: a {@link MatchboxServer} this app
 * installs, or one that already runs (`MatchboxServer.fromServerAttributes`).
 */
export interface IMatchboxServer extends IConstruct {
  /** The host it runs on. */
  readonly host: IHost;
  /** The Matchbox release it runs, e.g. `v0.11.0`: what its HTTP endpoints serve depends on it. */
  readonly version: string;
  /** `-data-path`. */
  readonly dataDir: string;
  /** e.g. `http://192.168.0.1:8080`. */
  readonly httpEndpoint: string;
  /** e.g. `192.168.0.1:8081`. */
  readonly grpcEndpoint: string;
  /** Credentials for the matchbox Terraform provider (`provider` rendering). */
  readonly credentials: MatchboxCredentials;
  /** What profiles and groups wait for: matchbox installed, its data directory in place. */
  readonly dataReady: ITerraformDependable[];
}

/** What the server knows of a profile declared on it. */
export interface IMatchboxProfileEntry extends IConstruct {
  /** The profile id (`profiles/<id>.json`). */
  readonly profileId: string;
  /** The server the profile is written to. */
  readonly server: IMatchboxServer;
  /** What a group of the profile depends on. */
  readonly ready: ITerraformDependable[];
  /** The profile as the pure core models it. */
  data(): MatchboxProfileSpec;
}

/** What the server knows of a group declared on it. */
export interface IMatchboxGroupEntry extends IConstruct {
  /** The group id (`groups/<id>.json`). */
  readonly groupId: string;
  /** The server the group is written to. */
  readonly server: IMatchboxServer;
  /** The profile machines of the group boot with. */
  readonly profile: IMatchboxProfileEntry;
  /** The group as the pure core models it. */
  data(): MatchboxGroupSpec;
}
