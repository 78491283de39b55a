import { IConstruct } from 'constructs';
import { Lazy, TerraformStack } from '../core/cdk';
import { LxdProvider as LxdProviderV3 } from '../../generated/providers/lxd/provider';
import { LxdProvider as LxdProviderV2 } from '../../generated/providers/lxd-v2/provider';
import { checkRemoteAddress, LxdRemote, parseRemoteAddress } from '../../src/hosts/lxd-remote';
import { remoteName } from '../../src/util/names';
import { check, Check, checkRequired, shown } from '../../src/validation/props';
import { refused } from '../../src/validation/rule';
import { LxdProviderVersion } from '../core/stack-settings';

interface Registry {
  readonly remotes: Map<string, LxdRemote>;
}
const REGISTRIES = new WeakMap<TerraformStack, Registry>();

/**
 * Returns the remote name for `hostId` in the stack's single `lxd` provider, adding the
 * provider (with a lazily rendered `remote` list) on first use.
 */
export function lxdRemoteName(
  scope: IConstruct,
  hostId: string,
  remote: LxdRemote,
  version: LxdProviderVersion,
): string {
  const stack = TerraformStack.of(scope);
  let registry = REGISTRIES.get(stack);
  if (!registry) {
    const reg: Registry = { remotes: new Map() };
    registry = reg;
    REGISTRIES.set(stack, reg);
    const remotes = Lazy.anyValue({
      produce: () => [...reg.remotes].map(([name, r]) => remoteBlock(name, r, version)),
    });
    if (version === 'v3') new LxdProviderV3(stack, 'lxd', { remote: remotes as never });
    else
      new LxdProviderV2(stack, 'lxd', {
        remote: remotes as never,
        acceptRemoteCertificate: true,
        generateClientCertificates: true,
      });
  }
  const name = remoteName(hostId);
  registry.remotes.set(name, remote);
  return name;
}

/** The checks of a host's remote for the provider `version`: v3 has no trust passwords, v2 takes the address in parts. */
export function lxdRemoteChecks(r: LxdRemote, version: LxdProviderVersion): Check[] {
  return version === 'v3'
    ? [
        shown(
          check(
            'lxdRemote.password',
            r.password,
            refused(
              'provider v3 has no trust passwords',
              'use trustToken or clientCertificate/clientKey, or lxdProviderVersion v2',
            ),
          ),
          '(secret)',
        ),
      ]
    : [checkRequired('lxdRemote.address', r.address, checkRemoteAddress)];
}

/** One `remote` block, in the target version's attribute names (the remote checked: {@link lxdRemoteChecks}). */
function remoteBlock(name: string, r: LxdRemote, version: LxdProviderVersion): Record<string, unknown> {
  if (version === 'v3') {
    return compactBlock({
      name,
      address: r.address,
      trust_token: r.trustToken,
      client_certificate: r.clientCertificate,
      client_key: r.clientKey,
      server_certificate_fingerprint: r.serverCertificateFingerprint,
    });
  }
  return compactBlock({ name, ...parseRemoteAddress(r.address), password: r.password, token: r.trustToken });
}

function compactBlock(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
}
