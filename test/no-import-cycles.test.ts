/**
 * The architecture stays a tree: no import cycle in constructs/ or src/ (type imports included),
 * so every module can be read, loaded and tested on its own.
 */
import * as fs from 'fs';
import * as path from 'path';
import { filesUnder } from './helpers';

const ROOT = path.resolve(__dirname, '..');

const tsFiles = (dir: string): string[] => filesUnder(dir).filter((f) => f.endsWith('.ts'));

/** Every cycle of relative imports, each as `a -> b -> a` (paths relative to the repo). */
function importCycles(roots: string[]): string[] {
  const files = roots.flatMap((r) => tsFiles(path.join(ROOT, r)));
  const known = new Set(files);
  const edges = new Map(
    files.map((f) => [
      f,
      [...fs.readFileSync(f, 'utf8').matchAll(/from '(\.[^']+)'/g)]
        .map((m) => path.join(path.dirname(f), m[1]))
        .map((t) =>
          known.has(`${t}.ts`) ? `${t}.ts` : known.has(path.join(t, 'index.ts')) ? path.join(t, 'index.ts') : '',
        )
        .filter((t) => t),
    ]),
  );
  const cycles = new Set<string>();
  const onPath: string[] = [];
  const done = new Set<string>();
  const visit = (f: string) => {
    onPath.push(f);
    for (const t of edges.get(f) ?? []) {
      const at = onPath.indexOf(t);
      if (at >= 0) cycles.add([...onPath.slice(at), t].map((x) => path.relative(ROOT, x)).join(' -> '));
      else if (!done.has(t)) visit(t);
    }
    onPath.pop();
    done.add(f);
  };
  for (const f of files) if (!done.has(f)) visit(f);
  return [...cycles].sort();
}

it('constructs/ and src/ have no import cycles', () => {
  expect(importCycles(['constructs', 'src'])).toEqual([]);
});
