import { Construct, IConstruct } from 'constructs';
import { ITerraformDependable, Token } from '../core/cdk';
import { dataFilesConverge, dataFilesDelete } from '../../src/matchbox/scripts';
import { DataFile } from '../../src/matchbox/model';
import { terraformIdentifier } from '../../src/util/names';
import { Problem, ProblemSubject } from '../../src/validation/errors';
import { Check, found } from '../../src/validation/props';
import { ManagedObject } from '../core/managed-object';
import { IMatchboxServer } from './imatchbox-server';
import { daemonHost, runnerOf } from '../hosts/host';

/**
 * Maps a problem of `validateMatchbox` (path = the server, `subject` = the profile or group,
 * property as written in its props: `kernel`, `selector.mac`...) to the construct that declared
 * the object. A problem without subject, or whose object `find` does not know, keeps the server's
 * path and names the object in the property (`profiles[id].kernel`).
 */
export function remapProblem(p: Problem, find: (subject: ProblemSubject) => IConstruct | undefined): Problem {
  if (!p.subject) return p;
  const owner = find(p.subject);
  if (!owner) return { ...p, property: `${p.subject.kind}s[${p.subject.id}].${p.property}` };
  return { ...p, path: owner.node.path };
}

/** The checks that the props (but `skip`) contain no Terraform tokens (references, variables) anywhere inside; a problem shows the token. */
export function literalChecks(props: object, skip: readonly string[]): Check[] {
  return Object.entries(props).filter(([property]) => !skip.includes(property)).map(([property, value]) => {
    const token = findToken(value);
    return found(property, token ?? value, token === undefined ? undefined : {
      reason: 'Matchbox data is rendered and checked at synth, so it cannot contain Terraform references or variables',
      fix: 'pass literal values (read files or environment variables in your cdktf program instead)',
    });
  });
}

function findToken(value: unknown): string | undefined {
  if (typeof value === 'string') return Token.isUnresolved(value) ? value : undefined;
  if (Array.isArray(value)) return value.map(findToken).find((x) => x !== undefined);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const t = findToken(k) ?? findToken(v);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

/** A Terraform-identifier-safe version of a construct path below its stack, for output names. */
export function outputPrefix(c: IConstruct): string {
  const parts = c.node.scopes.slice(1).map((s) => s.node.id).filter((x) => x);
  return terraformIdentifier(parts.slice(1).join('_')) || 'matchbox';
}

/** `{ hostGeneration }` when the server's host can be replaced under it (see IHost.generation), else `{}`. */
export function generationOf(server: IMatchboxServer): Record<string, string> {
  const generation = server.host.generation;
  return generation === undefined ? {} : { hostGeneration: generation };
}

/**
 * The files of one profile or group in the server's data directory, as one managed object:
 * written atomically on converge, exactly these files removed on destroy.
 */
export function dataFilesObject(scope: Construct, id: string, o: {
  readonly server: IMatchboxServer; readonly kind: string; readonly objectId: string;
  readonly files: DataFile[]; readonly dependsOn: ITerraformDependable[];
}): ITerraformDependable[] {
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
      destroy: dataFilesDelete(server.dataDir, files.map((f) => f.path)),
    }),
  });
  return [obj.object, obj.converged];
}
