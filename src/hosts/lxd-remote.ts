import { Verdict } from '../validation/errors';

/** How the LXD Terraform provider reaches a host's LXD API (`provider` rendering only). */
export interface LxdRemote {
  /** `https://10.0.0.5:8443`, or `unix://` (optionally `unix:///path/to/unix.socket`) for the local daemon. */
  readonly address: string;
  /** Trust token (`lxc config trust add`): v3 `trust_token`, v2 `token`. @default - none */
  readonly trustToken?: string;
  /** Trust password (`core.trust_password`, LXD 5.0; provider v2 only). @default - none */
  readonly password?: string;
  /** PEM client certificate the server already trusts (provider v3). @default - none */
  readonly clientCertificate?: string;
  /** PEM client key (provider v3). @default - none */
  readonly clientKey?: string;
  /** Pins the server certificate (provider v3). @default - none */
  readonly serverCertificateFingerprint?: string;
}

/** A remote's address as the v2 provider's `remote` block takes it. */
export interface RemoteAddressParts {
  readonly scheme: 'unix' | 'https';
  /** The host, or the socket path (empty for the default socket). */
  readonly address: string;
  /** The port, when the address has one. */
  readonly port?: string;
}

/** `https://HOST[:PORT][/]` or `unix://[PATH]` in parts; undefined for any other address. */
export function parseRemoteAddress(address: string): RemoteAddressParts | undefined {
  if (address.startsWith('unix:')) return { scheme: 'unix', address: address.replace(/^unix:\/\//, '') };
  // Not `new URL`: the host is often a reference to another stack's resource, a token.
  const https = /^https:\/\/(.+?)(?::(\d+))?\/?$/.exec(address);
  return https ? { scheme: 'https', address: https[1], port: https[2] } : undefined;
}

/** Rule: a remote address the provider can reach, `https://HOST[:PORT]` or `unix://[PATH]`. */
export function checkRemoteAddress(value: unknown): Verdict | undefined {
  return typeof value === 'string' && parseRemoteAddress(value)
    ? undefined
    : { reason: 'not an https:// or unix:// address', fix: 'use e.g. https://10.0.0.5:8443' };
}
