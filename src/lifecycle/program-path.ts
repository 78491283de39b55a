import * as path from 'path';

/**
 * The lifecycle program Terraform runs (./program-main, compiled). The library runs from lib/ once
 * built; run from its TypeScript sources (ts-node, ts-jest), the program is the built copy in lib/.
 */
export function programFile(): string {
  if (__filename.endsWith('.js')) return path.join(__dirname, 'program-main.js');
  return path.resolve(__dirname, '../../lib/src/lifecycle/program-main.js');
}
