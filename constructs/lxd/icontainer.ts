import { ITerraformDependable } from '../core/cdk';
import { IOnHost } from './common';

/** A container, declared or pre-existing. */
export interface IContainer extends IOnHost {
  readonly containerName: string;
  readonly ready: ITerraformDependable[];
}
