import { DnsmasqPxeOptions, DnsmasqPxeSpec } from '../../src/dnsmasq/model';
import { renderDnsmasqConfig } from '../../src/dnsmasq/render';
import { checkConfPath, checkInterfaceName, validateDnsmasq } from '../../src/dnsmasq/validate';
import { checkMatchboxVersion, DEFAULT_MATCHBOX_VERSION } from '../../src/matchbox/release';
import { AssetFile, AssetPrefetch, MatchboxInstallModel, prefetchFiles } from '../../src/matchbox/scripts';
import {
  checkArchiveMember,
  checkLogLevel,
  checkPrefetchOs,
  checkPrefetchWord,
  checkServerDirectory,
  checkServerPort,
} from '../../src/matchbox/server-rules';
import { checkHostCidr, formatIpv4, parseCidr } from '../../src/net/ipv4';
import { booleans, check, Check, checkProps, checkRequired, Checks, found, shown } from '../../src/validation/props';
import { ensure } from '../../src/validation/rule';
import {
  grpcEndpoint,
  hostAddress,
  httpBaseUrl,
  httpUrl,
  ipv4Cidr,
  listenAddress,
  listenPort,
  PemKind,
  pemBlock,
  plainPath,
  sha256Hex,
  wholeNumber,
} from '../../src/validation/rules';
import { orToken } from '../core/input';
import { IHost } from '../core/host';
import { MatchboxCredentials } from '../render/matchbox-target';

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
export interface ResolvedServerProps extends Pick<
  MatchboxInstallModel,
  | 'version'
  | 'archiveMember'
  | 'binPath'
  | 'dataDir'
  | 'assetsDir'
  | 'httpListen'
  | 'grpcListen'
  | 'logLevel'
  | 'installPackages'
> {
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

/**
 * Checks the props of the server at `path` and fills in the defaults: throws one ValidationError
 * naming every bad prop (the construct path, the property, the value and a fix).
 */
export function resolveServerProps(path: string, props: MatchboxServerProps): ResolvedServerProps {
  const version = props.version ?? DEFAULT_MATCHBOX_VERSION;
  const dataDir = props.dataDir ?? '/var/lib/matchbox';
  const httpListen = props.httpListen ?? '0.0.0.0:8080';
  const grpcListen = props.grpcListen ?? '0.0.0.0:8081';
  const d: Defaulted = {
    version,
    dataDir,
    httpListen,
    grpcListen,
    assetsDir: props.assetsDir ?? `${dataDir}/assets`,
    binPath: props.binPath ?? '/usr/local/bin/matchbox',
    downloadUrl:
      props.downloadUrl ??
      `https://github.com/poseidon/matchbox/releases/download/${version}/matchbox-${version}-linux-amd64.tar.gz`,
    archiveMember: props.archiveMember ?? `matchbox-${version}-linux-amd64/matchbox`,
    logLevel: props.logLevel ?? 'info',
    tlsDays: props.tlsDays ?? 3650,
    httpPort: listenPort(httpListen),
    grpcPort: listenPort(grpcListen),
  };
  const httpEndpoint = `http://${props.address}:${d.httpPort}`;
  const pxe = props.dnsmasq && pxeSpec(props.dnsmasq, httpEndpoint);
  const natSource = props.nat?.sourceCidr ?? (props.dnsmasq ? networkOf(props.dnsmasq.subnet) : undefined);
  checkProps(path, [
    serverChecks(props, d),
    props.tls ? tlsChecks(props.tls) : [],
    props.nat ? natChecks(props.nat, natSource) : [],
    (props.prefetch ?? []).map(prefetchChecks),
    props.dnsmasq && pxe ? dnsmasqChecks(path, props.dnsmasq, pxe) : [],
  ]);
  return {
    version,
    downloadUrl: d.downloadUrl,
    archiveMember: d.archiveMember,
    binPath: d.binPath,
    dataDir,
    assetsDir: d.assetsDir,
    httpListen,
    grpcListen,
    logLevel: d.logLevel,
    tlsDays: d.tlsDays,
    installPackages: props.installPackages ?? true,
    httpEndpoint,
    grpcEndpoint: `${props.grpcAddress ?? props.address}:${d.grpcPort}`,
    dnsmasq: props.dnsmasq && pxe && resolveDnsmasq(path, props.dnsmasq, pxe),
    nat: props.nat && { sourceCidr: natSource!, outInterface: props.nat.outInterface },
    assetFiles: (props.prefetch ?? []).flatMap(prefetchFiles),
  };
}

/** The server props with their defaults, and the ports of the listen addresses (undefined when bad). */
interface Defaulted {
  readonly version: string;
  readonly dataDir: string;
  readonly assetsDir: string;
  readonly binPath: string;
  readonly downloadUrl: string;
  readonly archiveMember: string;
  readonly httpListen: string;
  readonly grpcListen: string;
  readonly logLevel: string;
  readonly tlsDays: number;
  readonly httpPort?: number;
  readonly grpcPort?: number;
}

/** The checks of the server's own props (`d`: with their defaults). */
function serverChecks(props: MatchboxServerProps, d: Defaulted): Checks {
  return [
    booleans(props, ['installPackages']),
    checkRequired('address', props.address, hostAddress),
    check('grpcAddress', props.grpcAddress, hostAddress),
    checkRequired('version', d.version, checkMatchboxVersion),
    checkRequired('sha256', props.sha256, sha256Hex),
    checkRequired(
      'downloadUrl',
      d.downloadUrl,
      httpUrl(
        'use e.g. https://github.com/poseidon/matchbox/releases/download/v0.11.0/matchbox-v0.11.0-linux-amd64.tar.gz',
      ),
    ),
    checkRequired('archiveMember', d.archiveMember, checkArchiveMember),
    checkRequired('binPath', d.binPath, checkServerDirectory),
    checkRequired('dataDir', d.dataDir, checkServerDirectory),
    checkRequired('assetsDir', d.assetsDir, checkServerDirectory),
    checkRequired('httpListen', d.httpListen, listenAddress),
    checkRequired(
      'grpcListen',
      d.grpcListen,
      listenAddress,
      ensure(d.grpcPort !== d.httpPort, 'the gRPC API needs its own port', 'use e.g. 0.0.0.0:8081'),
    ),
    checkRequired('logLevel', d.logLevel, checkLogLevel),
    checkRequired('tlsDays', d.tlsDays, wholeNumber(1, 36500, 'not a number of days', 'use e.g. 3650')),
    // The credentials directory is used without given TLS material only.
    check('credentialsDir', props.tls ? undefined : props.credentialsDir, plainPath),
  ];
}

/** Checks the attributes of an imported server (and its credentials) and fills in the defaults. */
export function resolveServerAttributes(
  path: string,
  a: MatchboxServerAttributes,
): { dataDir: string; httpEndpoint: string; grpcEndpoint: string; version: string } {
  const dataDir = a.dataDir ?? '/var/lib/matchbox';
  const version = a.version ?? DEFAULT_MATCHBOX_VERSION;
  const httpPort = a.httpPort ?? 8080;
  const grpcPort = a.grpcPort ?? 8081;
  checkProps(path, [
    checkRequired('version', version, checkMatchboxVersion),
    checkRequired('address', a.address, hostAddress),
    check('grpcAddress', a.grpcAddress, hostAddress),
    checkRequired('httpPort', httpPort, checkServerPort),
    checkRequired(
      'grpcPort',
      grpcPort,
      checkServerPort,
      ensure(
        grpcPort !== httpPort || (a.grpcAddress ?? a.address) !== a.address,
        'the gRPC API has its own port',
        'use e.g. 8081',
      ),
    ),
    checkRequired('dataDir', dataDir, checkServerDirectory),
    a.credentials ? credentialsChecks(a.credentials) : [],
  ]);
  return {
    dataDir,
    version,
    httpEndpoint: `http://${a.address}:${httpPort}`,
    grpcEndpoint: `${a.grpcAddress ?? a.address}:${grpcPort}`,
  };
}

/** The checks of client credentials given for the matchbox provider (PEM text, or Terraform values). */
function credentialsChecks(c: MatchboxCredentials): Check[] {
  return [
    checkRequired('credentials.endpoint', c.endpoint, orToken(grpcEndpoint)),
    pemCheck('credentials.ca', c.ca, 'certificate'),
    pemCheck('credentials.clientCert', c.clientCert, 'certificate'),
    pemCheck('credentials.clientKey', c.clientKey, 'private key'),
  ];
}

/** A PEM value of the expected kind (a Terraform value is checked by Terraform); the message shows its start only. */
function pemCheck(property: string, value: string | undefined, kind: PemKind): Check {
  return shown(
    checkRequired(property, value, orToken(pemBlock(kind))),
    typeof value === 'string' ? `${value.slice(0, 30)}...` : value,
  );
}

/** `a.b.c.0/len` of `a.b.c.d/len`, or undefined. */
function networkOf(cidr: string): string | undefined {
  const c = checkHostCidr(cidr) ? undefined : parseCidr(cidr);
  return c ? `${formatIpv4(c.network)}/${c.prefix}` : undefined;
}

/** Given TLS material: PEM blocks (or Terraform values, checked at apply). */
function tlsChecks(tls: MatchboxTlsProps): Check[] {
  return [
    pemCheck('tls.caCert', tls.caCert, 'certificate'),
    pemCheck('tls.serverCert', tls.serverCert, 'certificate'),
    pemCheck('tls.serverKey', tls.serverKey, 'private key'),
    ...(tls.clientCert === undefined ? [] : [pemCheck('tls.clientCert', tls.clientCert, 'certificate')]),
    ...(tls.clientKey === undefined ? [] : [pemCheck('tls.clientKey', tls.clientKey, 'private key')]),
  ];
}

/** The interface, and the network to masquerade (`source`: by default the dnsmasq subnet's). */
function natChecks(nat: MatchboxNatProps, source: string | undefined): Check[] {
  return [
    checkRequired('nat.outInterface', nat.outInterface, checkInterfaceName),
    checkRequired(
      'nat.sourceCidr',
      source,
      ensure(source !== undefined, 'no network to masquerade', 'set nat.sourceCidr or dnsmasq.subnet'),
      ipv4Cidr,
    ),
  ];
}

/** One OS image prefetch: a known OS and plain words for channel/stream, version and arch. */
function prefetchChecks(p: AssetPrefetch, i: number): Check[] {
  const os = checkRequired(`prefetch[${i}].os`, p.os, checkPrefetchOs);
  // The words depend on the OS: they are checked for a known one.
  if (os.verdict) return [os];
  const words =
    p.os === 'flatcar'
      ? { channel: p.channel, version: p.version }
      : { stream: p.stream, version: p.version, arch: p.arch };
  return [
    os,
    ...Object.entries(words).map(([k, v]) => {
      const required = p.os === 'fedora-coreos' && k === 'version';
      return (required ? checkRequired : check)(`prefetch[${i}].${k}`, v, checkPrefetchWord(k, p.os));
    }),
  ];
}

/** The dnsmasq part of the props as the PXE renderer takes it (`httpEndpoint`: Matchbox's default URL). */
function pxeSpec(d: MatchboxDnsmasqProps, httpEndpoint: string): DnsmasqPxeSpec {
  const { confPath: _c, ipxeBaseUrl: _i, ...rest } = d;
  return { ...rest, matchboxUrl: d.matchboxUrl ?? httpEndpoint };
}

/** The checks of the dnsmasq section: the PXE configuration's problems, its path and the iPXE download URL. */
function dnsmasqChecks(path: string, d: MatchboxDnsmasqProps, pxe: DnsmasqPxeSpec): Check[] {
  return [
    ...validateDnsmasq(pxe, path).map((p) => found(`dnsmasq.${p.property}`, p.value, p)),
    checkRequired('dnsmasq.confPath', d.confPath ?? '/etc/dnsmasq.d/matchbox.conf', checkConfPath),
    check('dnsmasq.ipxeBaseUrl', d.ipxeBaseUrl, httpBaseUrl('use e.g. https://boot.ipxe.org')),
  ];
}

/** The dnsmasq section (checked) with its defaults filled in and its configuration rendered. */
function resolveDnsmasq(path: string, d: MatchboxDnsmasqProps, pxe: DnsmasqPxeSpec): ResolvedDnsmasq {
  return {
    config: renderDnsmasqConfig(pxe, path),
    confPath: d.confPath ?? '/etc/dnsmasq.d/matchbox.conf',
    tftpRoot: d.tftpRoot ?? '/var/lib/tftpboot',
    bootFiles: [d.biosBootFile ?? 'undionly.kpxe', d.uefiBootFile ?? 'ipxe.efi'],
    ipxeBaseUrl: d.ipxeBaseUrl ?? 'https://boot.ipxe.org',
  };
}
