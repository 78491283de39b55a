/**
 * The Markdown's TypeScript is real code: every ```ts block of the README and of the guides under
 * docs/ type-checks against the library and synthesizes, with the CDK core the
 * library runs on (`cdktf`, or `cdktn` as a CDK Terrain app imports it). Complete programs run as
 * they are; fragments run inside the preamble the Markdown shows (see scripts/markdown.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { coreName } from '../../constructs/core/cdk';
import { codeBlocks, TsProgram, tsPrograms } from '../../scripts/markdown';
import { filesUnder } from '../helpers';

const root = path.resolve(__dirname, '../..');
const generated = path.join(__dirname, 'generated-blocks');

/** The Markdown files whose code is checked: the README, and every guide under docs/. */
function markdownFiles(): string[] {
  const docs = filesUnder(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.relative(root, f));
  return ['README.md', ...docs.sort()];
}

/** The program as a file of this repository: the package and the core imported from here. */
function localSource(p: TsProgram): string {
  return p.source
    .replace(/from 'cdktf-lxd-matchbox'/g, `from '${path.join(root, 'index')}'`)
    .replace(/from 'cdktf'/g, `from '${coreName}'`);
}

const programs = markdownFiles()
  .flatMap((file) => tsPrograms(codeBlocks(fs.readFileSync(path.join(root, file), 'utf8'), file)))
  .map((p) => ({
    ...p,
    title: `${p.block.file}:${p.block.line} ${p.kind} (${p.block.heading})`,
    path: path.join(generated, `${p.block.file.replace(/[/.]/g, '_')}_${p.block.line}.ts`),
  }));

beforeAll(() => {
  fs.rmSync(generated, { recursive: true, force: true });
  fs.mkdirSync(generated, { recursive: true });
  for (const p of programs) fs.writeFileSync(p.path, localSource(p));
  // The Matchbox example reads the release's checksum from the environment, as it tells the reader to.
  process.env.MATCHBOX_SHA256 ??= '0'.repeat(64);
});
afterAll(() => fs.rmSync(generated, { recursive: true, force: true }));

test('the README has its Quick start program; the guides under docs/ have their preambles and fragments', () => {
  const readme = programs.filter((p) => p.block.file === 'README.md');
  expect(readme.find((p) => p.block.name === 'main.ts')?.kind).toBe('program');
  const guides = programs.filter((p) => p.block.file.startsWith('docs/'));
  expect(guides.filter((p) => p.kind === 'fragment').length).toBeGreaterThanOrEqual(10);
  // Each guide with fragments shows the program they run in.
  for (const file of new Set(guides.filter((p) => p.kind === 'fragment').map((p) => p.block.file))) {
    expect({ file, preambles: guides.filter((p) => p.block.file === file && p.kind === 'preamble').length }).toEqual({
      file,
      preambles: 1,
    });
  }
});

test('every TypeScript block type-checks', () => {
  // The library's types are cdktf's; with only cdktn installed, the README's `paths` line maps them.
  const paths = { cdktf: [path.join(root, 'node_modules/cdktf'), path.join(root, 'node_modules/cdktn')] };
  const program = ts.createProgram(
    programs.map((p) => p.path),
    {
      strict: true,
      noEmit: true,
      esModuleInterop: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      paths,
      types: ['node'],
    },
  );
  const errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const p = programs.find((x) => x.path === d.file?.fileName);
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${p?.title ?? d.file?.fileName} (line ${where} of the program): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  expect(errors).toEqual([]);
});

describe.each(programs)('$title', (p) => {
  it('synthesizes', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-block-'));
    process.env.CDKTF_OUTDIR = outdir;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the generated file is loaded as a module on purpose
      jest.isolateModules(() => require(p.path));
    } finally {
      delete process.env.CDKTF_OUTDIR;
    }
    try {
      const stacks = filesUnder(path.join(outdir, 'stacks')).filter((f) => f.endsWith('cdk.tf.json'));
      expect(stacks.length).toBeGreaterThan(0);
      if (p.block.name === 'main.ts') {
        const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks/lab/cdk.tf.json'), 'utf8'));
        const resources = Object.values(json.resource.terraform_data).map((r: any) => r['//'].metadata.path);
        expect(resources).toEqual(
          expect.arrayContaining(['lab/vm/vm/converge', 'lab/web/instance/converge', 'lab/labbr0/network/object']),
        );
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
