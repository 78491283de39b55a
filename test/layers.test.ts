/**
 * The folders show the layers (docs/testing.md, "Where the tests are"): a folder imports only from
 * its own layer and the layers below; a domain's private/ folder only from that domain; LabStack
 * only from index.ts; bin/ only from src/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { filesUnder } from './helpers';

const ROOT = path.resolve(__dirname, '..');

/** Bottom to top. `generated/` (the provider bindings) sits below every construct layer. */
const LAYERS = [
  'src',
  'generated',
  'constructs/core',
  'constructs/render',
  'constructs/lxd',
  'constructs/hosts',
  'constructs/matchbox',
  'constructs/lab-stack.ts',
  'index.ts',
];
/** What each entry point may read. */
const ONLY: Record<string, string[]> = { bin: ['src'] };

/** The layer (or entry point) a repository path belongs to. */
function layerOf(file: string): string {
  const rel = path.relative(ROOT, file);
  return [...LAYERS, ...Object.keys(ONLY)].find((l) => rel === l || rel.startsWith(`${l}/`)) ?? rel;
}

/** `from`'s relative imports, resolved to the files they load. */
function importsOf(from: string): string[] {
  return [...fs.readFileSync(from, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) =>
    resolved(path.join(path.dirname(from), m[1])),
  );
}

function resolved(target: string): string {
  return [`${target}.ts`, path.join(target, 'index.ts')].find((f) => fs.existsSync(f)) ?? target;
}

/** Why the import of `target` by `file` breaks the layering, or undefined. */
function violation(file: string, target: string): string | undefined {
  const [from, to] = [layerOf(file), layerOf(target)];
  const edge = `${path.relative(ROOT, file)} -> ${path.relative(ROOT, target)}`;
  if (ONLY[from] ? !ONLY[from].includes(to) : LAYERS.indexOf(to) > LAYERS.indexOf(from))
    return `${edge} (${from} may not import ${to})`;
  const privateOf = /^(.*)\/private(\/|$)/.exec(path.relative(ROOT, target))?.[1];
  if (privateOf && !path.relative(ROOT, file).startsWith(`${privateOf}/`))
    return `${edge} (${privateOf}/private is internal to ${privateOf})`;
  return undefined;
}

it('every import goes down the layers (or stays in its own), private/ stays in its domain, bin/ reads only src/', () => {
  const files = ['constructs', 'src', 'bin']
    .flatMap((d) => filesUnder(path.join(ROOT, d)))
    .concat(path.join(ROOT, 'index.ts'))
    .filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(100);
  expect(files.flatMap((f) => importsOf(f).map((t) => violation(f, t))).filter((v) => v)).toEqual([]);
  // Every file of constructs/ belongs to a layer.
  expect(
    filesUnder(path.join(ROOT, 'constructs'))
      .map(layerOf)
      .filter((l) => !LAYERS.includes(l)),
  ).toEqual([]);
});

it('the check names the imports that break the layering', () => {
  const at = (p: string) => resolved(path.join(ROOT, p));
  expect(violation(at('constructs/render/cli-rendering.ts'), at('constructs/matchbox/imatchbox-server'))).toMatch(
    /constructs\/render may not import constructs\/matchbox/,
  );
  expect(violation(at('constructs/core/lifecycle.ts'), at('constructs/lab-stack'))).toMatch(
    /may not import constructs\/lab-stack.ts/,
  );
  expect(violation(at('src/lxd/cli.ts'), at('constructs/core/cdk'))).toMatch(/src may not import constructs\/core/);
  expect(violation(at('bin/cdktf-lxd-matchbox.ts'), at('constructs/core/cdk'))).toMatch(
    /bin may not import constructs\/core/,
  );
  expect(violation(at('constructs/lxd/container.ts'), at('constructs/matchbox/private/common'))).toMatch(
    /may not import|internal to constructs\/matchbox/,
  );
  expect(violation(at('constructs/matchbox/matchbox-server.ts'), at('constructs/lxd/private/common'))).toMatch(
    /constructs\/lxd\/private is internal to constructs\/lxd/,
  );
  expect(
    violation(at('constructs/matchbox/matchbox-server.ts'), at('constructs/matchbox/private/common')),
  ).toBeUndefined();
  expect(violation(at('constructs/hosts/container-host.ts'), at('constructs/lxd/container'))).toBeUndefined();
});
