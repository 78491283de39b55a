import { Construct, IConstruct } from 'constructs';
import { App, assertSameCore, LocalBackend, TerraformBackend, TerraformStack } from './cdk';
import { checkOwnerId } from '../../src/lifecycle/scripts';
import { assertValid, formatProblem, Problem, ValidationError } from '../../src/validation/errors';

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

const DEFAULT_SETTINGS: LabSettings = { commandResource: 'terraform_data', rendering: 'cli', lxdProviderVersion: 'v3' };

/** Props of {@link LabStack}. */
export interface LabStackProps {
  /**
   * `terraform_data` is built into Terraform >= 1.4 and OpenTofu and needs no provider
   * download; `null_resource` uses hashicorp/null.
   * @default 'terraform_data'
   */
  readonly commandResource?: CommandResourceKind;
  /**
   * Local state file, relative to the stack's working directory
   * (`cdktf.out/stacks/<stack>`). Ignored when the stack declares its own backend.
   * @default '../../../terraform.<stack>.tfstate' (next to cdktf.json)
   */
  readonly localStatePath?: string;
  /** How LXD objects are rendered: `cli` (command scripts) or `provider` (native LXD provider resources). @default 'cli' */
  readonly rendering?: Rendering;
  /** `limits.*` go to `config` in v3 and to the `limits` map in v2. @default 'v3' */
  readonly lxdProviderVersion?: LxdProviderVersion;
  /**
   * The owner written on every object the stack creates (`user.cdktf.owner`, record files).
   * A deploy deletes objects of this owner that the stack no longer declares, so two stacks
   * (even of different apps) on one host need different owner ids.
   * @default - the stack id
   */
  readonly ownerId?: string;
}

const LAB_STACK = Symbol.for('cdktf-lxd-matchbox.LabStack');

/** Run for every new LabStack: how other modules add what each stack has (without an import cycle). */
const STACK_HOOKS: ((stack: LabStack) => void)[] = [];

/** Registers `hook` to run at the end of every LabStack's constructor. */
export function onLabStack(hook: (stack: LabStack) => void): void {
  STACK_HOOKS.push(hook);
}

/**
 * A TerraformStack for lab environments. It validates every construct of the
 * whole app before any stack is written, keeps local state at a relative path,
 * and names the owner of the objects it creates (see {@link LabStackProps.ownerId}).
 */
export class LabStack extends TerraformStack {
  /** The lab settings in force for `scope` (defaults outside a LabStack). */
  public static settingsOf(scope: IConstruct): LabSettings {
    const stack = TerraformStack.of(scope);
    return LabStack.isLabStack(stack) ? stack.settings : DEFAULT_SETTINGS;
  }

  /** True when `x` is a LabStack. */
  public static isLabStack(x: unknown): x is LabStack {
    return typeof x === 'object' && x !== null && LAB_STACK in x;
  }

  /** The owner id of the objects `scope`'s stack creates (the stack id outside a LabStack). */
  public static ownerOf(scope: IConstruct): string {
    const stack = TerraformStack.of(scope);
    return LabStack.isLabStack(stack) ? stack.ownerId : stack.node.id;
  }

  /** The settings constructs in this stack read, defaults filled in. */
  public readonly settings: LabSettings;
  /** The owner written on the stack's objects. */
  public readonly ownerId: string;
  private readonly localStatePath: string;

  constructor(scope: Construct, id: string, props: LabStackProps = {}) {
    super(scope, id);
    assertSameCore(this, `LabStack '${id}'`);
    Object.defineProperty(this, LAB_STACK, { value: true });
    this.settings = {
      commandResource: props.commandResource ?? DEFAULT_SETTINGS.commandResource,
      rendering: props.rendering ?? DEFAULT_SETTINGS.rendering,
      lxdProviderVersion: props.lxdProviderVersion ?? DEFAULT_SETTINGS.lxdProviderVersion,
    };
    this.localStatePath = props.localStatePath ?? `../../../terraform.${id}.tfstate`;
    this.ownerId = props.ownerId ?? id;
    assertValid(this.node.path, 'ownerId', this.ownerId, checkOwnerId(this.ownerId));
    for (const hook of STACK_HOOKS) hook(this);
  }

  /** Uses a relative local state path unless the stack declares a backend. */
  public ensureBackendExists(): TerraformBackend {
    const backends = this.node.findAll().filter(TerraformBackend.isBackend);
    return backends[0] ?? new LocalBackend(this, { path: this.localStatePath });
  }

  /**
   * Also runs the structured cross-object checks (duplicate names, addresses, cross-host
   * references) when a single stack is validated, e.g. by `Testing.synth(stack, true)`.
   */
  public runAllValidations(): void {
    if (!VALIDATED.has(App.of(this))) validateTree(this);
    super.runAllValidations();
  }

  /** Validates the whole app once, first, so a bad input in any stack writes no stack at all. */
  public prepareStack(): void {
    const app = App.of(this);
    if (!VALIDATED.has(app)) {
      validateTree(app);
      VALIDATED.add(app);
    }
    super.prepareStack();
  }
}

/** Apps whose whole tree was validated by the first stack's prepareStack (one pass, not one per stack). */
const VALIDATED = new WeakSet<IConstruct>();

/** Collects every validation problem under `root` and throws them together. */
export function validateTree(root: IConstruct): void {
  const problems: Problem[] = [];
  const messages: string[] = [];
  for (const c of root.node.findAll()) {
    for (const v of c.node.validate()) {
      messages.push(v.startsWith('[') ? v : `[${c.node.path}] ${v}`);
    }
    const collector = (c as Partial<ProblemSource>).collectProblems;
    if (typeof collector === 'function') problems.push(...collector.call(c));
  }
  if (problems.length) throw new ValidationError(problems);
  if (messages.length) throw new Error(`Validation failed; nothing was synthesized:\n  ${messages.join('\n  ')}`);
}

/** A construct that reports structured problems (cross-object checks run at synth). */
export interface ProblemSource {
  collectProblems(): Problem[];
}

/** Adds `source`'s structured problems as a cdktf validation, so plain TerraformStacks check them too. */
export function registerProblems(construct: Construct & ProblemSource): void {
  construct.node.addValidation({
    validate: () => (LabStack.isLabStack(TerraformStack.of(construct)) ? [] : construct.collectProblems().map(formatProblem)),
  });
}
