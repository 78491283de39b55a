import { Construct } from 'constructs';
import { IResolvable, ITerraformDependable, TerraformResource, Token } from 'cdktf';
import { Resource as NullResource } from '@cdktf/provider-null/lib/resource';
import { dependable } from 'cdktf/lib/tfExpression';
import { execCommand, HostRunner, SCRIPT_ENV } from '../../src/hosts/runner';
import { LabStack } from './lab-stack';

/** What a managed object is, computed lazily at synth from the construct's model. */
export interface ManagedObjectState {
  /** Fields whose change replaces the object (name, image, driver...). */
  readonly identity: Readonly<Record<string, unknown>>;
  /** Desired mutable settings; a change re-runs `converge` and never recreates the object. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Idempotent script: create if missing, then set the declared settings. */
  readonly converge: string;
  /** Idempotent script that deletes the object (empty when `deletable` is false). */
  readonly destroy: string;
  /** Extra environment for the converge command (e.g. user-data). */
  readonly environment?: Readonly<Record<string, string>>;
}

/** Props of {@link ManagedObject}. */
export interface ManagedObjectProps {
  /** Where the scripts run. */
  readonly runner: HostRunner;
  /** Produces the desired state; called once, at synth. */
  readonly state: () => ManagedObjectState;
  /** Objects that must exist first (and be destroyed after this one). */
  readonly dependsOn?: ITerraformDependable[];
  /** Terraform `prevent_destroy` on the object. @default false */
  readonly protect?: boolean;
  /** Whether destroying the object runs its destroy script. @default true */
  readonly deletable?: boolean;
  /** The settings carry a secret: mark them sensitive. @default false */
  readonly sensitive?: boolean;
}

/**
 * One object on a host, rendered as two command resources:
 * - `object`: holds the identity; replacing it deletes and recreates the object;
 *   its destroy provisioner deletes it (using only `self`).
 * - `converge`: holds the settings; replacing it re-runs the idempotent converge
 *   script in place. It has no destroy provisioner, so replacing it loses nothing.
 */
export class ManagedObject extends Construct {
  /** The identity resource: depend on it to order destroys. */
  public readonly object: TerraformResource;
  /** The converge resource: depend on it to order creates. */
  public readonly converged: TerraformResource;
  private cached?: ManagedObjectState;

  constructor(scope: Construct, id: string, private readonly props: ManagedObjectProps) {
    super(scope, id);
    const kind = LabStack.settingsOf(this).commandResource;
    const command = tfLiteral(execCommand(props.runner));
    const destroyProvisioner = {
      type: 'local-exec' as const,
      when: 'destroy' as const,
      command,
      environment: { [SCRIPT_ENV]: kind === 'terraform_data' ? '${self.input.destroy}' : '${self.triggers.destroy}' },
    };
    const nullResource = kind === 'null_resource';
    const destroyScript = onceString(() => tfLiteral(this.state.destroy));
    const identity = once(() => tfLiteral(this.state.identity));

    this.object = this.commandResource(kind, 'object', {
      // terraform_data: identity replaces, the destroy script updates in place.
      triggersReplace: identity,
      input: { destroy: destroyScript },
      // null_resource triggers are a map of strings: identity is JSON-encoded.
      triggers: nullResource ? { identity: onceString(() => JSON.stringify(tfLiteral(this.state.identity))), destroy: destroyScript } : undefined,
      provisioners: props.deletable === false ? undefined : [destroyProvisioner],
      dependsOn: props.dependsOn,
      preventDestroy: props.protect,
    });

    const settings = once(() => this.sensitive(this.state.settings));
    const reconcile = LabStack.reconcileToken(this);
    const objectId = this.object.getStringAttribute('id');
    const convergeScript = onceString(() => this.sensitive(this.state.converge) as string);
    // Each variable on its own: local-exec takes a map of strings.
    const environment = once(() => ({
      ...Object.fromEntries(Object.entries(this.state.environment ?? {}).map(([k, v]) => [k, this.sensitive(v)])),
      [SCRIPT_ENV]: convergeScript,
    }));
    this.converged = this.commandResource(kind, 'converge', {
      triggersReplace: { object: objectId, settings, reconcile },
      triggers: nullResource ? {
        object: objectId,
        settings: onceString(() => this.sensitive(JSON.stringify(this.state.settings)) as string),
        reconcile,
      } : undefined,
      provisioners: [{ type: 'local-exec', command, environment }],
      dependsOn: [this.object],
    });
  }

  /** Makes both resources wait for `deps` (and be destroyed before them). */
  public dependOn(...deps: ITerraformDependable[]): void {
    this.object.dependsOn = [...new Set([...(this.object.dependsOn ?? []), ...deps.map(dependableToken)])];
  }

  /** The desired state, computed once. */
  private get state(): ManagedObjectState {
    return (this.cached ??= this.props.state());
  }

  /** The value as Terraform must read it: escaped literal data, wrapped in `sensitive()` when secret. */
  private sensitive(value: unknown): unknown {
    return this.props.sensitive ? sensitiveLiteral(value) : tfLiteral(value);
  }

  private commandResource(kind: string, id: string, c: {
    triggersReplace: unknown; input?: unknown; triggers?: Record<string, string>; provisioners: unknown;
    dependsOn?: ITerraformDependable[]; preventDestroy?: boolean;
  }): TerraformResource {
    const lifecycle = c.preventDestroy ? { preventDestroy: true } : undefined;
    const provisioners = c.provisioners as TerraformResource['provisioners'];
    const resource = kind === 'null_resource'
      ? new NullResource(this, id, { provider: LabStack.nullProvider(this), triggers: c.triggers, provisioners, lifecycle })
      : new TerraformDataResource(this, id, { triggersReplace: c.triggersReplace, input: c.input, provisioners, lifecycle });
    // Set after construction: the constructors would make a new dependable token per dependency.
    if (c.dependsOn) resource.dependsOn = [...new Set(c.dependsOn.map(dependableToken))];
    return resource;
  }
}

/**
 * A value produced on first resolve and kept: what `Lazy.anyValue` does, without its cost.
 * cdktf's Lazy records a full stack trace when created and produces again on every resolve
 * (synth resolves twice); at seven per object that was a third of the synth time.
 */
function once(produce: () => unknown): IResolvable {
  let produced: { value: unknown } | undefined;
  const resolvable: IResolvable = {
    creationStack: [],
    resolve: () => (produced ??= { value: produce() }).value,
    toString: () => Token.asString(resolvable),
  };
  return resolvable;
}

/** {@link once} as a string token (`Lazy.stringValue`). */
function onceString(produce: () => string): string {
  return Token.asString(once(produce));
}

/** One depends_on token per dependency, shared by all dependents (`dependable()` makes a new one, with a stack trace, per call). */
const dependableTokens = new WeakMap<ITerraformDependable, string>();
function dependableToken(d: ITerraformDependable): string {
  let token = dependableTokens.get(d);
  if (token === undefined) dependableTokens.set(d, (token = dependable(d)));
  return token;
}

/**
 * Escapes literal data for Terraform JSON, where every string is a template:
 * `${` and `%{` would otherwise be evaluated (`$${` and `%%{` are their literal forms).
 * Unresolved tokens (references, sensitive values) are left as they are.
 */
export function tfLiteral<T>(value: T): T {
  if (typeof value === 'string') {
    return (Token.isUnresolved(value) ? value : value.replace(/\$\{/g, () => '$${').replace(/%\{/g, '%%{')) as T;
  }
  if (Array.isArray(value)) return value.map((v) => tfLiteral(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [tfLiteral(k), tfLiteral(v)])) as T;
  }
  return value;
}

/** Quotes text as an HCL string literal (inside a `${...}` expression). */
function hclString(text: string, embed: (expr: string) => string = (expr) => expr): string {
  const escapes: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  const literal = (part: string) => part
    .replace(/[\\"\u0000-\u001f\u007f]/g, (c) => escapes[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\$\{/g, () => '$${').replace(/%\{/g, '%%{');
  // Tokens embedded in the text (variables, references) resolve to bare expressions here,
  // inside `${...}`: interpolate them into the string literal instead of escaping them.
  const body = text.split(TOKEN_MARKER).map((part) => (TOKEN_MARKER_ONLY.test(part) ? `\${${embed(part)}}` : literal(part))).join('');
  return `"${body}"`;
}

/** cdktf's marker of a string token, e.g. `${TfToken[TOKEN.12]}`. */
const TOKEN_MARKER = /(\$\{TfToken\[[^\]]+\]\})/;
const TOKEN_MARKER_ONLY = /^\$\{TfToken\[[^\]]+\]\}$/;

/**
 * A literal string, or JSON-compatible value, marked sensitive: `${sensitive("...")}`.
 * (cdktf's `Fn.sensitive` does not escape quotes or backslashes in string arguments,
 * which makes Terraform reject, e.g., any preseed YAML containing `""`.)
 */
export function sensitiveLiteral(value: unknown): string {
  // Inside JSON text, an embedded value must be JSON-escaped: its jsonencode() without the quotes.
  const expr = typeof value === 'string' ? hclString(value)
    : `jsondecode(${hclString(JSON.stringify(value), (e) => `replace(jsonencode(${e}), "/^\\"|\\"$/", "")`)})`;
  const text = `\${sensitive(${expr})}`;
  const resolvable: IResolvable = { creationStack: [], resolve: () => text, toString: () => text };
  return Token.asString(resolvable);
}

/**
 * Terraform's built-in `terraform_data`, emitted as a plain TerraformResource.
 * (cdktf's own DataResource class spawns `terraform version` for every resource at synth.)
 */
class TerraformDataResource extends TerraformResource {
  private readonly triggersReplace: unknown;
  private readonly inputValue: unknown;

  constructor(scope: Construct, id: string, c: {
    triggersReplace: unknown; input?: unknown; provisioners?: TerraformResource['provisioners'];
    lifecycle?: { preventDestroy: boolean };
  }) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      provisioners: c.provisioners,
      lifecycle: c.lifecycle,
    });
    this.triggersReplace = c.triggersReplace;
    this.inputValue = c.input;
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { triggers_replace: this.triggersReplace, input: this.inputValue };
  }
}
