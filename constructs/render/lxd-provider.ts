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
import { deviceBlocks, lazy, lazyMap } from './provider-values';
import { ProviderTarget } from './provider-target';

export { deviceBlocks } from './provider-values';

export type { ProviderTarget } from './provider-target';

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

/** `lxd_storage_pool`; provider v2 takes `source` as an attribute, not a config key. */
export function storagePoolResource(scope: Construct, id: string, t: ProviderTarget, model: () => StoragePoolModel): TerraformResource {
  if (t.backend === 'incus') return incusStoragePool(scope, id, t, model);
  const base = { name: model().name, driver: model().driver, remote: t.remote, dependsOn: t.dependsOn };
  if (t.version === 'v3') return new StoragePoolV3(scope, id, { ...base, config: lazyMap(() => model().config), description: model().description || undefined });
  const { source, ...config } = model().config;
  return new StoragePoolV2(scope, id, { ...base, source, config: lazyMap(() => config) });
}

/** `lxd_network` of type bridge. */
export function networkResource(scope: Construct, id: string, t: ProviderTarget, model: () => NetworkModel): TerraformResource {
  if (t.backend === 'incus') return incusNetwork(scope, id, t, model);
  const props = {
    name: model().name, type: model().type, remote: t.remote, dependsOn: t.dependsOn,
    config: lazyMap(() => model().config), description: lazy(() => model().description || undefined),
  };
  return t.version === 'v3' ? new NetworkV3(scope, id, props) : new NetworkV2(scope, id, props);
}

/** `lxd_profile` with `device` blocks. */
export function profileResource(scope: Construct, id: string, t: ProviderTarget, model: () => ProfileModel): TerraformResource {
  if (t.backend === 'incus') return incusProfile(scope, id, t, model);
  const props = {
    name: model().name, remote: t.remote, dependsOn: t.dependsOn,
    config: lazyMap(() => model().config), device: lazy(() => deviceBlocks(model().devices)),
    description: lazy(() => model().description || undefined),
  };
  return t.version === 'v3' ? new ProfileV3(scope, id, props) : new ProfileV2(scope, id, props);
}

/** `lxd_instance` (a container): limits in `config` for v3, in `limits` for v2. */
export function instanceResource(scope: Construct, id: string, t: ProviderTarget, model: () => InstanceModel, waitForAddress: boolean): TerraformResource {
  if (t.backend === 'incus') return incusInstance(scope, id, t, model, waitForAddress);
  const base = {
    name: model().name, image: model().image, type: 'container', remote: t.remote, dependsOn: t.dependsOn,
    profiles: lazy(() => model().profiles), running: lazy(() => model().state === 'running'),
    device: lazy(() => deviceBlocks(model().devices)), description: lazy(() => model().description || undefined),
  };
  if (t.version === 'v3') {
    return new InstanceV3(scope, id, { ...base, config: lazyMap(() => model().config), waitFor: waitForAddress ? [{ type: 'ipv4' }] : undefined });
  }
  return new InstanceV2(scope, id, {
    ...base, config: lazyMap(() => splitLimits(model().config).rest), limits: lazyMap(() => splitLimits(model().config).limits),
    waitForNetwork: waitForAddress,
  });
}
