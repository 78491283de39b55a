/**
 * A failed synth writes nothing and says only what is wrong, through the real `cdktf synth` (or
 * `cdktn synth`) and through plain `node`: a bad input found while declaring, and one found by the
 * app-wide check at `app.synth()`. No `cdktf.out/stacks` folder is left; the output is the list of
 * problems, without a stack trace or the error object's fields; the exit status is not 0.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { coreName } from '../../constructs/core/cdk';
import { runAsync } from './support/lxd-daemon';
import { describeE2E } from './support/prereqs';

const root = path.resolve(__dirname, '../..');
/** The environment without an output folder of the test runner's. */
const env = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CDKTF_OUTDIR')) as NodeJS.ProcessEnv;

/** The app's program: one bad input found while declaring (`declare`) or at synth (`synth`). */
function app(failure: 'declare' | 'synth'): string {
  return `
const { App } = require(${JSON.stringify(path.join(root, 'node_modules', coreName))});
const L = require(${JSON.stringify(path.join(root, 'lib/index.js'))});
const app = new App();
const lab = new L.LabStack(app, 'lab');
const host = new L.LocalHost(lab, 'host');
new L.Container(lab, 'web', { host, image: 'busybox', limits: { memory: ${failure === 'declare' ? "'0MiB'" : "'1GiB'"} } });
new L.Container(lab, 'web2', { host, image: 'busybox', name: ${failure === 'synth' ? "'web'" : "'web2'"} });
app.synth();
`;
}

const expected = {
  declare:
    '  - [lab/web] limits.memory = "0MiB": the size must be more than zero bytes. Fix: use a positive size such as 512MiB, 10GiB or 80GB.',
  synth:
    '  - [lab/web2] name = "web": another instance on the same daemon (local) already has this name: lab/web. Fix: give each instance on a daemon its own name',
};

describeE2E('a failed synth', () => {
  let dir: string;

  beforeAll(() => {
    // The app runs compiled JavaScript, as users run it.
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
    expect(build.status).toBe(0);
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'failed-synth-'));
    fs.writeFileSync(
      path.join(dir, 'cdktf.json'),
      JSON.stringify({ language: 'typescript', app: 'node app.js', sendCrashReports: 'false' }),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** What a failed run must and must not print, and leave behind. */
  const expectClean = (output: string, failure: 'declare' | 'synth') => {
    expect(output).toContain('1 invalid input; nothing was synthesized:');
    expect(output).toContain(expected[failure]);
    expect(output).not.toMatch(/^\s+at .+[:(]\d+/m); // no stack frame
    expect(output).not.toContain('problems: ['); // no dump of the error's fields
    expect(output).not.toContain('throw new'); // no source line of the throw
    expect(fs.existsSync(path.join(dir, 'cdktf.out', 'stacks'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'cdktf.out'))).toBe(false);
  };

  it.each(['declare', 'synth'] as const)(`${coreName} synth, a bad input found at %s time`, async (failure) => {
    fs.writeFileSync(path.join(dir, 'app.js'), app(failure));
    const r = await runAsync(path.join(root, 'node_modules/.bin', coreName), ['synth'], {
      cwd: dir,
      env: { ...env(), CHECKPOINT_DISABLE: '1', CI: '1', FORCE_COLOR: '0' },
      timeoutMs: 300000,
    });
    expect(r.code).not.toBe(0);
    expectClean(`${r.stdout}\n${r.stderr}`, failure);
  });

  it.each(['declare', 'synth'] as const)(
    'node app.js, a bad input found at %s time: only the problems on stderr, exit status 1',
    (failure) => {
      fs.writeFileSync(path.join(dir, 'app.js'), app(failure));
      const r = spawnSync('node', ['app.js'], { cwd: dir, encoding: 'utf8', env: env() });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([
        '1 invalid input; nothing was synthesized:',
        expect.stringContaining(expected[failure]),
      ]);
      expectClean(r.stderr, failure);
    },
  );

  it('a good app still writes its stacks (the folder is made again once validation passed)', () => {
    fs.writeFileSync(path.join(dir, 'app.js'), app('declare').replace("'0MiB'", "'1GiB'"));
    const r = spawnSync('node', ['app.js'], { cwd: dir, encoding: 'utf8', env: env() });
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'cdktf.out', 'stacks', 'lab', 'cdk.tf.json'))).toBe(true);
  });
});
