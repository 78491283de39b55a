import { IConstruct } from 'constructs';
import { checkConfigKey, checkConfigValue, checkDeviceName } from '../../src/lxd/names';
import { ConfigMap, DeviceMap } from '../../src/lxd/model';
import { assertValid, Problem } from '../../src/validation/errors';
import { hostLabel, IHost, sameHost } from '../hosts/host';
import { readProps } from '../core/input';

/** Something that lives on a host. */
export interface IOnHost extends IConstruct {
  /** The host it lives on. */
  readonly host: IHost;
}

/** Validates a config map's keys and values at once. */
export function assertConfig(path: string, property: string, config: ConfigMap | undefined): void {
  for (const [k, v] of Object.entries(config ?? {})) {
    assertValid(path, `${property}.${k}`, k, checkConfigKey(k));
    assertValid(path, `${property}.${k}`, v, checkConfigValue(v));
  }
}

/** Validates a device map: names, a `type` on each device, string values. */
export function assertDevices(path: string, property: string, devices: DeviceMap | undefined): void {
  for (const [name, device] of Object.entries(devices ?? {})) {
    assertValid(path, `${property}.${name}`, name, checkDeviceName(name));
    assertValid(path, `${property}.${name}.type`, device.type, typeof device.type === 'string' && device.type
      ? undefined : { reason: 'every device needs a type', fix: 'add type: "nic", "disk", "proxy", ...' });
    for (const v of Object.values(device)) assertValid(path, `${property}.${name}`, v, checkConfigValue(v));
  }
}

/** Adds a validated device to `devices`, refusing a second device of the same name. */
export function addDeviceTo(path: string, devices: Record<string, ConfigMap>, name: string, device: ConfigMap): void {
  name = readProps(path, name, 'devices');
  device = readProps(path, device, `devices.${name}`);
  assertDevices(path, 'devices', { [name]: device });
  assertValid(path, `devices.${name}`, name, devices[name] ? { reason: 'the device already exists', fix: 'use another name' } : undefined);
  devices[name] = device;
}

/** A problem when `ref` lives on another host than `owner`. */
export function crossHostProblem(owner: IOnHost, property: string, ref: IOnHost): Problem | undefined {
  if (sameHost(owner.host, ref.host)) return undefined;
  return {
    path: owner.node.path, property, value: ref.node.path,
    reason: `it is on ${hostLabel(ref.host)}, not on ${hostLabel(owner.host)}`,
    fix: 'reference an object declared on the same host, or import it there with fromName()',
  };
}

/** `model` with `extra` merged into its config (e.g. the ownership keys). */
export function withConfig<T extends { readonly config: ConfigMap }>(model: T, extra: ConfigMap): T {
  return { ...model, config: { ...model.config, ...extra } };
}

/** Converts booleans and numbers of typed props to LXD's string values, dropping undefined. */
export function stringValues(o: Readonly<Record<string, string | number | boolean | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
}
