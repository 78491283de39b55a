/**
 * The daemon behind a host: LXD, or Incus (the Linux Containers fork). Both speak the same REST
 * API and keep the same object model; their command-line tools and image remotes differ.
 */
import { shq } from '../shell/quote';
import { Verdict } from '../validation/errors';
import { Rule } from '../validation/rule';

/** Which daemon a host runs. */
export type BackendName = 'lxd' | 'incus';

/** What the scripts of a backend call. */
export interface BackendSpec {
  readonly name: BackendName;
  /** The client: `lxc` or `incus`. */
  readonly client: string;
  /** The daemon's init command: `lxd init` or `incus admin init`. */
  readonly init: string;
  /** The remote of default images: `ubuntu` (LXD) or `images` (Incus). */
  readonly defaultImageRemote: string;
  /** Image remotes the backend's client knows out of the box. */
  readonly knownRemotes: string[];
}

export const LXD_BACKEND: BackendSpec = {
  name: 'lxd',
  client: 'lxc',
  init: 'lxd init',
  defaultImageRemote: 'ubuntu',
  knownRemotes: ['local', 'images', 'ubuntu', 'ubuntu-daily', 'ubuntu-minimal'],
};

export const INCUS_BACKEND: BackendSpec = {
  // Incus 6.0 and 7.0 ship `images` and `local` only; OCI registries are remotes a user adds
  // (`incus remote add oci-docker https://docker.io --protocol=oci`, as Incus's documentation names them).
  name: 'incus',
  client: 'incus',
  init: 'incus admin init',
  defaultImageRemote: 'images',
  knownRemotes: ['local', 'images'],
};

/** The spec of a backend by name. */
export function backendSpec(name: BackendName = 'lxd'): BackendSpec {
  return name === 'incus' ? INCUS_BACKEND : LXD_BACKEND;
}

/** An image reference's remote (`ubuntu` of `ubuntu:22.04`), or undefined for a local alias. */
function remoteOf(image: string): string | undefined {
  const i = image.indexOf(':');
  return i > 0 ? image.slice(0, i) : undefined;
}

/** Remotes one backend's client knows (or, for OCI registries, can add) and the other's does not. */
const ONLY: Record<BackendName, readonly string[]> = {
  lxd: ['ubuntu', 'ubuntu-daily', 'ubuntu-minimal', 'ubuntu-minimal-daily'],
  incus: ['oci-docker', 'oci-ghcr'],
};

/** Rule: an image whose remote the host's backend has (Incus has no `ubuntu:`). */
export function imageRemote(b: BackendSpec): Rule<string> {
  return (image) => {
    const remote = remoteOf(image);
    const other: BackendName = b.name === 'lxd' ? 'incus' : 'lxd';
    if (remote === undefined || !ONLY[other].includes(remote)) return undefined;
    return b.name === 'incus'
      ? {
          reason: `Incus has no ${remote}: remote (it is Canonical's image server for LXD)`,
          fix: `use the images: remote, e.g. images:ubuntu/22.04/cloud`,
        }
      : {
          reason: `LXD has no ${remote}: remote (it comes with Incus)`,
          fix: "use an LXD remote such as ubuntu: or images:, or set backend: 'incus' on the host",
        };
  };
}

/** A config key or value the backend rejects: Incus has no trust password and no fan bridges. */
export function checkBackendConfig(key: string, value: string, b: BackendSpec): Verdict | undefined {
  if (b.name !== 'incus') return undefined;
  if (key === 'core.trust_password') {
    return {
      reason: 'Incus has no trust password',
      fix: 'trust clients with a token instead (incus config trust add), or drop the key',
    };
  }
  if (key === 'bridge.mode' && value === 'fan') {
    return { reason: 'Incus has no fan bridges', fix: 'use a standard bridge (drop bridge.mode), or an OVN network' };
  }
  return undefined;
}

/** Rule: the value of config key `key` is one backend `b` takes (see {@link checkBackendConfig}). */
export function backendConfig(key: string, b: BackendSpec): Rule<string> {
  return (value) => checkBackendConfig(key, value, b);
}

/**
 * `image set-property ALIAS KEY VALUE`. Incus 7 reads `KEY=VALUE` (its `KEY VALUE` form still works,
 * with a deprecation warning) and Incus 6.0 only `KEY VALUE`: on Incus the first is tried, then the
 * second. LXD (5.0 to 6.x) takes `KEY VALUE` only.
 */
export function imageSetProperty(b: BackendSpec, alias: string, key: string, value: string): string {
  const legacy = `${b.client} image set-property ${shq(alias)} ${shq(key)} ${shq(value)}`;
  return b.name === 'incus'
    ? `{ ${b.client} image set-property ${shq(alias)} ${shq(`${key}=${value}`)} 2>/dev/null || ${legacy}; }`
    : legacy;
}
