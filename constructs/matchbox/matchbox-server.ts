import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from '../core/cdk';
import { terraformResourcesOf } from '../core/escape-hatch';
import {
  AssetFile,
  assetsConverge,
  assetsDelete,
  dnsmasqConverge,
  dnsmasqDelete,
  MatchboxInstallModel,
  matchboxInstall,
  matchboxUninstall,
  natConverge,
  natDelete,
  tlsDelete,
  tlsWrite,
} from '../../src/matchbox/scripts';
import { ManagedObject } from '../core/managed-object';
import { daemonHost, IHost, runnerOf } from '../core/host';
import { generationOf } from '../render/data-files';
import { IMatchboxServer } from './imatchbox-server';
import { MatchboxCredentials } from '../render/matchbox-target';
import { ImportedMatchboxServer, MatchboxDataDir } from './private/matchbox-data';
import { fetchCredentials, givenCredentials, serverOutputs } from './private/server-outputs';
import {
  MatchboxServerAttributes,
  MatchboxServerProps,
  MatchboxTlsProps,
  ResolvedDnsmasq,
  ResolvedServerProps,
  resolveServerProps,
} from './server-props';
import { readProps } from '../core/input';

export type { IMatchboxGroupEntry, IMatchboxProfileEntry, IMatchboxServer } from './imatchbox-server';
export type { MatchboxCredentials } from '../render/matchbox-target';
export type {
  MatchboxDnsmasqProps,
  MatchboxNatProps,
  MatchboxServerAttributes,
  MatchboxServerProps,
  MatchboxTlsProps,
} from './server-props';

/**
 * A Matchbox server on a host: the checksum-verified matchbox binary run as a service, its data
 * and assets directories, the gRPC API with TLS (generated or given), and optionally dnsmasq for
 * PXE, NAT for the PXE network and OS image prefetch. Profiles and groups are declared with
 * {@link MatchboxProfile} and {@link MatchboxGroup} and written as Matchbox's file-based data.
 *
 * Outputs: the HTTP and gRPC endpoints, and the CA, client certificate and client key (sensitive)
 * for the matchbox Terraform provider.
 */
export class MatchboxServer extends MatchboxDataDir {
  /**
   * A Matchbox server that already runs (installed by hand or by another tool): profiles and
   * groups declared on it are written to its data directory through `host`.
   *
   * @example
   * const pxe = MatchboxServer.fromServerAttributes(stack, 'matchbox', { host, address: '192.168.0.1' });
   * new MatchboxProfile(stack, 'flatcar', { server: pxe, kernel: '/assets/flatcar/vmlinuz' });
   */
  public static fromServerAttributes(scope: Construct, id: string, attrs: MatchboxServerAttributes): IMatchboxServer {
    return new ImportedMatchboxServer(scope, id, attrs);
  }

  public readonly host: IHost;
  /** The Matchbox release it installs, e.g. `v0.11.0`. */
  public readonly version: string;
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
  /** Files (relative to the assets directory) that the prefetch provides. */
  public readonly assetFiles: AssetFile[];
  /** The rendered dnsmasq configuration, when dnsmasq is on. */
  public readonly dnsmasqConfig?: string;

  /** The last object set up so far: the next one waits for it. */
  private after: ITerraformDependable[];

  /** Escape hatch: the Terraform resources this construct synthesizes, e.g. for `addOverride`. */
  public get terraformResources(): TerraformResource[] {
    return terraformResourcesOf(this);
  }

  constructor(scope: Construct, id: string, props: MatchboxServerProps) {
    super(scope, id);
    props = readProps(this.node.path, props);
    this.host = props.host;
    // Every prop is checked at once: each problem names the construct path, the property, the value and a fix.
    const s = resolveServerProps(this.node.path, props);
    this.version = s.version;
    this.dataDir = s.dataDir;
    this.assetsDir = s.assetsDir;
    this.httpEndpoint = s.httpEndpoint;
    this.grpcEndpoint = s.grpcEndpoint;
    this.assetsUrl = `${this.httpEndpoint}/assets`;
    this.dnsmasqConfig = s.dnsmasq?.config;
    this.assetFiles = s.assetFiles;
    this.after = [...this.host.ready];

    // Given TLS material first: the service starts with it.
    if (props.tls) this.addTls(props.tls);
    const setup = this.addMatchbox(s, props);
    this.dataReady = [setup.object, setup.converged];
    if (s.dnsmasq) this.addDnsmasq(s.dnsmasq, s.installPackages);
    if (s.nat) this.addNat(s.nat.sourceCidr, s.nat.outInterface);
    if (this.assetFiles.length) this.addAssets();
    this.ready = this.after;

    this.credentials = props.tls
      ? givenCredentials(this, props.tls)
      : fetchCredentials(this, props.credentialsDir, setup);
    serverOutputs(this, props.tls);
  }

  /** Makes `obj` the object the next one waits for. */
  private chain(obj: ManagedObject): ManagedObject {
    this.after = [obj.object, obj.converged];
    return obj;
  }

  /** `tls`: writes given TLS material. */
  private addTls(tls: MatchboxTlsProps): void {
    this.chain(
      new ManagedObject(this, 'tls', {
        runner: runnerOf(this.host),
        dependsOn: this.after,
        host: daemonHost(this.host),
        lifecycle: { kind: 'record', recordKind: 'matchbox-tls', name: this.dataDir, order: 6 },
        sensitive: true,
        state: () => ({
          identity: { kind: 'matchbox-tls' },
          settings: { caCert: tls.caCert, serverCert: tls.serverCert, serverKey: tls.serverKey, ...generationOf(this) },
          converge: tlsWrite(tls),
          destroy: tlsDelete(),
        }),
      }),
    );
  }

  /** `matchbox`: the binary, user, directories, generated TLS material and service. */
  private addMatchbox(s: ResolvedServerProps, props: MatchboxServerProps): ManagedObject {
    const { binPath } = s;
    const model: MatchboxInstallModel = {
      version: s.version,
      url: s.downloadUrl,
      sha256: props.sha256.toLowerCase(),
      archiveMember: s.archiveMember,
      binPath,
      dataDir: this.dataDir,
      assetsDir: this.assetsDir,
      httpListen: s.httpListen,
      grpcListen: s.grpcListen,
      logLevel: s.logLevel,
      installPackages: s.installPackages,
      generateTls: props.tls
        ? undefined
        : {
            serverNames: [...new Set([props.address, props.grpcAddress ?? props.address, 'localhost', '127.0.0.1'])],
            days: s.tlsDays,
          },
    };
    return this.chain(
      new ManagedObject(this, 'matchbox', {
        runner: runnerOf(this.host),
        dependsOn: this.after,
        host: daemonHost(this.host),
        lifecycle: { kind: 'record', recordKind: 'matchbox-matchbox', name: this.dataDir, order: 5 },
        state: () => ({
          identity: { kind: 'matchbox', binPath, dataDir: this.dataDir },
          settings: { ...model, ...generationOf(this) },
          converge: matchboxInstall(model),
          destroy: matchboxUninstall(binPath),
        }),
      }),
    );
  }

  /** `dnsmasq`: DHCP/TFTP for PXE with the iPXE first stage. */
  private addDnsmasq(d: ResolvedDnsmasq, installPackages: boolean): void {
    const { config, confPath, tftpRoot, bootFiles, ipxeBaseUrl } = d;
    this.chain(
      new ManagedObject(this, 'dnsmasq', {
        runner: runnerOf(this.host),
        dependsOn: this.after,
        host: daemonHost(this.host),
        lifecycle: { kind: 'record', recordKind: 'matchbox-dnsmasq', name: this.dataDir, order: 4 },
        state: () => ({
          identity: { kind: 'matchbox-dnsmasq', confPath, tftpRoot, bootFiles },
          settings: { config, ...generationOf(this) },
          converge: dnsmasqConverge({ config, confPath, tftpRoot, bootFiles, ipxeBaseUrl, installPackages }),
          destroy: dnsmasqDelete(confPath, tftpRoot, bootFiles),
        }),
      }),
    );
  }

  /** `nat`: IPv4 forwarding and masquerade of `source` out of `out`. */
  private addNat(source: string, out: string): void {
    this.chain(
      new ManagedObject(this, 'nat', {
        runner: runnerOf(this.host),
        dependsOn: this.after,
        host: daemonHost(this.host),
        lifecycle: { kind: 'record', recordKind: 'matchbox-nat', name: this.dataDir, order: 3 },
        state: () => ({
          identity: { kind: 'matchbox-nat', sourceCidr: source, outInterface: out },
          settings: { ...generationOf(this) },
          converge: natConverge(source, out),
          destroy: natDelete(source, out),
        }),
      }),
    );
  }

  /** `assets`: downloads the prefetched OS images. */
  private addAssets(): void {
    const files = this.assetFiles;
    this.chain(
      new ManagedObject(this, 'assets', {
        runner: runnerOf(this.host),
        dependsOn: this.after,
        host: daemonHost(this.host),
        lifecycle: { kind: 'record', recordKind: 'matchbox-assets', name: this.dataDir, order: 2 },
        state: () => ({
          identity: { kind: 'matchbox-assets', assetsDir: this.assetsDir, files: files.map((f) => f.path) },
          settings: { urls: files.map((f) => f.url), ...generationOf(this) },
          converge: assetsConverge(this.assetsDir, files),
          destroy: assetsDelete(this.assetsDir, files),
        }),
      }),
    );
  }
}
