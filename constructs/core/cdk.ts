/**
 * The CDK core package the library runs on: `cdktf` (CDK for Terraform, archived at 0.21) or its
 * fork CDK Terrain, `cdktn`, which keeps the same API, cdktf.json, cdktf.out and logical IDs.
 *
 * Every module of the library, and the generated provider bindings, take the core from here and
 * never import `cdktf` themselves, so the app's `App`, `TerraformStack` and `Fn` and the library's
 * are ONE copy: a construct of one copy in a stack of the other fails (for example cdktn's `Fn.*`
 * in a cdktf stack: `stack._recordFunctionUsage is not a function`).
 *
 * Which package, decided once when the library is loaded:
 * 1. `CDKTF_LXD_MATCHBOX_CORE=cdktf` or `=cdktn` when set (an error if that package cannot be loaded);
 * 2. otherwise the one of the two that resolves from the library, as a peer dependency does;
 * 3. both resolve: the one in the dependencies or devDependencies of the nearest package.json above
 *    the working directory (the app's) that names exactly one of them; otherwise `cdktn`.
 * A LabStack created in an App of the other copy fails at once with a message that says so
 * ({@link assertSameCore}).
 *
 * The types are cdktf 0.21's: cdktn 0.24's API is a superset of them. A TypeScript project that has
 * only cdktn installed maps the name for the type checker: `"paths": { "cdktf": ["./node_modules/cdktn"] }`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as Cdktf from 'cdktf';

export type * from 'cdktf';

/** The two packages the library can run on. */
export type CoreName = 'cdktf' | 'cdktn';

const CORES: readonly CoreName[] = ['cdktf', 'cdktn'];

/** Environment variable that forces the core package. */
export const CORE_ENV = 'CDKTF_LXD_MATCHBOX_CORE';

/** Where `name` resolves from the library (as a peer dependency does), or undefined. */
function resolveFromLibrary(name: CoreName): string | undefined {
  try {
    return require.resolve(name);
  } catch {
    return undefined;
  }
}

/** The core named by the nearest package.json above `dir` that depends on exactly one of them. */
function declaredByApp(dir: string): CoreName | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const file = path.join(d, 'package.json');
    if (fs.existsSync(file)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
        const deps = { ...pkg.devDependencies, ...pkg.dependencies }; // not peerDependencies: those are a library's
        const named = CORES.filter((c) => c in deps);
        if (named.length === 1) return named[0];
      } catch {
        // An unreadable package.json decides nothing.
      }
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/** Which core to load, and why (for error messages). Exported for tests. */
export function selectCore(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  resolves: (name: CoreName) => string | undefined = resolveFromLibrary,
): { name: CoreName; reason: string } {
  const forced = env[CORE_ENV];
  if (forced) {
    if (!(CORES as readonly string[]).includes(forced))
      throw new Error(`${CORE_ENV} must be 'cdktf' or 'cdktn', not '${forced}'`);
    if (!resolves(forced as CoreName))
      throw new Error(`${CORE_ENV}=${forced}, but the package '${forced}' cannot be found: npm install ${forced}`);
    return { name: forced as CoreName, reason: `${CORE_ENV}=${forced}` };
  }
  const installed = CORES.filter((c) => resolves(c) !== undefined);
  if (installed.length === 0) {
    throw new Error(
      "cdktf-lxd-matchbox needs 'cdktf' (CDK for Terraform) or 'cdktn' (CDK Terrain) installed beside it: npm install cdktn constructs",
    );
  }
  if (installed.length === 1) return { name: installed[0], reason: `only ${installed[0]} is installed` };
  const declared = declaredByApp(cwd);
  if (declared) return { name: declared, reason: `both are installed; the app's package.json depends on ${declared}` };
  return { name: 'cdktn', reason: "both are installed and the app's package.json names neither or both: cdktn" };
}

const selected = selectCore();

/** The name of the core package in use. */
export const coreName: CoreName = selected.name;
/** Why that one (the rule of the selection that decided). */
export const coreReason: string = selected.reason;
/** The folder of the core package in use. */
export const coreDir: string = path.dirname(require.resolve(`${coreName}/package.json`));

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package is chosen at run time
const core = require(coreName) as typeof Cdktf;

/** The loaded core module itself. */
export const cdk: typeof Cdktf = core;

// Values the library, its generated bindings and its tests use; each with cdktf's type of the same name.
export const App: typeof Cdktf.App = core.App;
export type App = Cdktf.App;
export const AssetType: typeof Cdktf.AssetType = core.AssetType;
export type AssetType = Cdktf.AssetType;
export const ComplexList: typeof Cdktf.ComplexList = core.ComplexList;
export type ComplexList = Cdktf.ComplexList;
export const ComplexMap: typeof Cdktf.ComplexMap = core.ComplexMap;
export type ComplexMap = Cdktf.ComplexMap;
export const ComplexObject: typeof Cdktf.ComplexObject = core.ComplexObject;
export type ComplexObject = Cdktf.ComplexObject;
export const Fn: typeof Cdktf.Fn = core.Fn;
export type Fn = Cdktf.Fn;
export const ImportableResource: typeof Cdktf.ImportableResource = core.ImportableResource;
export type ImportableResource = Cdktf.ImportableResource;
export const Lazy: typeof Cdktf.Lazy = core.Lazy;
export type Lazy = Cdktf.Lazy;
export const LocalBackend: typeof Cdktf.LocalBackend = core.LocalBackend;
export type LocalBackend = Cdktf.LocalBackend;
export const StringMap: typeof Cdktf.StringMap = core.StringMap;
export type StringMap = Cdktf.StringMap;
export const TerraformAsset: typeof Cdktf.TerraformAsset = core.TerraformAsset;
export type TerraformAsset = Cdktf.TerraformAsset;
export const TerraformBackend: typeof Cdktf.TerraformBackend = core.TerraformBackend;
export type TerraformBackend = Cdktf.TerraformBackend;
export const TerraformDataSource: typeof Cdktf.TerraformDataSource = core.TerraformDataSource;
export type TerraformDataSource = Cdktf.TerraformDataSource;
export const TerraformOutput: typeof Cdktf.TerraformOutput = core.TerraformOutput;
export type TerraformOutput = Cdktf.TerraformOutput;
export const TerraformProvider: typeof Cdktf.TerraformProvider = core.TerraformProvider;
export type TerraformProvider = Cdktf.TerraformProvider;
export const TerraformResource: typeof Cdktf.TerraformResource = core.TerraformResource;
export type TerraformResource = Cdktf.TerraformResource;
export const TerraformStack: typeof Cdktf.TerraformStack = core.TerraformStack;
export type TerraformStack = Cdktf.TerraformStack;
export const TerraformVariable: typeof Cdktf.TerraformVariable = core.TerraformVariable;
export type TerraformVariable = Cdktf.TerraformVariable;
export const Testing: typeof Cdktf.Testing = core.Testing;
export type Testing = Cdktf.Testing;
export const Token: typeof Cdktf.Token = core.Token;
export type Token = Cdktf.Token;
export const Tokenization: typeof Cdktf.Tokenization = core.Tokenization;
export type Tokenization = Cdktf.Tokenization;

export const Aspects: typeof Cdktf.Aspects = core.Aspects;
export type Aspects = Cdktf.Aspects;
export const booleanToHclTerraform: typeof Cdktf.booleanToHclTerraform = core.booleanToHclTerraform;
export const booleanToTerraform: typeof Cdktf.booleanToTerraform = core.booleanToTerraform;
export const canInspect: typeof Cdktf.canInspect = core.canInspect;
export const dependable: typeof Cdktf.dependable = core.dependable;
export const hashMapper: typeof Cdktf.hashMapper = core.hashMapper;
export const hashMapperHcl: typeof Cdktf.hashMapperHcl = core.hashMapperHcl;
export const isComplexElement: typeof Cdktf.isComplexElement = core.isComplexElement;
export const listMapper: typeof Cdktf.listMapper = core.listMapper;
export const listMapperHcl: typeof Cdktf.listMapperHcl = core.listMapperHcl;
export const numberToHclTerraform: typeof Cdktf.numberToHclTerraform = core.numberToHclTerraform;
export const numberToTerraform: typeof Cdktf.numberToTerraform = core.numberToTerraform;
export const stringToHclTerraform: typeof Cdktf.stringToHclTerraform = core.stringToHclTerraform;
export const stringToTerraform: typeof Cdktf.stringToTerraform = core.stringToTerraform;

/**
 * Throws when `scope` belongs to an App of another copy of the core (the other package, or a second
 * install of the same one) than the library's: constructs of two copies do not work in one stack.
 */
export function assertSameCore(scope: { node: { root: unknown } }, what: string): void {
  const root = scope.node.root;
  const isSomeApp = typeof root === 'object' && root !== null && Symbol.for('cdktf/App') in root;
  if (isSomeApp && !(root instanceof core.App)) {
    throw new Error(
      `${what}: its App comes from another copy of cdktf/cdktn than this library runs on ` +
        `(${coreName} at ${coreDir}; ${coreReason}). Import App from '${coreName}', keep one copy ` +
        `of it installed, or set ${CORE_ENV}=cdktf|cdktn to the package the app uses.`,
    );
  }
}
