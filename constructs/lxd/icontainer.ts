import { ITerraformDependable } from '../core/cdk';
import { IOnHost } from '../core/host';

/** A container, declared or pre-existing. */
export interface IContainer extends IOnHost {
  /** The container's instance name in LXD. */
  readonly containerName: string;
  /** What a user of the container must depend on. */
  readonly ready: ITerraformDependable[];
}
