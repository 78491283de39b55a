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
