import { IConstruct } from 'constructs';
import { IHost } from '../hosts/host';

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

/** A Matchbox server as its profiles, groups and outputs see it (implemented by {@link MatchboxServer}). */
export interface IMatchboxServer extends IConstruct {
  /** The host it runs on. */
  readonly host: IHost;
  /** `-data-path`. */
  readonly dataDir: string;
  /** e.g. `http://192.168.0.1:8080`. */
  readonly httpEndpoint: string;
  /** e.g. `192.168.0.1:8081`. */
  readonly grpcEndpoint: string;
  /** Credentials for the matchbox Terraform provider. */
  readonly credentials: MatchboxCredentials;
}
