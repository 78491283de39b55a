import { IConstruct } from 'constructs';
import { Lazy, TerraformStack } from '../core/cdk';
import { LxdProvider as LxdProviderV3 } from '../../generated/providers/lxd/provider';
import { LxdProvider as LxdProviderV2 } from '../../generated/providers/lxd-v2/provider';
import { LxdRemote, parseRemoteAddress } from '../../src/hosts/lxd-remote';
import { remoteName } from '../../src/util/names';
import { ValidationError } from '../../src/validation/errors';
import { LxdProviderVersion } from '../core/stack-settings';

interface Registry {
  readonly remotes: Map<string, LxdRemote>;
}
const REGISTRIES = new WeakMap<TerraformStack, Registry>();

/**
 * Returns the remote name for `hostId` in the stack's single `lxd` provider, adding the
 * provider (with a lazily rendered `remote` list) on first use.
 */
export function lxdRemoteName(scope: IConstruct, hostId: string, remote: LxdRemote, version: LxdProviderVersion): string {
  const stack = TerraformStack.of(scope);
  let registry = REGISTRIES.get(stack);
  if (!registry) {
    const reg: Registry = { remotes: new Map() };
    registry = reg;
    REGISTRIES.set(stack, reg);
    const remotes = Lazy.anyValue({ produce: () => [...reg.remotes].map(([name, r]) => remoteBlock(name, r, version)) });
    if (version === 'v3') new LxdProviderV3(stack, 'lxd', { remote: remotes as never });
    else new LxdProviderV2(stack, 'lxd', { remote: remotes as never, acceptRemoteCertificate: true, generateClientCertificates: true });
  }
  const name = remoteName(hostId);
  registry.remotes.set(name, remote);
  return name;
}

/** One `remote` block, in the target version's attribute names. */
function remoteBlock(name: string, r: LxdRemote, version: LxdProviderVersion): Record<string, unknown> {
  if (version === 'v3') {
    if (r.password !== undefined) {
      throw new ValidationError([{ path: name, property: 'lxdRemote.password', value: '(secret)', reason: 'provider v3 has no trust passwords', fix: 'use trustToken or clientCertificate/clientKey, or lxdProviderVersion v2' }]);
    }
    return compactBlock({
      name, address: r.address, trust_token: r.trustToken, client_certificate: r.clientCertificate,
      client_key: r.clientKey, server_certificate_fingerprint: r.serverCertificateFingerprint,
    });
  }
  const address = parseRemoteAddress(r.address);
  if (!address) {
    throw new ValidationError([{ path: name, property: 'lxdRemote.address', value: r.address, reason: 'not an https:// or unix:// address', fix: 'use e.g. https://10.0.0.5:8443' }]);
  }
  return compactBlock({ name, ...address, password: r.password, token: r.trustToken });
}

function compactBlock(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
}
