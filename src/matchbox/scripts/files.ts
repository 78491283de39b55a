/** File-based data: profiles/<id>.json, groups/<id>.json, ignition/<id>.ign, generic/<id>, cloud/<id>. */
import { script } from '../../lxd/cli';
import { shq } from '../../shell/quote';
import { DataFile } from '../model';
import { atomicWrite, dirOf, tmpDirOf, unique } from './helpers';

/** Writes data files (paths relative to `dataDir`), each atomically; touches no other file. */
export function dataFilesConverge(dataDir: string, files: readonly DataFile[]): string {
  const targets = files.map((f) => `${dataDir}/${f.path}`);
  return script([
    'umask 022',
    `mkdir -p ${unique([tmpDirOf(dataDir), ...targets.map(dirOf)])
      .map(shq)
      .join(' ')}`,
    ...files.flatMap((f, i) => atomicWrite(targets[i], f.contents, { tmpDir: tmpDirOf(dataDir) })),
  ]);
}

/** Removes exactly the given data files. */
export function dataFilesDelete(dataDir: string, paths: readonly string[]): string {
  return script([`rm -f ${paths.map((p) => shq(`${dataDir}/${p}`)).join(' ')}`]);
}
