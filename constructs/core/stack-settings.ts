import { IConstruct } from 'constructs';
import { TerraformStack } from './cdk';

/** Which Terraform resource carries the local-exec provisioners. */
export type CommandResourceKind = 'terraform_data' | 'null_resource';

/**
 * How objects become Terraform resources: `cli` runs idempotent scripts through the host
 * (terraform_data + local-exec, no provider download); `provider` emits native
 * terraform-lxd/lxd, poseidon/matchbox and larstobi/multipass resources.
 */
export type Rendering = 'cli' | 'provider';

/** Target version of terraform-lxd/lxd for `provider` rendering. */
export type LxdProviderVersion = 'v3' | 'v2';

/** The settings constructs read from their stack. */
export interface LabSettings {
  /** The resource type that runs commands: `terraform_data` or `null_resource`. */
  readonly commandResource: CommandResourceKind;
  /** How LXD objects are rendered: `cli` scripts or native `provider` resources. */
  readonly rendering: Rendering;
  /** The LXD Terraform provider version targeted by `provider` rendering. */
  readonly lxdProviderVersion: LxdProviderVersion;
}

/** The settings of a stack that is not a LabStack. */
export const DEFAULT_SETTINGS: LabSettings = {
  commandResource: 'terraform_data',
  rendering: 'cli',
  lxdProviderVersion: 'v3',
};

/** What a LabStack tells the constructs in it. */
interface StackContext {
  readonly settings: LabSettings;
  readonly ownerId: string;
}

const CONTEXTS = new WeakMap<IConstruct, StackContext>();

/** Called by LabStack: the settings and owner its constructs read. */
export function bindStackContext(stack: TerraformStack, context: StackContext): void {
  CONTEXTS.set(stack, context);
}

/** True when `stack` is a LabStack (it bound a context). */
export function isLabStackScope(stack: IConstruct): boolean {
  return CONTEXTS.has(stack);
}

/** The lab settings in force for `scope` (defaults outside a LabStack). */
export function settingsOf(scope: IConstruct): LabSettings {
  return CONTEXTS.get(TerraformStack.of(scope))?.settings ?? DEFAULT_SETTINGS;
}

/** The owner ids of every stack of `scope`'s app (read once the app is complete). */
export function appOwners(scope: IConstruct): string[] {
  const root = scope.node.root;
  let owners = APP_OWNERS.get(root);
  if (!owners) {
    owners = [
      ...new Set(
        root.node
          .findAll()
          .filter(TerraformStack.isStack)
          .map((s) => ownerOf(s)),
      ),
    ].sort();
    APP_OWNERS.set(root, owners);
  }
  return owners;
}
const APP_OWNERS = new WeakMap<IConstruct, string[]>();

/** The owner id of the objects `scope`'s stack creates (the stack id outside a LabStack). */
export function ownerOf(scope: IConstruct): string {
  const stack = TerraformStack.of(scope);
  return CONTEXTS.get(stack)?.ownerId ?? stack.node.id;
}
