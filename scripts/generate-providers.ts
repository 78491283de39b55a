/**
 * Regenerates the typed cdktf provider bindings in `generated/providers/<name>/` from the vendored
 * provider schemas in `generated/schemas/`, offline, with cdktf's own generator
 * (`generateProviderBindingsFromSchema` from `@cdktf/provider-generator`, shipped with cdktf-cli).
 *
 * Usage (from the repository root):
 *   npm run generate:providers                      # regenerate from generated/schemas/
 *   npm run generate:providers -- --schemas <dir>   # first refresh generated/schemas/ from <dir>
 *
 * The output is deterministic: running it twice leaves the tree unchanged.
 *
 * The bindings take the CDK core from `constructs/core/cdk` instead of `cdktf`, so that they run on
 * the same copy of cdktf or cdktn as the rest of the library and the app.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
// A dependency of cdktf-cli (same version), not a direct dependency of this package.
import { generateProviderBindingsFromSchema } from '@cdktf/provider-generator';

/** One provider to generate: output folder name and the schema file it comes from. */
interface ProviderBinding {
  /** Folder under `generated/providers/`. */
  readonly name: string;
  /** File name under `generated/schemas/` (`terraform providers schema -json` shape). */
  readonly schemaFile: string;
}

const PROVIDERS: readonly ProviderBinding[] = [
  { name: 'lxd', schemaFile: 'lxd.json' },
  { name: 'lxd-v2', schemaFile: 'lxd-v2.7.1.json' },
  { name: 'matchbox', schemaFile: 'matchbox.json' },
  { name: 'multipass', schemaFile: 'multipass.json' },
  { name: 'incus', schemaFile: 'incus.json' },
];

/** Schema files vendored into `generated/schemas/` (null.json is used by the schema checker only). */
const VENDORED_FILES = ['README.md', 'lxd.json', 'lxd-v2.7.1.json', 'matchbox.json', 'multipass.json', 'null.json'];

/**
 * Schemas derived in this repository rather than vendored (incus.json): `--schemas` leaves them alone, and keeps
 * the part of `generated/schemas/README.md` from this heading on when it copies the shared README over it.
 */
const REPO_README_SECTION = '## Derived in this repository';

const ROOT = process.cwd();
const SCHEMA_DIR = path.join(ROOT, 'generated', 'schemas');
const OUT_DIR = path.join(ROOT, 'generated', 'providers');

interface SchemaJson {
  provider_schemas: Record<string, { x_version?: string }>;
  provider_versions?: Record<string, string>;
}

/** The generator's `import * as cdktf from 'cdktf'`, in every file under `dir`, made to import the library's core module. */
function importCoreModule(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      importCoreModule(file);
    } else if (entry.name.endsWith('.ts')) {
      const core = path
        .relative(dir, path.join(ROOT, 'constructs', 'core', 'cdk'))
        .split(path.sep)
        .join('/');
      const text = fs.readFileSync(file, 'utf8');
      const rewritten = text.replace(/^import \* as cdktf from 'cdktf';$/m, `import * as cdktf from '${core}';`);
      if (/from 'cdktf(\/[^']*)?'/.test(rewritten))
        throw new Error(`${file}: an import of cdktf that importCoreModule does not rewrite`);
      if (rewritten !== text) fs.writeFileSync(file, rewritten);
    }
  }
}

/** Copies the schema files from `from` into `generated/schemas/`. */
function refreshSchemas(from: string): void {
  fs.mkdirSync(SCHEMA_DIR, { recursive: true });
  const readme = path.join(SCHEMA_DIR, 'README.md');
  const old = fs.existsSync(readme) ? fs.readFileSync(readme, 'utf8') : '';
  const repoSection = old.includes(REPO_README_SECTION) ? old.slice(old.indexOf(REPO_README_SECTION)) : '';
  for (const file of VENDORED_FILES) {
    const target = path.join(SCHEMA_DIR, file);
    fs.copyFileSync(path.join(from, file), target);
    fs.chmodSync(target, 0o644);
  }
  if (repoSection) fs.writeFileSync(readme, `${fs.readFileSync(readme, 'utf8').trimEnd()}\n\n${repoSection}`);
}

/**
 * Adds `provider_versions` (which `terraform providers schema -json` does not emit but the generator reads)
 * from the `x_version` extension, so each generated provider pins its exact version in `required_providers`.
 */
function withProviderVersions(schema: SchemaJson): SchemaJson {
  const versions: Record<string, string> = {};
  for (const [fqpn, provider] of Object.entries(schema.provider_schemas)) {
    const match = /(\d+\.\d+\.\d+)/.exec(provider.x_version ?? '');
    if (match) versions[fqpn] = match[1];
  }
  return { ...schema, provider_versions: versions };
}

async function main(): Promise<void> {
  const schemasFlag = process.argv.indexOf('--schemas');
  if (schemasFlag !== -1) refreshSchemas(path.resolve(process.argv[schemasFlag + 1]));

  for (const { name, schemaFile } of PROVIDERS) {
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, schemaFile), 'utf8')) as SchemaJson;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `gen-${name}-`));
    try {
      await generateProviderBindingsFromSchema(tmp, withProviderVersions(schema) as never);
      // The generator names the folder after the provider type (both lxd schemas give `lxd`).
      const [generatedDir] = fs.readdirSync(path.join(tmp, 'providers'));
      const target = path.join(OUT_DIR, name);
      fs.rmSync(target, { recursive: true, force: true });
      fs.mkdirSync(OUT_DIR, { recursive: true });
      fs.cpSync(path.join(tmp, 'providers', generatedDir), target, { recursive: true });
      importCoreModule(target);
      console.log(`generated ${path.relative(ROOT, target)} from ${schemaFile}`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
