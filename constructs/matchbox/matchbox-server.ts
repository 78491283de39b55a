import { Construct, IConstruct } from 'constructs';
import { Fn, ITerraformDependable, TerraformOutput, TerraformResource, TerraformStack, Token } from 'cdktf';
import { DnsmasqPxeProps } from '../../src/dnsmasq/model';
import { renderDnsmasqConfig } from '../../src/dnsmasq/render';
import { checkConfPath, checkInterfaceName, validateDnsmasq } from '../../src/dnsmasq/validate';
import { runnerCommand } from '../../src/hosts/runner';
import {
  AssetFile, AssetPrefetch, assetsConverge, assetsDelete, dnsmasqConverge, dnsmasqDelete, MatchboxInstallModel,
  matchboxInstall, matchboxUninstall, natConverge, natDelete, prefetchFiles, TLS_FILES, tlsDelete, tlsPrint, tlsWrite,
} from '../../src/matchbox/host';
import { MatchboxGroupProps as GroupData, MatchboxProfileProps as ProfileData } from '../../src/matchbox/model';
import { validateMatchbox } from '../../src/matchbox/validate';
import { checkHostCidr, formatIpv4, parseCidr } from '../../src/net/ipv4';
import { shq } from '../../src/shell/quote';
import { assertValid, Problem, ValidationError, Verdict } from '../../src/validation/errors';
import { ProblemSource, registerProblems } from '../core/lab-stack';
import { ManagedObject, tfLiteral } from '../core/managed-object';
import { IHost } from '../hosts/host';
import { outputPrefix, remapProblem } from './common';

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
export interface MatchboxDnsmasqProps extends Omit<DnsmasqPxeProps, 'matchboxUrl'> {
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
  /** Matchbox release. @default 'v0.11.0' */
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
  /** @default '/usr/local/bin/matchbox' */
  readonly binPath?: string;
  /** Matchbox's `-data-path`. @default '/var/lib/matchbox' */
  readonly dataDir?: string;
  /** Matchbox's `-assets-path`, served at `/assets/`. @default '<dataDir>/assets' */
  readonly assetsDir?: string;
  /** HTTP listen address (`-address`). @default '0.0.0.0:8080' */
  readonly httpListen?: string;
  /** gRPC API listen address (`-rpc-address`), TLS with client certificates. @default '0.0.0.0:8081' */
  readonly grpcListen?: string;
  /** @default 'info' */
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
  readonly prefetch?: readonly AssetPrefetch[];
  /** Install curl, openssl, dnsmasq and iPXE with apt-get/dnf/apk when missing. @default true */
  readonly installPackages?: boolean;
}

/** What the server knows of a profile declared on it. */
export interface IMatchboxProfileEntry extends IConstruct {
  readonly profileId: string;
  readonly server: MatchboxServer;
  /** The profile as the pure core models it. */
  data(): ProfileData;
}

/** What the server knows of a group declared on it. */
export interface IMatchboxGroupEntry extends IConstruct {
  readonly groupId: string;
  readonly server: MatchboxServer;
  readonly profile: IMatchboxProfileEntry;
  /** The group as the pure core models it. */
  data(): GroupData;
}

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

const HEX64 = /^[0-9a-fA-F]{64}$/;
const ADDRESS = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const LISTEN = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]*):(\d{1,5})$/;
const URL = /^https?:\/\/[^\s'"`\\]+$/;

const rule = (ok: boolean, reason: string, fix: string): Verdict | undefined => (ok ? undefined : { reason, fix });

/**
 * A Matchbox server on a host: the checksum-verified matchbox binary run as a service, its data
 * and assets directories, the gRPC API with TLS (generated or given), and optionally dnsmasq for
 * PXE, NAT for the PXE network and OS image prefetch. Profiles and groups are declared with
 * {@link MatchboxProfile} and {@link MatchboxGroup} and written as Matchbox's file-based data.
 *
 * Outputs: the HTTP and gRPC endpoints, and the CA, client certificate and client key (sensitive)
 * for the matchbox Terraform provider.
 */
export class MatchboxServer extends Construct implements ProblemSource {
  public readonly host: IHost;
  /** `-data-path`. */
  public readonly dataDir: string;
  /** `-assets-path`. */
  public readonly assetsDir: string;
  /** e.g. `http://192.168.0.1:8080`. */
  public readonly httpEndpoint: string;
  /** e.g. `192.168.0.1:8081`. */
  public readonly grpcEndpoint: string;
  /** `<httpEndpoint>/assets`. */
  public readonly assetsUrl: string;
  /** Credentials for the matchbox Terraform provider (tokens; the key is sensitive). */
  public readonly credentials: MatchboxCredentials;
  /** What profiles and groups wait for: matchbox installed, its data directory in place. */
  public readonly dataReady: ITerraformDependable[];
  /** Everything the server sets up. */
  public readonly ready: ITerraformDependable[];
  /** A value that changes when the host's filesystem is replaced (see ContainerHost), or undefined. */
  public readonly hostGeneration?: string;
  /** Files (relative to the assets directory) that the prefetch provides. */
  public readonly assetFiles: readonly AssetFile[];
  /** The rendered dnsmasq configuration, when dnsmasq is on. */
  public readonly dnsmasqConfig?: string;

  private readonly profiles: IMatchboxProfileEntry[] = [];
  private readonly groups: IMatchboxGroupEntry[] = [];

  constructor(scope: Construct, id: string, props: MatchboxServerProps) {
    super(scope, id);
    const path = this.node.path;
    this.host = props.host;
    const version = props.version ?? 'v0.11.0';
    this.dataDir = props.dataDir ?? '/var/lib/matchbox';
    this.assetsDir = props.assetsDir ?? `${this.dataDir}/assets`;
    const httpListen = props.httpListen ?? '0.0.0.0:8080';
    const grpcListen = props.grpcListen ?? '0.0.0.0:8081';
    const binPath = props.binPath ?? '/usr/local/bin/matchbox';
    const downloadUrl = props.downloadUrl ?? `https://github.com/poseidon/matchbox/releases/download/${version}/matchbox-${version}-linux-amd64.tar.gz`;

    // Early checks: each names the construct path, the property, the value and a fix.
    assertValid(path, 'address', props.address, rule(typeof props.address === 'string' && ADDRESS.test(props.address), 'not an IP address or DNS name', 'use e.g. 192.168.0.1 or matchbox.lab.test'));
    if (props.grpcAddress !== undefined) assertValid(path, 'grpcAddress', props.grpcAddress, rule(ADDRESS.test(props.grpcAddress), 'not an IP address or DNS name', 'use e.g. 203.0.113.10'));
    assertValid(path, 'version', version, rule(/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(version), 'not a release version', 'use e.g. v0.11.0'));
    assertValid(path, 'sha256', props.sha256, rule(typeof props.sha256 === 'string' && HEX64.test(props.sha256), 'not a SHA-256 checksum (64 hex digits)', 'copy the sha256 of the release tarball'));
    assertValid(path, 'downloadUrl', downloadUrl, rule(URL.test(downloadUrl), 'not an http(s) URL', 'use e.g. https://github.com/poseidon/matchbox/releases/download/v0.11.0/matchbox-v0.11.0-linux-amd64.tar.gz'));
    const member = props.archiveMember ?? `matchbox-${version}-linux-amd64/matchbox`;
    assertValid(path, 'archiveMember', member, rule(/^[A-Za-z0-9_.+-][A-Za-z0-9_.+/-]*$/.test(member) && !member.split('/').includes('..'), 'not a relative path inside the tarball', 'use e.g. matchbox-v0.11.0-linux-amd64/matchbox'));
    for (const [property, value] of [['binPath', binPath], ['dataDir', this.dataDir], ['assetsDir', this.assetsDir]] as const) {
      assertValid(path, property, value, checkConfPath(value) ?? rule(value !== '/' && !value.endsWith('/'), 'not a directory path without a trailing slash', 'use e.g. /var/lib/matchbox'));
    }
    const httpPort = listenPort(path, 'httpListen', httpListen);
    const grpcPort = listenPort(path, 'grpcListen', grpcListen);
    assertValid(path, 'grpcListen', grpcListen, rule(grpcPort !== httpPort, 'the gRPC API needs its own port', 'use e.g. 0.0.0.0:8081'));
    const logLevel = props.logLevel ?? 'info';
    assertValid(path, 'logLevel', logLevel, rule(['debug', 'info', 'warn', 'error'].includes(logLevel), 'unknown log level', 'use debug, info, warn or error'));
    const days = props.tlsDays ?? 3650;
    assertValid(path, 'tlsDays', days, rule(Number.isInteger(days) && days >= 1 && days <= 36500, 'not a number of days', 'use e.g. 3650'));
    if (props.tls) checkTls(path, props.tls);
    if (props.nat) {
      assertValid(path, 'nat.outInterface', props.nat.outInterface, checkInterfaceName(props.nat.outInterface));
      const source = props.nat.sourceCidr ?? (props.dnsmasq ? networkOf(props.dnsmasq.subnet) : undefined);
      assertValid(path, 'nat.sourceCidr', source, source === undefined
        ? { reason: 'no network to masquerade', fix: 'set nat.sourceCidr or dnsmasq.subnet' }
        : rule(parseCidr(source) !== undefined, 'not an IPv4 CIDR', 'use e.g. 192.168.0.0/24'));
    }
    const prefetch = props.prefetch ?? [];
    prefetch.forEach((p, i) => {
      assertValid(path, `prefetch[${i}].os`, p.os, rule(p.os === 'flatcar' || p.os === 'fedora-coreos', 'unknown OS', 'use flatcar or fedora-coreos'));
      const words = p.os === 'flatcar' ? { channel: p.channel, version: p.version } : { stream: p.stream, version: p.version, arch: p.arch };
      for (const [k, v] of Object.entries(words)) {
        if (v !== undefined || (p.os === 'fedora-coreos' && k === 'version')) {
          assertValid(path, `prefetch[${i}].${k}`, v, rule(typeof v === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v), `not a ${k}`, p.os === 'flatcar' ? 'use e.g. stable / current or 3815.2.5' : 'use e.g. stable / 40.20240416.3.1'));
        }
      }
    });

    this.httpEndpoint = `http://${props.address}:${httpPort}`;
    this.grpcEndpoint = `${props.grpcAddress ?? props.address}:${grpcPort}`;
    this.assetsUrl = `${this.httpEndpoint}/assets`;

    let dnsmasqProps: DnsmasqPxeProps | undefined;
    if (props.dnsmasq) {
      const { confPath: _c, ipxeBaseUrl: _i, ...rest } = props.dnsmasq;
      dnsmasqProps = { ...rest, matchboxUrl: props.dnsmasq.matchboxUrl ?? this.httpEndpoint };
      const problems = validateDnsmasq(dnsmasqProps, path).map((p) => ({ ...p, property: `dnsmasq.${p.property}` }));
      const confPath = props.dnsmasq.confPath ?? '/etc/dnsmasq.d/matchbox.conf';
      const confCheck = checkConfPath(confPath);
      if (confCheck) problems.push({ path, property: 'dnsmasq.confPath', value: confPath, ...confCheck });
      const ipxe = props.dnsmasq.ipxeBaseUrl;
      if (ipxe !== undefined && !(URL.test(ipxe) && !ipxe.endsWith('/'))) {
        problems.push({ path, property: 'dnsmasq.ipxeBaseUrl', value: ipxe, reason: 'not an http(s) URL without a trailing slash', fix: 'use e.g. https://boot.ipxe.org' });
      }
      if (problems.length) throw new ValidationError(problems);
      this.dnsmasqConfig = renderDnsmasqConfig(dnsmasqProps, path);
    }
    this.assetFiles = prefetch.flatMap(prefetchFiles);
    this.hostGeneration = (props.host as { generation?: string }).generation;
    const generation = this.hostGeneration === undefined ? {} : { hostGeneration: this.hostGeneration };
    const runner = this.host.runner;
    const installPackages = props.installPackages ?? true;
    let after: ITerraformDependable[] = [...this.host.ready];
    const chain = (obj: ManagedObject) => {
      after = [obj.object, obj.converged];
      return obj;
    };

    // Given TLS material first: the service starts with it.
    if (props.tls) {
      const tls = props.tls;
      chain(new ManagedObject(this, 'tls', {
        runner, dependsOn: after, sensitive: true,
        state: () => ({
          identity: { kind: 'matchbox-tls' },
          settings: { caCert: tls.caCert, serverCert: tls.serverCert, serverKey: tls.serverKey, ...generation },
          converge: tlsWrite(tls),
          destroy: tlsDelete(),
        }),
      }));
    }

    const model: MatchboxInstallModel = {
      version, url: downloadUrl, sha256: props.sha256.toLowerCase(), archiveMember: member, binPath,
      dataDir: this.dataDir, assetsDir: this.assetsDir, httpListen, grpcListen, logLevel, installPackages,
      generateTls: props.tls ? undefined : { serverNames: [...new Set([props.address, props.grpcAddress ?? props.address, 'localhost', '127.0.0.1'])], days },
    };
    const setup = chain(new ManagedObject(this, 'matchbox', {
      runner, dependsOn: after,
      state: () => ({
        identity: { kind: 'matchbox', binPath, dataDir: this.dataDir },
        settings: { ...model, ...generation },
        converge: matchboxInstall(model),
        destroy: matchboxUninstall(binPath),
      }),
    }));
    this.dataReady = [setup.object, setup.converged];

    if (props.dnsmasq && dnsmasqProps) {
      const d = props.dnsmasq;
      const confPath = d.confPath ?? '/etc/dnsmasq.d/matchbox.conf';
      const tftpRoot = d.tftpRoot ?? '/var/lib/tftpboot';
      const bootFiles = [d.biosBootFile ?? 'undionly.kpxe', d.uefiBootFile ?? 'ipxe.efi'];
      const config = this.dnsmasqConfig!;
      chain(new ManagedObject(this, 'dnsmasq', {
        runner, dependsOn: after,
        state: () => ({
          identity: { kind: 'matchbox-dnsmasq', confPath, tftpRoot, bootFiles },
          settings: { config, ...generation },
          converge: dnsmasqConverge({ config, confPath, tftpRoot, bootFiles, ipxeBaseUrl: d.ipxeBaseUrl ?? 'https://boot.ipxe.org', installPackages }),
          destroy: dnsmasqDelete(confPath, tftpRoot, bootFiles),
        }),
      }));
    }
    if (props.nat) {
      const source = props.nat.sourceCidr ?? networkOf(props.dnsmasq!.subnet)!;
      const out = props.nat.outInterface;
      chain(new ManagedObject(this, 'nat', {
        runner, dependsOn: after,
        state: () => ({
          identity: { kind: 'matchbox-nat', sourceCidr: source, outInterface: out },
          settings: { ...generation },
          converge: natConverge(source, out),
          destroy: natDelete(source, out),
        }),
      }));
    }
    if (this.assetFiles.length) {
      const files = this.assetFiles;
      chain(new ManagedObject(this, 'assets', {
        runner, dependsOn: after,
        state: () => ({
          identity: { kind: 'matchbox-assets', assetsDir: this.assetsDir, files: files.map((f) => f.path) },
          settings: { urls: files.map((f) => f.url), ...generation },
          converge: assetsConverge(this.assetsDir, files),
          destroy: assetsDelete(this.assetsDir, files),
        }),
      }));
    }
    this.ready = after;

    this.credentials = props.tls
      ? { endpoint: this.grpcEndpoint, ca: props.tls.caCert, clientCert: props.tls.clientCert ?? '', clientKey: props.tls.clientKey ?? '' }
      : this.fetchCredentials(props.credentialsDir, setup);
    this.outputs(props.tls);
    registerProblems(this);
  }

  /** Records a profile declared on this server (called by MatchboxProfile). */
  public registerProfile(profile: IMatchboxProfileEntry): void {
    this.profiles.push(profile);
  }

  /** Records a group declared on this server (called by MatchboxGroup). */
  public registerGroup(group: IMatchboxGroupEntry): void {
    this.groups.push(group);
  }

  /** The profiles and groups of this server, as the pure core models them. */
  public data(): { profiles: ProfileData[]; groups: GroupData[] } {
    return { profiles: this.profiles.map((p) => p.data()), groups: this.groups.filter((g) => g.profile.server === this).map((g) => g.data()) };
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
            path: item.node.path, property: 'id', value: idOf(item),
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
    const groups = dup(this.groups.filter((g) => g.profile.server === this), (g) => g.groupId, 'group');
    const data = { profiles: profiles.map((p) => p.data()), groups: groups.map((g) => g.data()) };
    const find = (kind: 'profiles' | 'groups', id: string): IConstruct | undefined =>
      kind === 'profiles' ? profiles.find((p) => p.profileId === id) : groups.find((g) => g.groupId === id);
    for (const p of validateMatchbox(data, this.node.path)) problems.push(remapProblem(p, find));
    return problems;
  }

  /**
   * Copies the generated client credentials to a local directory after each converge of the
   * server (a local command reading them through the host's runner: no key in any command line),
   * and returns expressions that read them once they are there.
   */
  private fetchCredentials(dir: string | undefined, setup: ManagedObject): MatchboxCredentials {
    const local = dir ?? `../../../.matchbox/${TerraformStack.of(this).node.id.replace(/[^A-Za-z0-9_.-]/g, '_')}-${outputPrefix(this)}`;
    assertValid(this.node.path, 'credentialsDir', local, rule(/^[A-Za-z0-9_.\/-]+$/.test(local), 'not a plain path', 'use letters, digits and . _ / -'));
    const files = [TLS_FILES.ca, TLS_FILES.clientCert, TLS_FILES.clientKey];
    const copy = files.map((f) =>
      `printf '%s\\n' ${shq(tlsPrint(f))} | ${runnerCommand(this.host.runner)} > ${shq(`${local}/${f}.tmp`)} && mv -f ${shq(`${local}/${f}.tmp`)} ${shq(`${local}/${f}`)}`);
    const fetch = new CommandResource(this, 'credentials', {
      triggersReplace: [setup.converged.getStringAttribute('id')],
      create: tfLiteral(['umask 077', `mkdir -p ${shq(local)}`, ...copy].join(' && ')),
      destroy: tfLiteral(`rm -f ${files.map((f) => shq(`${local}/${f}`)).join(' ')}`),
      dependsOn: [setup.converged],
    });
    // Read after apply: the path carries an empty piece of the copy's id, so while the copy has
    // not run (its id unknown at plan) the path is unknown and no file is read.
    const read = (f: string) => {
      const p = `${Fn.substr(fetch.getStringAttribute('id'), 0, 0)}${local}/${f}`;
      return Token.asString(Fn.conditional(Fn.fileexists(p), Fn.file(p), ''));
    };
    return { endpoint: this.grpcEndpoint, ca: read(TLS_FILES.ca), clientCert: read(TLS_FILES.clientCert), clientKey: read(TLS_FILES.clientKey) };
  }

  private outputs(tls: MatchboxTlsProps | undefined): void {
    const prefix = outputPrefix(this);
    const out = (id: string, value: string, description: string, sensitive = false) => {
      new TerraformOutput(this, id, { value, description, sensitive }).overrideLogicalId(`${prefix}_${id}`);
    };
    out('http_endpoint', this.httpEndpoint, 'Matchbox HTTP endpoint (iPXE, Ignition, assets)');
    out('grpc_endpoint', this.grpcEndpoint, 'Matchbox gRPC API: the matchbox provider\'s endpoint');
    if (!tls || tls.caCert) out('ca_cert', this.credentials.ca, 'CA certificate: the matchbox provider\'s ca', true);
    if (!tls || tls.clientCert !== undefined) out('client_cert', this.credentials.clientCert, 'Client certificate: the matchbox provider\'s client_cert', true);
    if (!tls || tls.clientKey !== undefined) out('client_key', this.credentials.clientKey, 'Client key: the matchbox provider\'s client_key', true);
  }
}

/** A `terraform_data` running local commands on create and destroy (no script on stdin, no secret). */
class CommandResource extends TerraformResource {
  constructor(scope: Construct, id: string, private readonly c: {
    triggersReplace: unknown; create: string; destroy: string; dependsOn: ITerraformDependable[];
  }) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: c.dependsOn,
      provisioners: [
        { type: 'local-exec', command: c.create },
        { type: 'local-exec', when: 'destroy', command: c.destroy },
      ],
    });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { triggers_replace: this.c.triggersReplace };
  }
}

/** The port of a listen address, after checking it. */
function listenPort(path: string, property: string, listen: string): number {
  const m = typeof listen === 'string' ? LISTEN.exec(listen) : null;
  const port = m ? Number(m[2]) : NaN;
  assertValid(path, property, listen, rule(port >= 1 && port <= 65535, 'not a listen address [host]:port', 'use e.g. 0.0.0.0:8080 or :8080'));
  return port;
}

/** `a.b.c.0/len` of `a.b.c.d/len`, or undefined. */
function networkOf(cidr: string): string | undefined {
  const c = checkHostCidr(cidr) ? undefined : parseCidr(cidr);
  return c ? `${formatIpv4(c.network)}/${c.prefix}` : undefined;
}

/** Given TLS material: PEM blocks (or Terraform values, checked at apply). */
function checkTls(path: string, tls: MatchboxTlsProps): void {
  const pem = (property: string, value: string | undefined, kind: RegExp, optional = false) => {
    if (value === undefined && optional) return;
    if (typeof value === 'string' && Token.isUnresolved(value)) return;
    assertValid(path, `tls.${property}`, typeof value === 'string' ? `${value.slice(0, 30)}...` : value,
      rule(typeof value === 'string' && kind.test(value), 'not a PEM block of the expected kind', 'pass the PEM text, e.g. fs.readFileSync("ca.crt", "utf8") or a sensitive TerraformVariable'));
  };
  pem('caCert', tls.caCert, /-----BEGIN CERTIFICATE-----/);
  pem('serverCert', tls.serverCert, /-----BEGIN CERTIFICATE-----/);
  pem('serverKey', tls.serverKey, /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/);
  pem('clientCert', tls.clientCert, /-----BEGIN CERTIFICATE-----/, true);
  pem('clientKey', tls.clientKey, /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/, true);
}
