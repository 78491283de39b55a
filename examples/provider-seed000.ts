/**
 * Seed 000's environment with native provider resources, in two stacks: the provider of the
 * second stack is configured from the VM the first stack creates (its address is only known
 * after that apply), which one stack cannot do.
 *
 * - `seed000-host`: a larstobi/multipass `multipass_instance` launched with the seed's cloud-config,
 *   which also opens LXD's HTTPS API with a trust password (LXD 5.0); waiting for cloud-init
 *   stays a local-exec (the provider cannot express it).
 * - `seed000-lxd`: terraform-lxd/lxd 2.x (trust passwords are gone from 3.x) on
 *   `https://<vm ipv4>:8443`, with the same Bridge.fromName + Container code as the cli example.
 *
 *   LXD_TRUST_PASSWORD=... cdktf deploy seed000-host seed000-lxd   (or: cdktf deploy '*')
 */
import { App } from '../constructs/core/cdk';
import { Bridge, CloudConfig, Container, HostReference, LabStack, MultipassVm } from '../index';
import { seed000CloudConfig } from './seed000-multipass-cloud-init';

/** Options of {@link buildSeed000Provider}. */
export interface Seed000ProviderOptions {
  /** Trust password set at first boot and used by the provider. @default $LXD_TRUST_PASSWORD or a placeholder */
  readonly trustPassword?: string;
}

/** Builds the host stack and the LXD stack; returns both. */
export function buildSeed000Provider(app: App, o: Seed000ProviderOptions = {}): LabStack[] {
  const trustPassword = o.trustPassword ?? process.env.LXD_TRUST_PASSWORD ?? 'change-me';
  const host = new LabStack(app, 'seed000-host', { rendering: 'provider' });
  const seed = seed000CloudConfig(2).props;
  const vm = new MultipassVm(host, 'primary', {
    name: 'primary', cpus: 2, memory: '4G', disk: '100G', timeoutSeconds: 1800,
    // The seed's cloud-config, plus the HTTPS API the provider talks to.
    cloudConfig: new CloudConfig({ ...seed, lxd: { ...seed.lxd, init: { ...seed.lxd!.init, networkAddress: '[::]', trustPassword } } }),
  });

  const lxd = new LabStack(app, 'seed000-lxd', { rendering: 'provider', lxdProviderVersion: 'v2' });
  const primary = new HostReference(lxd, 'primary', {
    host: vm, lxdRemote: { address: `https://${vm.ipv4Address}:8443`, password: trustPassword },
  });
  // The same code as the cli example (examples/seed000-multipass-cloud-init.ts, variant 2).
  const lxdbr0 = Bridge.fromBridgeAttributes(lxd, 'lxdbr0', { host: primary, networkName: 'lxdbr0', ipv4Cidr: '192.168.255.1/24' });
  new Container(lxd, 'u1', {
    host: primary, image: 'ubuntu:18.04', waitForAddress: true,
    nics: [{ bridge: lxdbr0, name: 'eth0', ipv4Address: '192.168.255.2' }],
  });
  return [host, lxd];
}

if (require.main === module) {
  const app = new App();
  buildSeed000Provider(app);
  app.synth();
}
