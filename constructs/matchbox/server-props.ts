import { Token } from '../core/cdk';
import { DnsmasqPxeOptions, DnsmasqPxeSpec } from '../../src/dnsmasq/model';
import { renderDnsmasqConfig } from '../../src/dnsmasq/render';
import { checkConfPath, checkInterfaceName, validateDnsmasq } from '../../src/dnsmasq/validate';
import { DEFAULT_MATCHBOX_VERSION, matchboxRelease } from '../../src/matchbox/release';
import { AssetFile, AssetPrefetch, MatchboxInstallModel, prefetchFiles } from '../../src/matchbox/scripts';
import { versionVerdict } from '../../src/matchbox/validate';
import { checkHostCidr, formatIpv4, parseCidr } from '../../src/net/ipv4';
import { assertValid, ValidationError, Verdict } from '../../src/validation/errors';
import { IHost } from '../hosts/host';
import { MatchboxCredentials } from './imatchbox-server';

/** TLS material for the gRPC API, given instead of generated. PEM text; Terraform variables are fine. */
export interface MatchboxTlsProps {
  /** CA certificate that signed the server and client certificates. */
  readonly caCert: string;
  /** Server certificate; its SANs must cover the gRPC address. */
  readonly serverCert: string;
  /** Server private key (written to the host through the script on stdin, never a command line). */
  readonly serverKey: string;
  /** Client certificate for the matchbox Terraform provider, exposed as an output. @default - no output */
  readonly clientCert?: string;
  /** Client private key, exposed as a sensitive output. @default - no output */
  readonly clientKey?: string;
}

/** dnsmasq for PXE on the server: DHCP (full or proxy), TFTP with iPXE, chainload to Matchbox. */
export interface MatchboxDnsmasqProps extends DnsmasqPxeOptions {
  /** Matchbox base URL handed to iPXE. @default - the server's HTTP endpoint */
  readonly matchboxUrl?: string;
  /** Configuration file (dnsmasq reads `/etc/dnsmasq.d/*.conf`). @default '/etc/dnsmasq.d/matchbox.conf' */
  readonly confPath?: string;
  /** Where to download a first-stage boot file no `ipxe` package provides. @default 'https://boot.ipxe.org' */
  readonly ipxeBaseUrl?: string;
}

/** The server as the PXE network's gateway (seed 003's `server_enable_forward`). */
export interface MatchboxNatProps {
  /** Interface that leads to the outside, e.g. `eth0`. */
  readonly outInterface: string;
  /** Source network to masquerade. @default - the dnsmasq subnet */
  readonly sourceCidr?: string;
}

/** Props of {@link MatchboxServer}. */
export interface MatchboxServerProps {
  /** Where Matchbox runs: a MultipassVm, SshHost, LocalHost or ContainerHost. */
  readonly host: IHost;
  /** Address (IP or DNS name) at which machines reach the HTTP endpoint, e.g. `192.168.0.1`. */
  readonly address: string;
  /** Address of the gRPC API for the Terraform provider, e.g. the public NIC. @default - `address` */
  readonly grpcAddress?: string;
  /**
   * Matchbox release: `v0.9.1`, `v0.10.0` or `v0.11.0`, the releases whose HTTP behaviour the
   * library models (only v0.11.0 sends the `arch` label; v0.10.0 and v0.11.0 re-serialize raw
   * Ignition as spec 3.3.0 and 3.4.0). Any other release is refused. @default 'v0.11.0'
   */
  readonly version?: string;
  /** SHA-256 (hex) of the download; checked before anything is installed. */
  readonly sha256: string;
  /**
   * Release tarball (or bare binary) URL.
   * @default 'https://github.com/poseidon/matchbox/releases/download/<version>/matchbox-<version>-linux-amd64.tar.gz'
   */
  readonly downloadUrl?: string;
  /** The binary inside the tarball. @default 'matchbox-<version>-linux-amd64/matchbox' */
  readonly archiveMember?: string;
  /** Where the matchbox binary is installed on the host. @default '/usr/local/bin/matchbox' */
  readonly binPath?: string;
  /** Matchbox's `-data-path`. @default '/var/lib/matchbox' */
  readonly dataDir?: string;
  /** Matchbox's `-assets-path`, served at `/assets/`. @default '<dataDir>/assets' */
  readonly assetsDir?: string;
  /** HTTP listen address (`-address`). @default '0.0.0.0:8080' */
  readonly httpListen?: string;
  /** gRPC API listen address (`-rpc-address`), TLS with client certificates. @default '0.0.0.0:8081' */
  readonly grpcListen?: string;
  /** Matchbox's log level (`-log-level`). @default 'info' */
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** TLS material for the gRPC API. @default - a CA, server and client pair generated with openssl on the host (kept once made) */
  readonly tls?: MatchboxTlsProps;
  /** Validity of generated certificates, in days. @default 3650 */
  readonly tlsDays?: number;
  /**
   * Local directory (relative to the stack's working directory `cdktf.out/stacks/<stack>`) that receives
   * the generated `ca.crt`, `client.crt` and `client.key` for the Terraform provider. Ignored with `tls`.
   * @default '../../../.matchbox/<stack>-<construct path>' (next to cdktf.json)
   */
  readonly credentialsDir?: string;
  /** dnsmasq for PXE. @default - no dnsmasq (another DHCP server chainloads to Matchbox) */
  readonly dnsmasq?: MatchboxDnsmasqProps;
  /** IPv4 forwarding and masquerade for the PXE network. @default - none */
  readonly nat?: MatchboxNatProps;
  /** OS images to download into the assets directory. @default [] */
  readonly prefetch?: AssetPrefetch[];
  /** Install curl, openssl, dnsmasq and iPXE with apt-get/dnf/apk when missing. @default true */
  readonly installPackages?: boolean;
}

/** The dnsmasq part of {@link ResolvedServerProps}: defaults filled in, configuration rendered. */
export interface ResolvedDnsmasq {
  readonly config: string;
  readonly confPath: string;
  readonly tftpRoot: string;
  readonly bootFiles: string[];
  readonly ipxeBaseUrl: string;
}

/** {@link MatchboxServerProps} after validation, with every default filled in. */
export interface ResolvedServerProps extends Pick<MatchboxInstallModel,
  'version' | 'archiveMember' | 'binPath' | 'dataDir' | 'assetsDir' | 'httpListen' | 'grpcListen' | 'logLevel' | 'installPackages'> {
  readonly downloadUrl: string;
  readonly tlsDays: number;
  /** e.g. `http://192.168.0.1:8080`. */
  readonly httpEndpoint: string;
  /** e.g. `192.168.0.1:8081`. */
  readonly grpcEndpoint: string;
  readonly dnsmasq?: ResolvedDnsmasq;
  readonly nat?: { readonly sourceCidr: string; readonly outInterface: string };
  readonly assetFiles: AssetFile[];
}

/** Attributes of a Matchbox server that already runs (see `MatchboxServer.fromServerAttributes`). */
export interface MatchboxServerAttributes {
  /** The machine matchbox runs on: profiles and groups are written to its data directory through it. */
  readonly host: IHost;
  /** The address machines and clients reach matchbox at, e.g. `192.168.0.1`. */
  readonly address: string;
  /** The address of the gRPC API, when it differs. @default - `address` */
  readonly grpcAddress?: string;
  /** The HTTP port (`-address`). @default 8080 */
  readonly httpPort?: number;
  /** The gRPC port (`-rpc-address`). @default 8081 */
  readonly grpcPort?: number;
  /** Matchbox's `-data-path`. @default '/var/lib/matchbox' */
  readonly dataDir?: string;
  /** The Matchbox release it runs: `v0.9.1`, `v0.10.0` or `v0.11.0` (see `MatchboxServerProps.version`). @default 'v0.11.0' */
  readonly version?: string;
  /**
   * Client credentials for the matchbox Terraform provider.
   * @default - none: only the `cli` rendering can write the server's profiles and groups
   */
  readonly credentials?: MatchboxCredentials;
}

const HEX64 = /^[0-9a-fA-F]{64}$/;
const ADDRESS = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const LISTEN = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]*):(\d{1,5})$/;
const URL = /^https?:\/\/[^\s'"`\\]+$/;

/** A verdict for `assertValid`: undefined when `ok`. */
export const rule = (ok: boolean, reason: string, fix: string): Verdict | undefined => (ok ? undefined : { reason, fix });

/**
 * Checks the props of the server at `path` (each failure names the construct path, the property,
 * the value and a fix) and fills in the defaults. Throws the first problem found, or all the
 * problems of the dnsmasq section at once.
 */
export function resolveServerProps(path: string, props: MatchboxServerProps): ResolvedServerProps {
  const version = props.version ?? DEFAULT_MATCHBOX_VERSION;
  const dataDir = props.dataDir ?? '/var/lib/matchbox';
  const assetsDir = props.assetsDir ?? `${dataDir}/assets`;
  const httpListen = props.httpListen ?? '0.0.0.0:8080';
  const grpcListen = props.grpcListen ?? '0.0.0.0:8081';
  const binPath = props.binPath ?? '/usr/local/bin/matchbox';
  const downloadUrl = props.downloadUrl ?? `https://github.com/poseidon/matchbox/releases/download/${version}/matchbox-${version}-linux-amd64.tar.gz`;

  checkAddress(path, 'address', props.address);
  if (props.grpcAddress !== undefined) checkAddress(path, 'grpcAddress', props.grpcAddress);
  checkVersion(path, version);
  assertValid(path, 'sha256', props.sha256, rule(typeof props.sha256 === 'string' && HEX64.test(props.sha256), 'not a SHA-256 checksum (64 hex digits)', 'copy the sha256 of the release tarball'));
  assertValid(path, 'downloadUrl', downloadUrl, rule(URL.test(downloadUrl), 'not an http(s) URL', 'use e.g. https://github.com/poseidon/matchbox/releases/download/v0.11.0/matchbox-v0.11.0-linux-amd64.tar.gz'));
  const archiveMember = props.archiveMember ?? `matchbox-${version}-linux-amd64/matchbox`;
  assertValid(path, 'archiveMember', archiveMember, rule(/^[A-Za-z0-9_.+-][A-Za-z0-9_.+/-]*$/.test(archiveMember) && !archiveMember.split('/').includes('..'), 'not a relative path inside the tarball', 'use e.g. matchbox-v0.11.0-linux-amd64/matchbox'));
  for (const [property, value] of [['binPath', binPath], ['dataDir', dataDir], ['assetsDir', assetsDir]] as const) checkDirectory(path, property, value);
  const httpPort = listenPort(path, 'httpListen', httpListen);
  const grpcPort = listenPort(path, 'grpcListen', grpcListen);
  assertValid(path, 'grpcListen', grpcListen, rule(grpcPort !== httpPort, 'the gRPC API needs its own port', 'use e.g. 0.0.0.0:8081'));
  const logLevel = props.logLevel ?? 'info';
  assertValid(path, 'logLevel', logLevel, rule(['debug', 'info', 'warn', 'error'].includes(logLevel), 'unknown log level', 'use debug, info, warn or error'));
  const tlsDays = props.tlsDays ?? 3650;
  assertValid(path, 'tlsDays', tlsDays, rule(Number.isInteger(tlsDays) && tlsDays >= 1 && tlsDays <= 36500, 'not a number of days', 'use e.g. 3650'));
  if (props.tls) checkTls(path, props.tls);
  const nat = props.nat && checkNat(path, props.nat, props.dnsmasq);
  const prefetch = props.prefetch ?? [];
  prefetch.forEach((p, i) => checkPrefetch(path, i, p));

  const httpEndpoint = `http://${props.address}:${httpPort}`;
  const grpcEndpoint = `${props.grpcAddress ?? props.address}:${grpcPort}`;
  return {
    version, downloadUrl, archiveMember, binPath, dataDir, assetsDir, httpListen, grpcListen, logLevel, tlsDays,
    installPackages: props.installPackages ?? true,
    httpEndpoint, grpcEndpoint,
    dnsmasq: props.dnsmasq && resolveDnsmasq(path, props.dnsmasq, httpEndpoint),
    nat,
    assetFiles: prefetch.flatMap(prefetchFiles),
  };
}

/** The port of a listen address, after checking it. */
function listenPort(path: string, property: string, listen: string): number {
  const m = typeof listen === 'string' ? LISTEN.exec(listen) : null;
  const port = m ? Number(m[2]) : NaN;
  assertValid(path, property, listen, rule(port >= 1 && port <= 65535, 'not a listen address [host]:port', 'use e.g. 0.0.0.0:8080 or :8080'));
  return port;
}

/** A Matchbox release the library models (its HTTP behaviour), or a clear error. */
function checkVersion(path: string, version: string): void {
  assertValid(path, 'version', version, matchboxRelease(version) ? undefined : versionVerdict());
}

/** Checks the attributes of an imported server and fills in the defaults. */
export function resolveServerAttributes(path: string, a: MatchboxServerAttributes): { dataDir: string; httpEndpoint: string; grpcEndpoint: string; version: string } {
  const dataDir = a.dataDir ?? '/var/lib/matchbox';
  const version = a.version ?? DEFAULT_MATCHBOX_VERSION;
  checkVersion(path, version);
  const httpPort = a.httpPort ?? 8080;
  const grpcPort = a.grpcPort ?? 8081;
  checkAddress(path, 'address', a.address);
  if (a.grpcAddress !== undefined) checkAddress(path, 'grpcAddress', a.grpcAddress);
  for (const [property, port] of [['httpPort', httpPort], ['grpcPort', grpcPort]] as const) {
    assertValid(path, property, port, rule(Number.isInteger(port) && port >= 1 && port <= 65535, 'not a TCP port', 'use 1 to 65535, e.g. 8080'));
  }
  assertValid(path, 'grpcPort', grpcPort, rule(grpcPort !== httpPort || (a.grpcAddress ?? a.address) !== a.address, 'the gRPC API has its own port', 'use e.g. 8081'));
  checkDirectory(path, 'dataDir', dataDir);
  return { dataDir, version, httpEndpoint: `http://${a.address}:${httpPort}`, grpcEndpoint: `${a.grpcAddress ?? a.address}:${grpcPort}` };
}

/** Checks client credentials given for the matchbox provider (PEM text, or Terraform values). */
export function checkCredentials(path: string, c: MatchboxCredentials): void {
  assertValid(path, 'credentials.endpoint', c.endpoint, rule(typeof c.endpoint === 'string' && (Token.isUnresolved(c.endpoint) || LISTEN.test(c.endpoint)), 'not a gRPC host:port', 'use e.g. 192.168.0.1:8081'));
  checkPem(path, 'credentials.ca', c.ca, CERT);
  checkPem(path, 'credentials.clientCert', c.clientCert, CERT);
  checkPem(path, 'credentials.clientKey', c.clientKey, KEY);
}

function checkAddress(path: string, property: string, value: string): void {
  assertValid(path, property, value, rule(typeof value === 'string' && ADDRESS.test(value), 'not an IP address or DNS name', 'use e.g. 192.168.0.1 or matchbox.lab.test'));
}

function checkDirectory(path: string, property: string, value: string): void {
  assertValid(path, property, value, checkConfPath(value) ?? rule(value !== '/' && !value.endsWith('/'), 'not a directory path without a trailing slash', 'use e.g. /var/lib/matchbox'));
}

const CERT = /-----BEGIN CERTIFICATE-----/;
const KEY = /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/;

/** A PEM value of the expected kind (a Terraform value is checked by Terraform). */
function checkPem(path: string, property: string, value: string | undefined, kind: RegExp): void {
  if (typeof value === 'string' && Token.isUnresolved(value)) return;
  assertValid(path, property, typeof value === 'string' ? `${value.slice(0, 30)}...` : value,
    rule(typeof value === 'string' && kind.test(value), 'not a PEM block of the expected kind', 'pass the PEM text, e.g. fs.readFileSync("ca.crt", "utf8") or a sensitive TerraformVariable'));
}

/** `a.b.c.0/len` of `a.b.c.d/len`, or undefined. */
function networkOf(cidr: string): string | undefined {
  const c = checkHostCidr(cidr) ? undefined : parseCidr(cidr);
  return c ? `${formatIpv4(c.network)}/${c.prefix}` : undefined;
}

/** Given TLS material: PEM blocks (or Terraform values, checked at apply). */
function checkTls(path: string, tls: MatchboxTlsProps): void {
  checkPem(path, 'tls.caCert', tls.caCert, CERT);
  checkPem(path, 'tls.serverCert', tls.serverCert, CERT);
  checkPem(path, 'tls.serverKey', tls.serverKey, KEY);
  if (tls.clientCert !== undefined) checkPem(path, 'tls.clientCert', tls.clientCert, CERT);
  if (tls.clientKey !== undefined) checkPem(path, 'tls.clientKey', tls.clientKey, KEY);
}

/** The interface and the network to masquerade (by default the dnsmasq subnet's), after checking them. */
function checkNat(path: string, nat: MatchboxNatProps, dnsmasq: MatchboxDnsmasqProps | undefined): { sourceCidr: string; outInterface: string } {
  assertValid(path, 'nat.outInterface', nat.outInterface, checkInterfaceName(nat.outInterface));
  const source = nat.sourceCidr ?? (dnsmasq ? networkOf(dnsmasq.subnet) : undefined);
  assertValid(path, 'nat.sourceCidr', source, source === undefined
    ? { reason: 'no network to masquerade', fix: 'set nat.sourceCidr or dnsmasq.subnet' }
    : rule(parseCidr(source) !== undefined, 'not an IPv4 CIDR', 'use e.g. 192.168.0.0/24'));
  return { sourceCidr: source!, outInterface: nat.outInterface };
}

/** One OS image prefetch: a known OS and plain words for channel/stream, version and arch. */
function checkPrefetch(path: string, i: number, p: AssetPrefetch): void {
  assertValid(path, `prefetch[${i}].os`, p.os, rule(p.os === 'flatcar' || p.os === 'fedora-coreos', 'unknown OS', 'use flatcar or fedora-coreos'));
  const words = p.os === 'flatcar' ? { channel: p.channel, version: p.version } : { stream: p.stream, version: p.version, arch: p.arch };
  for (const [k, v] of Object.entries(words)) {
    if (v !== undefined || (p.os === 'fedora-coreos' && k === 'version')) {
      assertValid(path, `prefetch[${i}].${k}`, v, rule(typeof v === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v), `not a ${k}`, p.os === 'flatcar' ? 'use e.g. stable / current or 3815.2.5' : 'use e.g. stable / 40.20240416.3.1'));
    }
  }
}

/** Checks the dnsmasq section (all its problems at once), fills in its defaults and renders its configuration. */
function resolveDnsmasq(path: string, d: MatchboxDnsmasqProps, httpEndpoint: string): ResolvedDnsmasq {
  const { confPath: _c, ipxeBaseUrl: _i, ...rest } = d;
  const pxe: DnsmasqPxeSpec = { ...rest, matchboxUrl: d.matchboxUrl ?? httpEndpoint };
  const problems = validateDnsmasq(pxe, path).map((p) => ({ ...p, property: `dnsmasq.${p.property}` }));
  const confPath = d.confPath ?? '/etc/dnsmasq.d/matchbox.conf';
  const confCheck = checkConfPath(confPath);
  if (confCheck) problems.push({ path, property: 'dnsmasq.confPath', value: confPath, ...confCheck });
  const ipxe = d.ipxeBaseUrl;
  if (ipxe !== undefined && !(URL.test(ipxe) && !ipxe.endsWith('/'))) {
    problems.push({ path, property: 'dnsmasq.ipxeBaseUrl', value: ipxe, reason: 'not an http(s) URL without a trailing slash', fix: 'use e.g. https://boot.ipxe.org' });
  }
  if (problems.length) throw new ValidationError(problems);
  return {
    config: renderDnsmasqConfig(pxe, path),
    confPath,
    tftpRoot: d.tftpRoot ?? '/var/lib/tftpboot',
    bootFiles: [d.biosBootFile ?? 'undionly.kpxe', d.uefiBootFile ?? 'ipxe.efi'],
    ipxeBaseUrl: d.ipxeBaseUrl ?? 'https://boot.ipxe.org',
  };
}
