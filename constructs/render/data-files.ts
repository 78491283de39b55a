import { Construct } from 'constructs';
import { ITerraformDependable } from '../core/cdk';
import { ManagedObject } from '../core/managed-object';
import { DataFile } from '../../src/matchbox/model';
import { dataFilesConverge, dataFilesDelete } from '../../src/matchbox/scripts';
import { daemonHost, runnerOf } from '../core/host';
import { MatchboxTarget } from './matchbox-target';

/** `{ hostGeneration }` when the server's host can be replaced under it (see IHost.generation), else `{}`. */
export function generationOf(server: MatchboxTarget): Record<string, string> {
  const generation = server.host.generation;
  return generation === undefined ? {} : { hostGeneration: generation };
}

/**
 * The files of one profile or group in the server's data directory, as one managed object:
 * written atomically on converge, exactly these files removed on destroy.
 */
export function dataFilesObject(
  scope: Construct,
  id: string,
  o: {
    readonly server: MatchboxTarget;
    readonly kind: string;
    readonly objectId: string;
    readonly files: DataFile[];
    readonly dependsOn: ITerraformDependable[];
  },
): ITerraformDependable[] {
  const { server, files } = o;
  const obj = new ManagedObject(scope, id, {
    runner: runnerOf(server.host),
    dependsOn: o.dependsOn,
    host: daemonHost(server.host),
    lifecycle: { kind: 'record', recordKind: o.kind, name: `${server.dataDir}/${o.objectId}` },
    state: () => ({
      identity: { kind: o.kind, dataDir: server.dataDir, id: o.objectId, files: files.map((f) => f.path) },
      settings: { files: Object.fromEntries(files.map((f) => [f.path, f.contents])), ...generationOf(server) },
      converge: dataFilesConverge(server.dataDir, [...files]),
      destroy: dataFilesDelete(
        server.dataDir,
        files.map((f) => f.path),
      ),
    }),
  });
  return [obj.object, obj.converged];
}
