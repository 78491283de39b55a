/**
 * The README's quick start is real code: it type-checks against the library and synthesizes, with
 * the CDK core the library runs on (`cdktf`, or `cdktn` as a CDK Terrain app imports it).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { coreName } from '../../../constructs/core/cdk';

const root = path.resolve(__dirname, '../../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** The first TypeScript block after `heading`, importing the repository instead of the package, and the core in use. */
function codeAfter(heading: string): string {
  const rest = readme.slice(readme.indexOf(heading));
  const block = /```ts\n([\s\S]*?)```/.exec(rest);
  if (!block) throw new Error(`no ts block after ${heading}`);
  return block[1].replace(/from 'cdktf-lxd-matchbox'/g, `from '${path.join(root, 'index')}'`).replace(/from 'cdktf'/g, `from '${coreName}'`);
}

describe('README quick start', () => {
  const source = codeAfter('## Quick start');
  const file = path.join(root, 'test/unit/readme/quickstart.generated.ts');

  afterAll(() => fs.rmSync(file, { force: true }));

  it('type-checks', () => {
    fs.writeFileSync(file, source);
    // The library's types are cdktf's; with only cdktn installed, the README's `paths` line maps them.
    const paths = { cdktf: [path.join(root, 'node_modules/cdktf'), path.join(root, 'node_modules/cdktn')] };
    const program = ts.createProgram([file], { strict: true, noEmit: true, esModuleInterop: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, paths });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
  });

  it('synthesizes the stack it describes', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'quickstart-'));
    process.env.CDKTF_OUTDIR = outdir;
    try {
      fs.writeFileSync(file, source);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the generated file is loaded as a module on purpose
      jest.isolateModules(() => require(file));
    } finally {
      delete process.env.CDKTF_OUTDIR;
    }
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks/lab/cdk.tf.json'), 'utf8'));
    const paths = Object.values(json.resource.terraform_data).map((r: any) => r['//'].metadata.path);
    expect(paths).toEqual(expect.arrayContaining(['lab/vm/vm/converge', 'lab/web/instance/converge', 'lab/labbr0/network/object']));
  });
});
