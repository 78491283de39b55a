import { ITerraformDependable } from '../core/cdk';
import { BackendName } from '../../src/lxd/backend';
import { LxdProviderVersion } from '../core/stack-settings';

/** Where a resource goes: its remote, the provider version, and what it waits for. */
export interface ProviderTarget {
  readonly remote: string;
  readonly version: LxdProviderVersion;
  /** `incus`: the lxc/incus provider's resources. */
  readonly backend: BackendName;
  readonly dependsOn: ITerraformDependable[];
}
