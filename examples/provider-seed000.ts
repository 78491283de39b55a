/**
 * Seed 000's environment with native provider resources, in two stacks: the provider of the
 * second stack is configured from the VM the first stack creates (its address is only known
 * after that apply), which one stack cannot do.
 *
 * - `seed000-host`: a larstobi/multipass `multipass_instance` launched with the seed's cloud-config,
 *   which also opens LXD's HTTPS API; waiting for cloud-init stays a local-exec (the provider cannot
 *   express it). How the provider gets trusted depends on the LXD the VM runs:
 *   - LXD 5.x (`lxdVersion` below 6.1, the default): a trust password set at first boot.
 *   - LXD 6.1 and later, which have no trust password: the VM trusts the provider's client
 *     certificate at first boot (`POST /1.0/certificates`, in runcmd), so no secret is exchanged.
 * - `seed000-lxd`: terraform-lxd/lxd 2.x on `https://<vm ipv4>:8443` (2.x accepts the VM's new
 *   self-signed certificate, and takes the password when there is one), with the same
 *   Bridge.fromBridgeAttributes + Container code as the cli example.
 *
 *   LXD_TRUST_PASSWORD=... cdktf deploy seed000-host seed000-lxd   (or: cdktf deploy '*')
 *   LXD_CLIENT_CERT="$(cat ~/.config/lxc/client.crt)" cdktf deploy '*'     (lxdVersion: '6.1' or later)
 */
import { App } from '../constructs/core/cdk';
import { Bridge, CloudConfig, Container, HostReference, LabStack, MultipassVm } from '../index';
import { seed000CloudConfig } from './seed000-multipass-cloud-init';
import { hasTrustPassword } from './seed001-lvm-cluster';

/** Options of {@link buildSeed000Provider}. */
export interface Seed000ProviderOptions {
  /** Trust password set at first boot and used by the provider (LXD before 6.1). @default $LXD_TRUST_PASSWORD or a placeholder */
  readonly trustPassword?: string;
  /**
   * The LXD version the VM runs at least (its `minLxdVersion`). From 6.1 there is no trust password:
   * the VM trusts `clientCertificate` at first boot instead. @default '5.0'
   */
  readonly lxdVersion?: string;
  /**
   * PEM certificate of the provider's client, trusted by the VM at first boot (LXD 6.1 and later).
   * terraform-lxd 2.x reads its client certificate from its config directory
   * (`~/snap/lxd/common/config`, else `~/.config/lxc`): give that one. @default $LXD_CLIENT_CERT or a placeholder
   */
  readonly clientCertificate?: string;
}

/**
 * The runcmd entry that trusts a client certificate through the API (`POST /1.0/certificates`, the
 * same on LXD 5.0 to 6.x); the snap's `lxc` is in /snap/bin.
 */
function trustCertificate(pem: string): string[] {
  const body = JSON.stringify({
    type: 'client',
    name: 'terraform',
    certificate: pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''),
  });
  return [
    'sh',
    '-c',
    'PATH="$PATH:/snap/bin" exec lxc "$@"',
    'lxc',
    'query',
    '-X',
    'POST',
    '/1.0/certificates',
    '--wait',
    '--data',
    body,
  ];
}

/** Builds the host stack and the LXD stack; returns both. */
export function buildSeed000Provider(app: App, o: Seed000ProviderOptions = {}): LabStack[] {
  const lxdVersion = o.lxdVersion ?? '5.0';
  // A password given on LXD 6.1+ is refused at synth (the VM declares its version).
  const trustPassword =
    o.trustPassword ?? (hasTrustPassword(lxdVersion) ? (process.env.LXD_TRUST_PASSWORD ?? 'change-me') : undefined);
  const clientCertificate =
    o.clientCertificate ??
    process.env.LXD_CLIENT_CERT ??
    '-----BEGIN CERTIFICATE-----\nCHANGE-ME\n-----END CERTIFICATE-----\n';
  const host = new LabStack(app, 'seed000-host', { rendering: 'provider' });
  const seed = seed000CloudConfig(2).props;
  const vm = new MultipassVm(host, 'primary', {
    name: 'primary',
    cpus: 2,
    memory: '4G',
    disk: '100G',
    timeoutSeconds: 1800,
    minLxdVersion: lxdVersion,
    // The seed's cloud-config, plus the HTTPS API the provider talks to, and its way in.
    cloudConfig: new CloudConfig({
      ...seed,
      lxd: { ...seed.lxd, init: { ...seed.lxd!.init, networkAddress: '[::]', trustPassword } },
      runcmd: trustPassword === undefined ? [trustCertificate(clientCertificate)] : undefined,
    }),
  });

  const lxd = new LabStack(app, 'seed000-lxd', { rendering: 'provider', lxdProviderVersion: 'v2' });
  const primary = new HostReference(lxd, 'primary', {
    host: vm,
    lxdRemote: { address: `https://${vm.ipv4Address}:8443`, password: trustPassword },
  });
  // The same code as the cli example (examples/seed000-multipass-cloud-init.ts, variant 2).
  const lxdbr0 = Bridge.fromBridgeAttributes(lxd, 'lxdbr0', {
    host: primary,
    networkName: 'lxdbr0',
    ipv4Cidr: '192.168.255.1/24',
  });
  new Container(lxd, 'u1', {
    host: primary,
    image: 'ubuntu:18.04',
    waitForAddress: true,
    nics: [{ bridge: lxdbr0, name: 'eth0', ipv4Address: '192.168.255.2' }],
  });
  return [host, lxd];
}

if (require.main === module) {
  const app = new App();
  buildSeed000Provider(app);
  app.synth();
}
