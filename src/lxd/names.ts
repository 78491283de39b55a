import { Verdict } from '../validation/errors';

/** Rule: an instance name, which LXD requires to be a valid hostname label. */
export function checkInstanceName(value: unknown): Verdict | undefined {
  if (typeof value === 'string' && /^[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(value)) return undefined;
  return {
    reason: 'not a valid instance name',
    fix: 'use 1-63 letters, digits and hyphens, starting with a letter and not ending with a hyphen (e.g. web-1)',
  };
}

/** Rule: a network name, which becomes a Linux interface name (15 characters at most). */
export function checkNetworkName(value: unknown): Verdict | undefined {
  if (typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_.-]{0,14}$/.test(value)) return undefined;
  return {
    reason: 'not a valid network name',
    fix: 'use 1-15 letters, digits, "_", "." or "-", starting with a letter (e.g. lxdbr0)',
  };
}

/** Rule: a storage pool, profile or project name. */
export function checkObjectName(value: unknown): Verdict | undefined {
  if (typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(value)) return undefined;
  return {
    reason: 'not a valid name',
    fix: 'use 1-63 letters, digits, "_", "." or "-", starting with a letter or digit',
  };
}

/** Rule: a config key such as `limits.memory` or `user.my-key`. */
export function checkConfigKey(value: unknown): Verdict | undefined {
  if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9_.-]*$/i.test(value)) {
    return { reason: 'not a valid config key', fix: 'use dotted lower-case words such as limits.memory or user.role' };
  }
  if (/^(volatile|image)\./.test(value))
    return { reason: 'volatile.* and image.* keys are managed by LXD', fix: 'remove the key' };
  return undefined;
}

/** Rule: a device name such as `eth0`, `root` or `/etc/apt/`. */
export function checkDeviceName(value: unknown): Verdict | undefined {
  if (typeof value === 'string' && /^[A-Za-z0-9/_.-]{1,64}$/.test(value) && !value.split('/').includes('..'))
    return undefined;
  return { reason: 'not a valid device name', fix: 'use letters, digits, "/", "_", "." or "-" such as eth0 or root' };
}

/** Rule: a config value must be a string without NUL bytes. */
export function checkConfigValue(value: unknown): Verdict | undefined {
  if (typeof value === 'string' && !value.includes('\0')) return undefined;
  return {
    reason: 'config values must be strings without NUL bytes',
    fix: 'pass the value as a string, e.g. "true" or "2GiB"',
  };
}

/** Rule: an image reference `lxc init` takes: `alias`, `remote:alias` or a fingerprint. */
export function checkImageReference(value: unknown): Verdict | undefined {
  if (typeof value === 'string' && /^([A-Za-z0-9_.-]+:)?[A-Za-z0-9][A-Za-z0-9_./-]*$/.test(value)) return undefined;
  return { reason: 'not an image reference', fix: 'use alias, remote:alias or a fingerprint, e.g. ubuntu:22.04' };
}

/** A remote image `remote:alias` (`images:alpine/3.19`) split in two, or undefined. */
export function parseImageSource(value: unknown): { readonly remote: string; readonly name: string } | undefined {
  const m = typeof value === 'string' ? /^([A-Za-z0-9_.-]+):([A-Za-z0-9][A-Za-z0-9_./-]*)$/.exec(value) : null;
  return m ? { remote: m[1], name: m[2] } : undefined;
}

/** Rule: a remote image `remote:alias`, e.g. `ubuntu:22.04` or `images:alpine/3.19`. */
export function checkImageSource(value: unknown): Verdict | undefined {
  return parseImageSource(value)
    ? undefined
    : { reason: 'not remote:alias', fix: 'use e.g. ubuntu:22.04 or images:alpine/3.19' };
}

/** Rule: a local image alias: an object name whose `/` (as in `alpine/3.19`) count as `-`. */
export function checkImageAlias(value: unknown): Verdict | undefined {
  return checkObjectName(typeof value === 'string' ? value.replace(/\//g, '-') : value);
}
