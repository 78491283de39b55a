/**
 * Synth spawns no processes: no `terraform version` per resource, no helper commands.
 */
import { App, coreName, TerraformStack } from '../../constructs/core/cdk';
import { buildLab } from '../../examples/default';
import { filesUnder, tmpDir } from '../helpers';

// The very module object that cdktf calls through (`(0, child_process_1.execSync)(...)`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cp = require('child_process') as typeof import('child_process');
const METHODS = ['spawn', 'exec', 'execFile', 'spawnSync', 'execSync', 'execFileSync', 'fork'] as const;

function spyAll(): jest.SpyInstance[] {
  return METHODS.map((m) => jest.spyOn(cp, m));
}
const callsOf = (spies: jest.SpyInstance[]) =>
  spies.flatMap((s, i) => s.mock.calls.map((c) => `${METHODS[i]} ${String(c[0])}`));

afterEach(() => jest.restoreAllMocks());

describe('synth spawns no processes', () => {
  it('the spies see cdktf spawning (control: its own DataResource runs `terraform version`)', () => {
    const spies = spyAll();
    const app = new App({ outdir: tmpDir('spine-spawn-') });
    // The core's own class, loaded only here: the library never uses it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DataResource } = require(coreName) as typeof import('cdktf');
    new DataResource(new TerraformStack(app, 'control'), 'd', { input: { v: 'x' } });
    try {
      app.synth();
    } catch {
      // terraform may or may not be found; the call is what matters
    }
    expect(callsOf(spies).join('\n')).toMatch(/terraform version/);
  });

  it('app.synth() of the default example makes zero child_process calls', () => {
    const spies = spyAll();
    const outdir = tmpDir('spine-spawn-');
    const app = new App({ outdir });
    buildLab(app);
    app.synth();
    expect(callsOf(spies)).toEqual([]);
    expect(filesUnder(outdir).some((f) => f.endsWith('cdk.tf.json'))).toBe(true);
  });
});
