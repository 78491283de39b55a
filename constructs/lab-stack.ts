import { Construct, IConstruct } from 'constructs';
import { App, assertSameCore, LocalBackend, TerraformBackend, TerraformStack } from './core/cdk';
import { checkOwnerId } from '../src/lifecycle/scripts';
import { checkProps, checkRequired } from '../src/validation/props';
import { createRendering } from './render/rendering';
import { RenderingStrategy } from './render/rendering-strategy';
import { buildLifecycles } from './core/lifecycle';
import { exitCleanlyOnValidationError, releaseEmptyOutput, restoreOutput } from './core/failed-synth';
import { readProps } from './core/input';
import { validateTree } from './core/problems';
import {
  bindStackContext,
  CommandResourceKind,
  DEFAULT_SETTINGS,
  LabSettings,
  LxdProviderVersion,
  ownerOf,
  Rendering,
  settingsOf,
} from './core/stack-settings';

export type { CommandResourceKind, LabSettings, LxdProviderVersion, Rendering } from './core/stack-settings';

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

/**
 * A TerraformStack for lab environments. It validates every construct of the
 * whole app before any stack is written, keeps local state at a relative path,
 * and names the owner of the objects it creates (see {@link LabStackProps.ownerId}).
 */
export class LabStack extends TerraformStack {
  /** The lab settings in force for `scope` (defaults outside a LabStack). */
  public static settingsOf(scope: IConstruct): LabSettings {
    return settingsOf(scope);
  }

  /** True when `x` is a LabStack. */
  public static isLabStack(x: unknown): x is LabStack {
    return typeof x === 'object' && x !== null && LAB_STACK in x;
  }

  /** The owner id of the objects `scope`'s stack creates (the stack id outside a LabStack). */
  public static ownerOf(scope: IConstruct): string {
    return ownerOf(scope);
  }

  /** The settings constructs in this stack read, defaults filled in. */
  public readonly settings: LabSettings;
  /** The owner written on the stack's objects. */
  public readonly ownerId: string;
  /**
   * How the stack's constructs become Terraform resources (made from `rendering`).
   * @internal
   */
  public readonly _rendering: RenderingStrategy;
  private readonly localStatePath: string;

  constructor(scope: Construct, id: string, props: LabStackProps = {}) {
    super(scope, id);
    assertSameCore(this, `LabStack '${id}'`);
    Object.defineProperty(this, LAB_STACK, { value: true });
    const app = this.node.root;
    if (App.isApp(app)) {
      exitCleanlyOnValidationError(app.outdir);
      if (!VALIDATED.has(app)) releaseEmptyOutput(app.outdir);
    }
    props = readProps(this.node.path, props);
    this.settings = {
      commandResource: props.commandResource ?? DEFAULT_SETTINGS.commandResource,
      rendering: props.rendering ?? DEFAULT_SETTINGS.rendering,
      lxdProviderVersion: props.lxdProviderVersion ?? DEFAULT_SETTINGS.lxdProviderVersion,
    };
    this.localStatePath = props.localStatePath ?? `../../../terraform.${id}.tfstate`;
    this.ownerId = props.ownerId ?? id;
    checkProps(this.node.path, [checkRequired('ownerId', this.ownerId, checkOwnerId)]);
    bindStackContext(this, { settings: this.settings, ownerId: this.ownerId });
    this._rendering = createRendering(this, this.settings);
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
    buildLifecycles(this);
    super.runAllValidations();
  }

  /**
   * Validates the whole app once, first, so a bad input in any stack writes no stack at all (not
   * even the empty `stacks` folder: it is made again only once validation has passed).
   */
  public prepareStack(): void {
    const app = App.of(this);
    if (!VALIDATED.has(app)) {
      validateTree(app);
      VALIDATED.add(app);
      restoreOutput(app.outdir);
    }
    // The prunes of every stack, once the app is complete (before any stack resolves references).
    buildLifecycles(app);
    super.prepareStack();
  }
}

/** Apps whose whole tree was validated by the first stack's prepareStack (one pass, not one per stack). */
const VALIDATED = new WeakSet<IConstruct>();
