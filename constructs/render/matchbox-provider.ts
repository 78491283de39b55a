import { Construct } from 'constructs';
import { ITerraformDependable, TerraformStack } from '../core/cdk';
import { Group } from '../../generated/providers/matchbox/group';
import { Profile } from '../../generated/providers/matchbox/profile';
import { MatchboxProvider } from '../../generated/providers/matchbox/provider';
import { MatchboxGroupSpec as GroupData, MatchboxProfileSpec as ProfileData } from '../../src/matchbox/model';
import { configText, rawIgnitionText } from '../../src/matchbox/render';
import { ValidationError } from '../../src/validation/errors';
import { inStackOf } from '../core/cross-stack';
import { MatchboxTarget } from './matchbox-target';

/**
 * poseidon/matchbox resources for the library's profiles and groups. The provider talks to
 * the server's gRPC API with the client credentials `MatchboxServer` outputs; the server itself
 * (binary, TLS, dnsmasq) has no provider resource and stays on the cli rendering.
 */

/** The stack's provider for `server`, created on first use (aliased when a stack has several servers). */
function providerFor(scope: Construct, server: MatchboxTarget): MatchboxProvider {
  const stack = TerraformStack.of(scope);
  const id = `matchbox-${server.node.addr.slice(0, 8)}`;
  const existing = stack.node.tryFindChild(id) as MatchboxProvider | undefined;
  if (existing) return existing;
  const others = stack.node.children.filter((c) => c instanceof MatchboxProvider).length;
  const c = server.credentials;
  return new MatchboxProvider(stack, id, {
    endpoint: c.endpoint,
    ca: c.ca,
    clientCert: c.clientCert,
    clientKey: c.clientKey,
    alias: others ? id : undefined,
  });
}

/** What the resources wait for: the server's data when it is in this stack (a cross-stack reference orders stacks otherwise). */
function waits(scope: Construct, deps: ITerraformDependable[]): ITerraformDependable[] | undefined {
  return deps.length && inStackOf(scope, deps) ? [...new Set(deps)] : undefined;
}

/** `matchbox_profile`: boot settings, raw Ignition and the generic template, after `deps` (the server's data). */
export function matchboxProfileResource(
  scope: Construct,
  server: MatchboxTarget,
  p: ProfileData,
  deps: ITerraformDependable[],
): Profile {
  if (p.cloud !== undefined) {
    throw new ValidationError([
      {
        path: scope.node.path,
        property: 'cloud',
        value: '(template)',
        reason: 'poseidon/matchbox has no Cloud-Config field',
        fix: 'use ignition or generic, or the cli rendering',
      },
    ]);
  }
  return new Profile(scope, 'resource', {
    provider: providerFor(scope, server),
    name: p.id,
    kernel: p.boot?.kernel,
    initrd: p.boot?.initrd ? [...p.boot.initrd] : undefined,
    args: p.boot?.args ? [...p.boot.args] : undefined,
    rawIgnition: p.ignition !== undefined ? rawIgnitionText(p.ignition, server.version) : undefined,
    genericConfig: p.generic !== undefined ? configText(p.generic) : undefined,
    dependsOn: waits(scope, deps),
  });
}

/** `matchbox_group`, after `deps` (the server's data and the profile); the provider takes metadata as a map of strings. */
export function matchboxGroupResource(
  scope: Construct,
  server: MatchboxTarget,
  g: GroupData,
  deps: ITerraformDependable[],
): Group {
  const metadata = g.metadata ?? {};
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string') {
      throw new ValidationError([
        {
          path: scope.node.path,
          property: `metadata.${key}`,
          value,
          reason: 'poseidon/matchbox takes metadata values as strings only',
          fix: 'pass a string (e.g. JSON.stringify the value), or use the cli rendering',
        },
      ]);
    }
  }
  return new Group(scope, 'resource', {
    provider: providerFor(scope, server),
    name: g.id,
    profile: g.profile,
    selector: g.selector && Object.keys(g.selector).length ? { ...g.selector } : undefined,
    metadata: Object.keys(metadata).length ? (metadata as Record<string, string>) : undefined,
    dependsOn: waits(scope, deps),
  });
}
