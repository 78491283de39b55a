import { Lazy, TerraformResource } from '../core/cdk';
import { ClusterMembers, ProviderTarget } from './provider-target';
import { ConfigMap, DeviceMap } from '../../src/lxd/model';
import { sortedMap } from '../../src/util/objects';

/* Values of native provider resources, shared by the LXD and Incus renderers: lazy, so what is added after construction is included. */

export const lazy = <T>(produce: () => T) => Lazy.anyValue({ produce }) as never;
/** A lazy map that is left out when empty. */
export const lazyMap = (produce: () => Readonly<Record<string, string>>) =>
  lazy(() => {
    const m = produce();
    return Object.keys(m).length ? m : undefined;
  });

/** Device map -> `device` blocks (`name`, `type`, `properties`). */
export function deviceBlocks(devices: DeviceMap): { name: string; type: string; properties: Record<string, string> }[] {
  return Object.keys(devices)
    .sort()
    .map((name) => {
      const { type, ...properties } = devices[name];
      return { name, type, properties: sortedMap(properties) };
    });
}

/** `config` without the keys each cluster member has its own value of (they go to the per-member resources). */
export const globalKeys = (config: ConfigMap, cluster: ClusterMembers): Record<string, string> =>
  Object.fromEntries(Object.entries(config).filter(([k]) => !cluster.memberKeys.includes(k)));

/** terraform-lxd v3's `member_overrides`: the declared `perMember` keys, by member (left out when none). */
export const memberOverrides = (cluster: ClusterMembers) =>
  lazy(() => {
    const o = Object.entries(cluster.overrides)
      .filter(([, c]) => Object.keys(c).length)
      .map(([m, c]) => [m, { config: sortedMap(c) }]);
    return o.length ? Object.fromEntries(o) : undefined;
  });

/**
 * A pool or network of a cluster the way terraform-lxd v2 and lxc/incus create one: a resource per
 * member (`target`, the member's own keys), then the cluster-wide resource (`make(id, undefined)`),
 * which waits for them; destroying the cluster-wide one removes the member ones with it (the provider
 * ignores their "not found"). The cluster-wide resource is last.
 */
export function perMemberResources(
  id: string,
  t: ProviderTarget,
  cluster: ClusterMembers,
  make: (
    id: string,
    member: { readonly name: string; readonly config: () => ConfigMap } | undefined,
    dependsOn: ProviderTarget['dependsOn'],
  ) => TerraformResource,
): TerraformResource[] {
  const parts = cluster.memberNames.map((name, i) =>
    make(`${id}-${name}`, { name, config: () => cluster.members()[i].config }, t.dependsOn),
  );
  return [...parts, make(id, undefined, [...t.dependsOn, ...parts])];
}
