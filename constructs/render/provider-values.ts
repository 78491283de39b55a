import { Lazy } from '../core/cdk';
import { DeviceMap } from '../../src/lxd/model';
import { sortedMap } from '../../src/util/objects';

/* Values of native provider resources, shared by the LXD and Incus renderers: lazy, so what is added after construction is included. */

export const lazy = <T>(produce: () => T) => Lazy.anyValue({ produce }) as never;
/** A lazy map that is left out when empty. */
export const lazyMap = (produce: () => Readonly<Record<string, string>>) =>
  lazy(() => { const m = produce(); return Object.keys(m).length ? m : undefined; });

/** Device map -> `device` blocks (`name`, `type`, `properties`). */
export function deviceBlocks(devices: DeviceMap): { name: string; type: string; properties: Record<string, string> }[] {
  return Object.keys(devices).sort().map((name) => {
    const { type, ...properties } = devices[name];
    return { name, type, properties: sortedMap(properties) };
  });
}

