import { Construct } from 'constructs';
import { TerraformResource } from '../core/cdk';
import { Instance as InstanceV3 } from '../../generated/providers/lxd/instance';
import { Network as NetworkV3 } from '../../generated/providers/lxd/network';
import { Profile as ProfileV3 } from '../../generated/providers/lxd/profile';
import { StoragePool as StoragePoolV3 } from '../../generated/providers/lxd/storage-pool';
import { Instance as InstanceV2 } from '../../generated/providers/lxd-v2/instance';
import { Network as NetworkV2 } from '../../generated/providers/lxd-v2/network';
import { Profile as ProfileV2 } from '../../generated/providers/lxd-v2/profile';
import { StoragePool as StoragePoolV2 } from '../../generated/providers/lxd-v2/storage-pool';
import { ConfigMap, InstanceModel, NetworkModel, ProfileModel, StoragePoolModel } from '../../src/lxd/model';
import { incusInstance, incusNetwork, incusProfile, incusStoragePool } from './incus-provider';
import { deviceBlocks, globalKeys, lazy, lazyMap, memberOverrides, perMemberResources } from './provider-values';
import { ClusterMembers, ProviderTarget } from './provider-target';

export { deviceBlocks } from './provider-values';

export type { ClusterMembers, ProviderTarget } from './provider-target';

/**
 * Native terraform-lxd/lxd resources for the library's LXD models. Values are lazy, so
 * leases and devices added after construction are included, exactly as in the cli rendering.
 */

/** Splits `limits.*` keys out of an instance config (provider v2 takes them as `limits`). */
export function splitLimits(config: ConfigMap): { limits: Record<string, string>; rest: Record<string, string> } {
  const limits: Record<string, string> = {};
  const rest: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) {
    if (k.startsWith('limits.')) limits[k.slice('limits.'.length)] = v;
    else rest[k] = v;
  }
  return { limits, rest };
}

/**
 * `lxd_storage_pool`; provider v2 takes `source` as an attribute, not a config key. On a cluster:
 * v3 is one resource, the member-specific keys in `config` for every member and `perMember` as
 * `member_overrides`; v2 defines the pool on each member (`target`) and then cluster-wide.
 */
export function storagePoolResource(
  scope: Construct,
  id: string,
  t: ProviderTarget,
  model: () => StoragePoolModel,
  cluster?: ClusterMembers,
): TerraformResource | TerraformResource[] {
  if (t.backend === 'incus') return incusStoragePool(scope, id, t, model, cluster);
  const base = { name: model().name, driver: model().driver, remote: t.remote, dependsOn: t.dependsOn };
  if (t.version === 'v3') {
    return new StoragePoolV3(scope, id, {
      ...base,
      config: lazyMap(() => model().config),
      description: model().description || undefined,
      memberOverrides: cluster ? memberOverrides(cluster) : undefined,
    });
  }
  const v2 = (rid: string, config: () => ConfigMap, extra: Record<string, unknown>) =>
    new StoragePoolV2(scope, rid, {
      ...base,
      ...extra,
      source: config().source,
      config: lazyMap(() => {
        const { source: _s, ...rest } = config();
        return rest;
      }),
    });
  if (!cluster) return v2(id, () => model().config, {});
  return perMemberResources(id, t, cluster, (rid, member, dependsOn) =>
    member
      ? v2(rid, member.config, { target: member.name, dependsOn })
      : v2(rid, () => globalKeys(model().config, cluster), {
          dependsOn,
          description: model().description || undefined,
        }),
  );
}

/**
 * `lxd_network` of type bridge. On a cluster: v3 is one resource with `member_overrides`; v2 defines
 * the network on each member (`target`, its member-specific keys) and then cluster-wide.
 */
export function networkResource(
  scope: Construct,
  id: string,
  t: ProviderTarget,
  model: () => NetworkModel,
  cluster?: ClusterMembers,
): TerraformResource | TerraformResource[] {
  if (t.backend === 'incus') return incusNetwork(scope, id, t, model, cluster);
  const props = {
    name: model().name,
    type: model().type,
    remote: t.remote,
    dependsOn: t.dependsOn,
    config: lazyMap(() => model().config),
    description: lazy(() => model().description || undefined),
  };
  if (t.version === 'v3')
    return new NetworkV3(scope, id, { ...props, memberOverrides: cluster ? memberOverrides(cluster) : undefined });
  if (!cluster) return new NetworkV2(scope, id, props);
  return perMemberResources(id, t, cluster, (rid, member, dependsOn) =>
    member
      ? new NetworkV2(scope, rid, {
          ...props,
          dependsOn,
          target: member.name,
          config: lazyMap(member.config),
          description: undefined,
        })
      : new NetworkV2(scope, rid, { ...props, dependsOn, config: lazyMap(() => globalKeys(model().config, cluster)) }),
  );
}

/** `lxd_profile` with `device` blocks. */
export function profileResource(
  scope: Construct,
  id: string,
  t: ProviderTarget,
  model: () => ProfileModel,
): TerraformResource {
  if (t.backend === 'incus') return incusProfile(scope, id, t, model);
  const props = {
    name: model().name,
    remote: t.remote,
    dependsOn: t.dependsOn,
    config: lazyMap(() => model().config),
    device: lazy(() => deviceBlocks(model().devices)),
    description: lazy(() => model().description || undefined),
  };
  return t.version === 'v3' ? new ProfileV3(scope, id, props) : new ProfileV2(scope, id, props);
}

/**
 * `lxd_instance` (a container): limits in `config` for v3, in `limits` for v2. A cluster member
 * goes to `target`; a change of it is an in-place update that moves the container there with its
 * data (the provider stops it, moves it and starts it again: `allow_restart`).
 */
export function instanceResource(
  scope: Construct,
  id: string,
  t: ProviderTarget,
  model: () => InstanceModel,
  waitForAddress: boolean,
): TerraformResource {
  if (t.backend === 'incus') return incusInstance(scope, id, t, model, waitForAddress);
  const target = model().target;
  const base = {
    name: model().name,
    image: model().image,
    type: 'container',
    remote: t.remote,
    dependsOn: t.dependsOn,
    profiles: lazy(() => model().profiles),
    running: lazy(() => model().state === 'running'),
    device: lazy(() => deviceBlocks(model().devices)),
    description: lazy(() => model().description || undefined),
    target,
    allowRestart: target === undefined ? undefined : true,
  };
  if (t.version === 'v3') {
    return new InstanceV3(scope, id, {
      ...base,
      config: lazyMap(() => model().config),
      waitFor: waitForAddress ? [{ type: 'ipv4' }] : undefined,
    });
  }
  return new InstanceV2(scope, id, {
    ...base,
    config: lazyMap(() => splitLimits(model().config).rest),
    limits: lazyMap(() => splitLimits(model().config).limits),
    waitForNetwork: waitForAddress,
  });
}
