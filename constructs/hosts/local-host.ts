import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { HostRunner } from '../../src/hosts/runner';
import { HostBase } from './host';

/** Props of {@link LocalHost}. */
export interface LocalHostProps {
  /** Run the commands with sudo. @default false */
  readonly sudo?: boolean;
}

/** The machine that runs terraform: commands run there directly. */
export class LocalHost extends HostBase {
  public readonly runner: HostRunner;
  public readonly ready: ITerraformDependable[] = [];

  constructor(scope: Construct, id: string, props: LocalHostProps = {}) {
    super(scope, id);
    this.runner = { kind: 'local', sudo: props.sudo ?? false };
  }
}
