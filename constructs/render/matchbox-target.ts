import { IConstruct } from 'constructs';
import { IHost } from '../core/host';

/** Client credentials for the matchbox Terraform provider. */
export interface MatchboxCredentials {
  /** gRPC `host:port` (the provider's `endpoint`). */
  readonly endpoint: string;
  /** CA certificate PEM (`ca`). */
  readonly ca: string;
  /** Client certificate PEM (`client_cert`). */
  readonly clientCert: string;
  /** Client key PEM (`client_key`); sensitive. */
  readonly clientKey: string;
}

/** What a rendering writes Matchbox data to: a Matchbox server (every `IMatchboxServer` is one). */
export interface MatchboxTarget extends IConstruct {
  /** The host it runs on. */
  readonly host: IHost;
  /** The Matchbox release it runs, e.g. `v0.11.0`. */
  readonly version: string;
  /** `-data-path`. */
  readonly dataDir: string;
  /** Credentials for the matchbox Terraform provider (`provider` rendering). */
  readonly credentials: MatchboxCredentials;
}
