/**
 * The CDK core module: which package (cdktf or cdktn) the library runs on, that the app and the
 * library share one copy of it and of constructs, and that nothing else loads cdktf by itself.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Construct } from 'constructs';
import * as core from '../../../constructs/core/cdk';
import {
  cdk,
  coreDir,
  coreName,
  CoreName,
  CORE_ENV,
  Fn,
  selectCore,
  TerraformOutput,
  Testing,
} from '../../../constructs/core/cdk';
import { Bridge, LabStack, LocalHost } from '../../../index';

const root = path.resolve(__dirname, '../../..');

describe('selectCore', () => {
  const both = (name: CoreName) => `/nm/${name}/lib/index.js`;
  const only = (which: CoreName) => (name: CoreName) => (name === which ? both(name) : undefined);
  const appDir = (pkg: object) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-select-'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
    fs.mkdirSync(path.join(dir, 'src'));
    return path.join(dir, 'src');
  };

  it('takes the only one installed', () => {
    expect(selectCore({}, '/', only('cdktn')).name).toBe('cdktn');
    expect(selectCore({}, '/', only('cdktf')).name).toBe('cdktf');
  });

  it('fails with the install command when neither is installed', () => {
    expect(() => selectCore({}, '/', () => undefined)).toThrow(/npm install cdktn constructs/);
  });

  it(`obeys ${CORE_ENV}, and fails when that package is missing or the value unknown`, () => {
    expect(selectCore({ [CORE_ENV]: 'cdktf' }, '/', both).name).toBe('cdktf');
    expect(() => selectCore({ [CORE_ENV]: 'cdktn' }, '/', only('cdktf'))).toThrow(/'cdktn' cannot be found/);
    expect(() => selectCore({ [CORE_ENV]: 'cdk' }, '/', both)).toThrow(/must be 'cdktf' or 'cdktn'/);
  });

  it("with both installed, takes the one the app's package.json depends on, else cdktn", () => {
    expect(selectCore({}, appDir({ dependencies: { cdktf: '0.21.0', constructs: '10.8.1' } }), both).name).toBe(
      'cdktf',
    );
    expect(selectCore({}, appDir({ devDependencies: { cdktn: '0.24.0' } }), both).name).toBe('cdktn');
    expect(selectCore({}, appDir({ dependencies: { cdktf: '*', cdktn: '*' } }), both).name).toBe('cdktn');
    expect(selectCore({}, appDir({}), both).name).toBe('cdktn');
    expect(
      selectCore({}, appDir({ devDependencies: { cdktf: '*' }, peerDependencies: { cdktn: '*' } }), both).name,
    ).toBe('cdktf');
  });
});

describe('one copy of the core and of constructs', () => {
  it('the library exports the very module the app imports by name', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package the app would import, by its name
    expect(cdk).toBe(require(coreName));
    expect(core.TerraformStack).toBe(cdk.TerraformStack);
    expect(coreDir).toBe(path.join(root, 'node_modules', coreName));
  });

  it('the core resolves the same constructs as the library', () => {
    expect(require.resolve('constructs', { paths: [coreDir] })).toBe(require.resolve('constructs'));
  });

  it("the core's Fn works in a LabStack (it records function use on the stack, which a second copy lacks)", () => {
    const stack = new LabStack(Testing.app(), 'lab');
    const host = new LocalHost(stack, 'host');
    new Bridge(stack, 'br', { host, ipv4Address: '10.9.8.1/24', ipv6Address: 'none' });
    new TerraformOutput(stack, 'name', { value: Fn.upper(Fn.lower('BR')) });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.output.name.value).toBe('${upper(lower("BR"))}');
  });

  it('a LabStack in an App of another copy of the core fails at once, naming the copy it needs', () => {
    let OtherApp: typeof cdk.App | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second copy of the package, as a second install would be
      OtherApp = require(coreName).App;
    });
    expect(OtherApp).not.toBe(cdk.App);
    const other = new OtherApp!();
    expect(() => new LabStack(other, 'lab')).toThrow(
      new RegExp(`another copy of cdktf/cdktn .*${coreName} at .*${CORE_ENV}`, 's'),
    );
    // A construct tree that is no App at all is not refused.
    expect(() => new LabStack(new Construct(undefined as never, ''), 'lab')).not.toThrow();
  });
});

describe('nothing but constructs/core/cdk loads the core', () => {
  const sources = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.join(dir, e.name);
      return e.isDirectory() ? sources(rel) : rel.endsWith('.ts') && !rel.endsWith('.d.ts') ? [rel] : [];
    });

  it('no import of cdktf, cdktn or a prebuilt @cdktf provider in the library or its generated bindings', () => {
    const offenders = ['index.ts', ...sources('constructs'), ...sources('src'), ...sources('generated')]
      .filter((f) => f !== path.join('constructs', 'core', 'cdk.ts'))
      .filter((f) =>
        /(from|require\()\s*'(cdktf|cdktn)(\/[^']*)?'|'@cdktf\/provider-/.test(
          fs.readFileSync(path.join(root, f), 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });

  it('the package depends on neither core nor on @cdktf/provider-null, and names both cores as optional peers', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies ?? {}).filter((d) => /^(cdktf|cdktn|constructs|@cdktf\/)/.test(d))).toEqual([]);
    expect(Object.keys(pkg.peerDependencies)).toEqual(expect.arrayContaining(['cdktf', 'cdktn', 'constructs']));
    expect(pkg.peerDependenciesMeta).toEqual({ cdktf: { optional: true }, cdktn: { optional: true } });
  });
});
