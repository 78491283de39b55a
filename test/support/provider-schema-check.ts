/**
 * Offline stand-in for `terraform validate`: checks a synthesized cdk.tf.json against provider schemas in the
 * `terraform providers schema -json` shape (vendored in `generated/schemas/`).
 *
 * Checked for every `provider`, `resource` and `data` block: unknown arguments and blocks, missing required
 * attributes, computed-only attributes that are set, value types (cty type JSON and nested attribute / block
 * nesting modes), block counts (`min_items` / `max_items`, single nesting) and `x_one_of` enumerations.
 * Strings containing `${...}` or `%{...}` are Terraform expressions and pass every type and enum check.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The vendored schema files (`generated/schemas/`). */
export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'generated', 'schemas');

/** cty type in JSON form: `"string"`, `["list","string"]`, `["object",{...}]`, `["tuple",[...]]`, ... */
export type CtyType = string | [string, ...unknown[]];

/** An attribute in a schema block. */
export interface SchemaAttribute {
  type?: CtyType;
  nested_type?: {
    attributes: Record<string, SchemaAttribute>;
    nesting_mode: string;
    min_items?: number;
    max_items?: number;
  };
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  /** Allowed values (reference-schema extension from `stringvalidator.OneOf`). */
  x_one_of?: string[];
}

/** A schema block: attributes plus nested block types. */
export interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>;
  block_types?: Record<string, { nesting_mode: string; block: SchemaBlock; min_items?: number; max_items?: number }>;
}

/** One provider in a schema file. */
export interface ProviderSchema {
  x_version?: string;
  provider?: { block: SchemaBlock };
  resource_schemas?: Record<string, { block: SchemaBlock }>;
  data_source_schemas?: Record<string, { block: SchemaBlock }>;
}

/** A whole schema file (`terraform providers schema -json`). */
export interface ProviderSchemasJson {
  provider_schemas: Record<string, ProviderSchema>;
}

/** Kinds of problems found. */
export type SchemaIssueCode =
  | 'unknown-type' // resource / data source / provider not in any schema
  | 'unknown-argument' // attribute or block not in the schema
  | 'missing-required'
  | 'computed-only' // computed && !optional attribute set in config
  | 'wrong-type'
  | 'block-count'
  | 'not-allowed-value'; // literal not in x_one_of

/** One problem, located by block kind, type, name and attribute path. */
export interface SchemaIssue {
  kind: 'provider' | 'resource' | 'data';
  /** Resource / data source type (`lxd_instance`) or provider local name (`lxd`). */
  type: string;
  /** Resource name, or provider alias (`default` when none). */
  name: string;
  /** Attribute path inside the block, e.g. `device[0].type`, `config["limits.cpu"]`; empty for the block itself. */
  path: string;
  code: SchemaIssueCode;
  message: string;
}

/** Options for {@link checkAgainstSchemas}. */
export interface SchemaCheckOptions {
  /**
   * Accept the primitive conversions Terraform applies (number/bool literal for a string, numeric string for a
   * number, "true"/"false" for a bool). Default false: JSON literals must have exactly the schema's type.
   */
  convertPrimitives?: boolean;
}

const RESOURCE_META = new Set([
  '//',
  'depends_on',
  'count',
  'for_each',
  'provider',
  'lifecycle',
  'provisioner',
  'connection',
]);
const PROVIDER_META = new Set(['//', 'alias']);
const DYNAMIC_KEYS = new Set(['for_each', 'iterator', 'labels', 'content']);

type Json = Record<string, unknown>;
type Report = (path: string, code: SchemaIssueCode, message: string) => void;

/**
 * Checks every `provider`, `resource` and `data` block of a synthesized cdk.tf.json against provider schemas.
 *
 * @param tfJson - the parsed Terraform JSON (e.g. `JSON.parse(Testing.synth(stack))`).
 * @param schemas - schema file paths (or already parsed schema objects). If two define the same resource type,
 *   the first wins, so pass one schema per provider (see {@link schemaFilesForConfig}).
 * @param options - see {@link SchemaCheckOptions}.
 * @returns the issues found; empty when the configuration matches the schemas.
 */
export function checkAgainstSchemas(
  tfJson: object,
  schemas: Array<string | ProviderSchemasJson>,
  options: SchemaCheckOptions = {},
): SchemaIssue[] {
  const providers = schemas.flatMap((s) => Object.entries(loadSchemaFile(s).provider_schemas));
  const config = tfJson as Json;
  const issues: SchemaIssue[] = [];
  const checker = new BlockChecker(options);

  for (const [kind, section] of [
    ['resource', 'resource_schemas'],
    ['data', 'data_source_schemas'],
  ] as const) {
    for (const [type, byName] of Object.entries(asObject(config[kind]))) {
      const schema = providers.find(([, p]) => p[section]?.[type])?.[1][section]?.[type];
      for (const [name, body] of Object.entries(asObject(byName))) {
        const report: Report = (p, code, message) => issues.push({ kind, type, name, path: p, code, message });
        if (!schema)
          report(
            '',
            'unknown-type',
            `no ${kind === 'data' ? 'data source' : 'resource'} type "${type}" in the given schemas`,
          );
        else for (const b of asArray(body)) checker.block(schema.block, b, '', report, RESOURCE_META);
      }
    }
  }

  const requiredProviders = asObject(asObject(config.terraform).required_providers);
  for (const [localName, blocks] of Object.entries(asObject(config.provider))) {
    const source = asObject(requiredProviders[localName]).source;
    const fqpn = typeof source === 'string' ? normalizeSource(source) : undefined;
    const schema = providers.find(([key]) => (fqpn ? key === fqpn : key.endsWith(`/${localName}`)))?.[1].provider;
    for (const b of asArray(blocks)) {
      const alias = asObject(b).alias;
      const report: Report = (p, code, message) =>
        issues.push({
          kind: 'provider',
          type: localName,
          name: typeof alias === 'string' ? alias : 'default',
          path: p,
          code,
          message,
        });
      if (!schema) report('', 'unknown-type', `no provider "${fqpn ?? localName}" in the given schemas`);
      else checker.block(schema.block, b, '', report, PROVIDER_META);
    }
  }
  return issues;
}

/** Formats an issue as one line, e.g. `resource lxd_instance.web: device[0].type: ... (not-allowed-value)`. */
export function formatIssue(issue: SchemaIssue): string {
  const where = issue.path ? `${issue.path}: ` : '';
  return `${issue.kind} ${issue.type}.${issue.name}: ${where}${issue.message} (${issue.code})`;
}

/**
 * Finds the schema file for a provider source and version constraint: among the files in `schemaDir` that hold
 * this provider, the one with the newest `x_version` the constraint allows (what `terraform init` would pick
 * if only those versions existed). E.g. `terraform-lxd/lxd` + `~> 2.7` gives `lxd-v2.7.1.json`, `~> 3.0` or no
 * constraint gives `lxd.json`.
 *
 * @param source - provider source address (`terraform-lxd/lxd`, `registry.terraform.io/terraform-lxd/lxd`).
 * @param versionConstraint - Terraform version constraint (`~> 2.7`, `>= 3.0, < 4.0`, `3.0.2`); optional.
 * @param schemaDir - directory of schema JSON files; defaults to {@link SCHEMA_DIR}.
 * @returns the absolute file path, or undefined when no file matches.
 */
export function schemaFileForProvider(
  source: string,
  versionConstraint?: string,
  schemaDir = SCHEMA_DIR,
): string | undefined {
  const fqpn = normalizeSource(source);
  const candidates = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(schemaDir, f))
    .flatMap((file) => {
      const provider = loadSchemaFile(file).provider_schemas[fqpn];
      if (!provider) return [];
      const version = parseVersion(provider.x_version ?? '');
      return [{ file, version }];
    })
    .filter(({ version }) => !versionConstraint || (version !== undefined && satisfies(version, versionConstraint)))
    .sort((a, b) => compareVersions(b.version ?? [], a.version ?? []));
  return candidates[0]?.file;
}

/**
 * Picks the schema files a synthesized configuration needs: one per `terraform.required_providers` entry (by
 * source and version, see {@link schemaFileForProvider}), plus implied providers for resource types whose
 * prefix is not declared (`hashicorp/<prefix>`, and `terraform.io/builtin/terraform` for `terraform_data`).
 * Providers without a schema file are skipped; {@link checkAgainstSchemas} then reports their blocks as unknown.
 */
export function schemaFilesForConfig(tfJson: object, schemaDir = SCHEMA_DIR): string[] {
  const config = tfJson as Json;
  const required = asObject(asObject(config.terraform).required_providers);
  const wanted = Object.entries(required).map(([, r]) => {
    const { source, version } = asObject(r);
    return { source: String(source), version: typeof version === 'string' ? version : undefined };
  });
  const prefixes = [config.resource, config.data].flatMap((s) => Object.keys(asObject(s)).map((t) => t.split('_')[0]));
  for (const prefix of new Set(prefixes)) {
    if (prefix in required) continue;
    wanted.push({
      source: prefix === 'terraform' ? 'terraform.io/builtin/terraform' : `hashicorp/${prefix}`,
      version: undefined,
    });
  }
  const files = wanted.map(({ source, version }) => schemaFileForProvider(source, version, schemaDir));
  return [...new Set(files.filter((f): f is string => f !== undefined))];
}

/** Walks one configuration block against its schema, reporting through `report`. */
class BlockChecker {
  constructor(private readonly options: SchemaCheckOptions) {}

  block(
    schema: SchemaBlock,
    value: unknown,
    at: string,
    report: Report,
    meta = new Set<string>(),
    allowDynamic = true,
  ): void {
    if (!isPlainObject(value)) {
      report(at, 'wrong-type', `expected a block (JSON object), got ${describe(value)}`);
      return;
    }
    const attributes = schema.attributes ?? {};
    const blockTypes = schema.block_types ?? {};
    const dynamicNames = new Set<string>();
    for (const [key, v] of Object.entries(value)) {
      if (meta.has(key)) continue;
      const p = join(at, key);
      if (attributes[key]) this.attribute(attributes[key], v, p, report);
      else if (blockTypes[key]) this.blockType(blockTypes[key], v, p, report);
      else if (key === 'dynamic' && allowDynamic && isPlainObject(v)) {
        for (const [name, d] of Object.entries(v)) {
          dynamicNames.add(name);
          this.dynamicBlock(blockTypes[name]?.block, d, join(p, name), report);
        }
      } else report(p, 'unknown-argument', `unsupported argument or block type "${key}"`);
    }
    for (const [name, a] of Object.entries(attributes)) {
      if (a.required && value[name] == null)
        report(join(at, name), 'missing-required', `required attribute "${name}" is not set`);
    }
    for (const [name, bt] of Object.entries(blockTypes)) {
      if (dynamicNames.has(name) || bt.nesting_mode === 'map') continue;
      const v = value[name];
      const count = v == null ? 0 : Array.isArray(v) ? v.length : 1;
      const max = bt.nesting_mode === 'single' || bt.nesting_mode === 'group' ? 1 : bt.max_items;
      if (count < (bt.min_items ?? 0))
        report(join(at, name), 'block-count', `at least ${bt.min_items} "${name}" block(s) required, got ${count}`);
      if (max && count > max)
        report(join(at, name), 'block-count', `at most ${max} "${name}" block(s) allowed, got ${count}`);
    }
  }

  private dynamicBlock(schema: SchemaBlock | undefined, value: unknown, at: string, report: Report): void {
    if (!schema) return report(at, 'unknown-argument', 'dynamic block for an unsupported block type');
    if (!isPlainObject(value))
      return report(at, 'wrong-type', `expected a dynamic block (JSON object), got ${describe(value)}`);
    for (const key of Object.keys(value)) {
      if (!DYNAMIC_KEYS.has(key))
        report(join(at, key), 'unknown-argument', `unsupported argument "${key}" in dynamic block`);
    }
    if (value.for_each === undefined)
      report(join(at, 'for_each'), 'missing-required', 'dynamic block needs "for_each"');
    if (value.content === undefined) report(join(at, 'content'), 'missing-required', 'dynamic block needs "content"');
    else this.block(schema, value.content, join(at, 'content'), report);
  }

  private blockType(
    bt: NonNullable<SchemaBlock['block_types']>[string],
    value: unknown,
    at: string,
    report: Report,
  ): void {
    if (value == null) return;
    if (bt.nesting_mode === 'map') {
      if (!isPlainObject(value))
        return report(at, 'wrong-type', `expected an object of labelled blocks, got ${describe(value)}`);
      for (const [label, b] of Object.entries(value)) {
        asArray(b).forEach((el, i) =>
          this.block(bt.block, el, Array.isArray(b) ? `${join(at, label)}[${i}]` : join(at, label), report),
        );
      }
    } else if (Array.isArray(value)) {
      value.forEach((el, i) => this.block(bt.block, el, `${at}[${i}]`, report));
    } else if (isPlainObject(value)) {
      this.block(bt.block, value, at, report);
    } else {
      report(
        at,
        'wrong-type',
        `a block must be a JSON object or array of objects (use a dynamic block for expressions), got ${describe(value)}`,
      );
    }
  }

  private attribute(a: SchemaAttribute, value: unknown, at: string, report: Report): void {
    if (value === null) return;
    if (a.computed && !a.optional && !a.required)
      return report(at, 'computed-only', 'attribute is computed-only and cannot be set');
    if (a.nested_type) return this.nested(a.nested_type, value, at, report);
    this.type(a.type ?? 'dynamic', value, at, report);
    if (a.x_one_of && typeof value === 'string' && !isExpression(value) && !a.x_one_of.includes(value)) {
      report(at, 'not-allowed-value', `"${value}" is not one of ${a.x_one_of.map((v) => `"${v}"`).join(', ')}`);
    }
  }

  private nested(nt: NonNullable<SchemaAttribute['nested_type']>, value: unknown, at: string, report: Report): void {
    const element = (el: unknown, p: string): void => {
      if (!isExpression(el)) this.block({ attributes: nt.attributes }, el, p, report, undefined, false);
    };
    if (isExpression(value)) return;
    if (nt.nesting_mode === 'single') return element(value, at);
    if (nt.nesting_mode === 'map') {
      if (!isPlainObject(value)) return report(at, 'wrong-type', `expected a map of objects, got ${describe(value)}`);
      for (const [k, el] of Object.entries(value)) element(el, join(at, k));
      return;
    }
    if (!Array.isArray(value))
      return report(at, 'wrong-type', `expected a ${nt.nesting_mode} of objects, got ${describe(value)}`);
    value.forEach((el, i) => element(el, `${at}[${i}]`));
    if (value.length < (nt.min_items ?? 0))
      report(at, 'block-count', `at least ${nt.min_items} element(s) required, got ${value.length}`);
    if (nt.max_items && value.length > nt.max_items)
      report(at, 'block-count', `at most ${nt.max_items} element(s) allowed, got ${value.length}`);
  }

  private type(t: CtyType, value: unknown, at: string, report: Report): void {
    if (value === null || isExpression(value) || t === 'dynamic') return;
    const wrong = (expected: string) => report(at, 'wrong-type', `expected ${expected}, got ${describe(value)}`);
    if (typeof t === 'string') {
      if (!this.primitiveMatches(t, value)) wrong(t);
      return;
    }
    const [kind, arg, optionalAttrs] = t;
    switch (kind) {
      case 'list':
      case 'set':
        if (!Array.isArray(value)) return wrong(`${kind}(${typeName(arg as CtyType)})`);
        return value.forEach((el, i) => this.type(arg as CtyType, el, `${at}[${i}]`, report));
      case 'map':
        if (!isPlainObject(value)) return wrong(`map(${typeName(arg as CtyType)})`);
        return Object.entries(value).forEach(([k, el]) => this.type(arg as CtyType, el, join(at, k), report));
      case 'tuple': {
        const types = arg as CtyType[];
        if (!Array.isArray(value) || value.length !== types.length) return wrong(`tuple of ${types.length} element(s)`);
        return value.forEach((el, i) => this.type(types[i], el, `${at}[${i}]`, report));
      }
      case 'object': {
        if (!isPlainObject(value)) return wrong('object');
        const attrs = arg as Record<string, CtyType>;
        const optional = new Set((optionalAttrs as string[] | undefined) ?? []);
        for (const [k, el] of Object.entries(value)) {
          if (attrs[k] === undefined) report(join(at, k), 'unknown-argument', `unsupported object attribute "${k}"`);
          else this.type(attrs[k], el, join(at, k), report);
        }
        for (const k of Object.keys(attrs)) {
          if (value[k] === undefined && !optional.has(k))
            report(join(at, k), 'missing-required', `object attribute "${k}" is required`);
        }
        return;
      }
      default:
        return wrong(`unsupported schema type ${JSON.stringify(t)}`);
    }
  }

  private primitiveMatches(t: string, value: unknown): boolean {
    const lenient = this.options.convertPrimitives === true;
    switch (t) {
      case 'string':
        return typeof value === 'string' || (lenient && (typeof value === 'number' || typeof value === 'boolean'));
      case 'number':
        return (
          (typeof value === 'number' && Number.isFinite(value)) ||
          (lenient && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        );
      case 'bool':
        return typeof value === 'boolean' || (lenient && (value === 'true' || value === 'false'));
      default:
        return false;
    }
  }
}

const fileCache = new Map<string, ProviderSchemasJson>();

function loadSchemaFile(schema: string | ProviderSchemasJson): ProviderSchemasJson {
  if (typeof schema !== 'string') return schema;
  const file = path.resolve(schema);
  let parsed = fileCache.get(file);
  if (!parsed) {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as ProviderSchemasJson;
    fileCache.set(file, parsed);
  }
  return parsed;
}

/** `terraform-lxd/lxd` -> `registry.terraform.io/terraform-lxd/lxd`; `null` -> `registry.terraform.io/hashicorp/null`. */
function normalizeSource(source: string): string {
  const parts = source.toLowerCase().split('/');
  if (parts.length === 1) return `registry.terraform.io/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `registry.terraform.io/${parts.join('/')}`;
  return parts.join('/');
}

function parseVersion(text: string): number[] | undefined {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** Terraform version constraint check (`=`, `!=`, `>`, `>=`, `<`, `<=`, `~>`, comma-separated; no prereleases). */
function satisfies(version: number[], constraint: string): boolean {
  return constraint.split(',').every((part) => {
    const m = /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+(?:\.\d+){0,2})\s*$/.exec(part);
    if (!m) return false;
    const target = parseVersion(m[2]) as number[];
    const cmp = compareVersions(version, target);
    switch (m[1] ?? '=') {
      case '=':
        return cmp === 0;
      case '!=':
        return cmp !== 0;
      case '>':
        return cmp > 0;
      case '>=':
        return cmp >= 0;
      case '<':
        return cmp < 0;
      case '<=':
        return cmp <= 0;
      default: {
        // ~> X.Y.Z allows >= X.Y.Z within X.Y; ~> X.Y allows >= X.Y within X; ~> X allows >= X.
        const fixed = Math.max(m[2].split('.').length - 1, 0);
        return cmp >= 0 && version.slice(0, fixed).every((n, i) => n === target[i]);
      }
    }
  });
}

function isPlainObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asObject(v: unknown): Json {
  return isPlainObject(v) ? v : {};
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

/** A string with a `${...}` interpolation or `%{...}` directive (not the `$${` / `%%{` escapes). */
function isExpression(v: unknown): boolean {
  return typeof v === 'string' && /(^|[^$%])[$%]\{/.test(v);
}

function join(at: string, key: string): string {
  const segment = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  return !at ? segment : segment.startsWith('[') ? at + segment : `${at}.${segment}`;
}

function typeName(t: CtyType): string {
  return typeof t === 'string' ? t : `${t[0]}(...)`;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : `${typeof v} ${JSON.stringify(v)}`;
}
