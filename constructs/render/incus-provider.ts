import { Construct, IConstruct } from 'constructs';
import { Lazy, TerraformResource, TerraformStack } from '../core/cdk';
import { Image } from '../../generated/providers/incus/image';
import { Instance } from '../../generated/providers/incus/instance';
import { Network } from '../../generated/providers/incus/network';
import { Profile } from '../../generated/providers/incus/profile';
import { IncusProvider } from '../../generated/providers/incus/provider';
import { StoragePool } from '../../generated/providers/incus/storage-pool';
import { LxdRemote } from '../../src/hosts/lxd-remote';
import { remoteName } from '../../src/util/names';
import { ConfigMap, InstanceModel, NetworkModel, ProfileModel, StoragePoolModel } from '../../src/lxd/model';
import { check, Check, checkRequired, shown } from '../../src/validation/props';
import { ensure, refused } from '../../src/validation/rule';
import { ClusterMembers, ProviderTarget } from './provider-target';
import { deviceBlocks, globalKeys, lazy, lazyMap, perMemberResources } from './provider-values';

/**
 * Native lxc/incus resources for the library's models: the Incus twin of ./lxd-provider.ts,
 * with the same lazy values. Incus keeps LXD's attribute names and `limits.*` in `config`.
 */

/**
 * `incus_storage_pool`. On a cluster: defined on each member (`target`, its member-specific keys;
 * the provider refuses a description there), then cluster-wide with the other keys.
 */
export function incusStoragePool(
  scope: Construct,
  id: string,
  t: ProviderTarget,
  model: () => StoragePoolModel,
  cluster?: ClusterMembers,
): TerraformResource | TerraformResource[] {
  const pool = (
    rid: string,
    config: () => ConfigMap,
    extra: { target?: string; description?: string; dependsOn: ProviderTarget['dependsOn'] },
  ) =>
    new StoragePool(scope, rid, {
      name: model().name,
      driver: model().driver,
      remote: t.remote,
      config: lazyMap(config),
      ...extra,
    });
  const description = model().description || undefined;
  if (!cluster) return pool(id, () => model().config, { description, dependsOn: t.dependsOn });
  return perMemberResources(id, t, cluster, (rid, member, dependsOn) =>
    member
      ? pool(rid, member.config, { target: member.name, dependsOn })
      : pool(rid, () => globalKeys(model().config, cluster), { description, dependsOn }),
  );
}

/**
 * `incus_network`; the provider refuses `auto` addresses, which are Incus's default when the key is
 * left out. On a cluster: defined on each member (`target`), then cluster-wide.
 */
export function incusNetwork(
  scope: Construct,
  id: string,
  t: ProviderTarget,
  model: () => NetworkModel,
  cluster?: ClusterMembers,
): TerraformResource | TerraformResource[] {
  const network = (
    rid: string,
    config: () => ConfigMap,
    extra: { target?: string; description?: string; dependsOn: ProviderTarget['dependsOn'] },
  ) =>
    new Network(scope, rid, {
      name: model().name,
      type: model().type,
      remote: t.remote,
      config: lazyMap(() => Object.fromEntries(Object.entries(config()).filter(([, v]) => v !== 'auto'))),
      ...extra,
    });
  const description = lazy(() => model().description || undefined);
  if (!cluster) return network(id, () => model().config, { description, dependsOn: t.dependsOn });
  return perMemberResources(id, t, cluster, (rid, member, dependsOn) =>
    member
      ? network(rid, member.config, { target: member.name, dependsOn })
      : network(rid, () => globalKeys(model().config, cluster), { description, dependsOn }),
  );
}

export function incusProfile(
  scope: Construct,
  id: string,
  t: ProviderTarget,
  model: () => ProfileModel,
): TerraformResource {
  return new Profile(scope, id, {
    name: model().name,
    remote: t.remote,
    dependsOn: t.dependsOn,
    config: lazyMap(() => model().config),
    device: lazy(() => deviceBlocks(model().devices)),
    description: lazy(() => model().description || undefined),
  });
}

/**
 * `incus_instance`. A cluster member goes to `target`, which the provider replaces on change: the
 * container is recreated from its image on the new member (its data is not moved).
 */
export function incusInstance(
  scope: Construct,
  id: string,
  t: ProviderTarget,
  model: () => InstanceModel,
  waitForAddress: boolean,
): TerraformResource {
  return new Instance(scope, id, {
    name: model().name,
    image: model().image,
    type: 'container',
    remote: t.remote,
    dependsOn: t.dependsOn,
    target: model().target,
    profiles: lazy(() => model().profiles),
    running: lazy(() => model().state === 'running'),
    config: lazyMap(() => model().config),
    device: lazy(() => deviceBlocks(model().devices)),
    description: lazy(() => model().description || undefined),
    waitFor: waitForAddress ? [{ type: 'ipv4' }] : undefined,
  });
}

/** `incus_image` copied from `remote:name` under `alias` (Incus has no incus_cached_image). */
export function incusImage(
  scope: Construct,
  id: string,
  t: ProviderTarget,
  source: { remote: string; name: string },
  alias: string,
): TerraformResource {
  return new Image(scope, id, {
    remote: t.remote,
    sourceImage: source,
    alias: [{ name: alias }],
    dependsOn: t.dependsOn,
  });
}

const REMOTES = new WeakMap<TerraformStack, Map<string, LxdRemote>>();

/** The remote name for `hostId` in the stack's single `incus` provider, adding the provider on first use. */
export function incusRemoteName(scope: IConstruct, hostId: string, remote: LxdRemote): string {
  const stack = TerraformStack.of(scope);
  let remotes = REMOTES.get(stack);
  if (!remotes) {
    const reg = new Map<string, LxdRemote>();
    remotes = reg;
    REMOTES.set(stack, reg);
    new IncusProvider(stack, 'incus', {
      acceptRemoteCertificate: true,
      generateClientCertificates: true,
      remote: Lazy.anyValue({ produce: () => [...reg].map(([name, r]) => remoteBlock(name, r)) }) as never,
    });
  }
  const name = remoteName(hostId);
  remotes.set(name, remote);
  return name;
}

/** The checks of a host's remote for the incus provider: no trust password, no client certificates. */
export function incusRemoteChecks(r: LxdRemote): Check[] {
  return [
    shown(
      check(
        'lxdRemote.password',
        r.password,
        refused(
          'Incus has no trust passwords',
          'use trustToken (incus config trust add NAME prints one) or clientCertificate/clientKey',
        ),
      ),
      '(secret)',
    ),
    checkRequired(
      'lxdRemote',
      r.address,
      ensure(
        r.clientCertificate === undefined && r.clientKey === undefined && r.serverCertificateFingerprint === undefined,
        'the incus provider takes client certificates from its config_dir, not from the remote block',
        'trust the client with trustToken, or put the certificates in the provider config directory',
      ),
    ),
  ];
}

/** One `remote` block (the remote checked: {@link incusRemoteChecks}). */
function remoteBlock(name: string, r: LxdRemote): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({ name, address: r.address, token: r.trustToken }).filter(([, v]) => v !== undefined && v !== ''),
  );
}
