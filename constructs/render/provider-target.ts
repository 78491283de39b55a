import { ITerraformDependable } from '../core/cdk';
import { BackendName } from '../../src/lxd/backend';
import { ConfigMap, MemberObjectConfig } from '../../src/lxd/model';
import { LxdProviderVersion } from '../core/stack-settings';

/** Where a resource goes: its remote, the provider version, and what it waits for. */
export interface ProviderTarget {
  readonly remote: string;
  readonly version: LxdProviderVersion;
  /** `incus`: the lxc/incus provider's resources. */
  readonly backend: BackendName;
  readonly dependsOn: ITerraformDependable[];
}

/** A pool or network of a cluster, as its provider resources need it. */
export interface ClusterMembers {
  /** The cluster's member names, in order. */
  readonly memberNames: readonly string[];
  /** Every member's member-specific keys: the object's own, under the member's `perMember` overrides. */
  readonly members: () => MemberObjectConfig[];
  /** The `perMember` overrides as declared. */
  readonly overrides: Readonly<Record<string, ConfigMap>>;
  /** The member-specific keys of the kind (pool or network). */
  readonly memberKeys: readonly string[];
}
