import { checkDeviceType } from '../../../src/lxd/devices';
import { checkConfigKey, checkConfigValue, checkDeviceName } from '../../../src/lxd/names';
import { ConfigMap, DeviceMap } from '../../../src/lxd/model';
import { Problem } from '../../../src/validation/errors';
import { Check, checkProps, checkRequired } from '../../../src/validation/props';
import { ensure } from '../../../src/validation/rule';
import { hostLabel, IOnHost, sameHost } from '../../core/host';
import { readProps } from '../../core/input';

/** Checks of a config map's keys and values. */
export function configChecks(property: string, config: ConfigMap | undefined): Check[] {
  return Object.entries(config ?? {}).flatMap(([k, v]) => [
    checkRequired(`${property}.${k}`, k, checkConfigKey),
    checkRequired(`${property}.${k}`, v, checkConfigValue),
  ]);
}

/** Checks of a device map: names, a `type` on each device, string values. */
export function deviceChecks(property: string, devices: DeviceMap | undefined): Check[] {
  return Object.entries(devices ?? {}).flatMap(([name, device]) => [
    checkRequired(`${property}.${name}`, name, checkDeviceName),
    checkRequired(`${property}.${name}.type`, device.type, checkDeviceType),
    ...Object.values(device).map((v) => checkRequired(`${property}.${name}`, v, checkConfigValue)),
  ]);
}

/** Adds a validated device to `devices`, refusing a second device of the same name. */
export function addDeviceTo(path: string, devices: Record<string, ConfigMap>, name: string, device: ConfigMap): void {
  name = readProps(path, name, 'devices');
  device = readProps(path, device, `devices.${name}`);
  checkProps(path, [
    deviceChecks('devices', { [name]: device }),
    checkRequired(`devices.${name}`, name, ensure(!devices[name], 'the device already exists', 'use another name')),
  ]);
  devices[name] = device;
}

/** A problem when `ref` lives on another host than `owner`. */
export function crossHostProblem(owner: IOnHost, property: string, ref: IOnHost): Problem | undefined {
  if (sameHost(owner.host, ref.host)) return undefined;
  return {
    path: owner.node.path,
    property,
    value: ref.node.path,
    reason: `it is on ${hostLabel(ref.host)}, not on ${hostLabel(owner.host)}`,
    fix: 'reference an object declared on the same host, or import it there with fromName()',
  };
}

/** `model` with `extra` merged into its config (e.g. the ownership keys). */
export function withConfig<T extends { readonly config: ConfigMap }>(model: T, extra: ConfigMap): T {
  return { ...model, config: { ...model.config, ...extra } };
}

/** Converts booleans and numbers of typed props to LXD's string values, dropping undefined. */
export function stringValues(
  o: Readonly<Record<string, string | number | boolean | undefined>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}
