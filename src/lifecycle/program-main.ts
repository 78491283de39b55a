/**
 * The command `terraform apply` runs for the lifecycle steps, in the stack's directory:
 *   node <this file> prune before|after UNIT HASH
 *   node <this file> destroy            (the object's destroy step; its data in CDKTF_LAB_* variables)
 * It exits 1, with the reason on stderr, whenever a step cannot be done safely.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { LabManifest, MANIFEST_FILE } from './manifest';
import { destroy, DESTROY_ENV, LifecycleError, LifecycleIo, prune } from './program';
import { hostRecord, hostRecordName, hostsDir } from './host-records';

/** The real world: a runner is a local command line run by `sh -c`; the markers are files in `dir`. */
export function processIo(dir: string): LifecycleIo {
  return {
    run(runner, script) {
      const r = spawnSync('sh', ['-c', runner], {
        input: script,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: process.env,
      });
      return {
        status: r.status ?? 1,
        stdout: r.stdout ?? '',
        stderr: `${r.stderr ?? ''}${r.error ? r.error.message : ''}`,
      };
    },
    takeMarker(name) {
      const file = path.join(dir, name);
      try {
        const text = fs.readFileSync(file, 'utf8');
        fs.rmSync(file, { force: true });
        return text;
      } catch {
        return '';
      }
    },
    writeMarker(name, text) {
      fs.writeFileSync(path.join(dir, name), text);
    },
    log(line) {
      process.stderr.write(`${line}\n`);
    },
    rememberHost(owner, unit) {
      const dir = hostsDir(owner, process.env);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, hostRecordName(unit.key)), `${JSON.stringify(hostRecord(unit))}\n`);
    },
  };
}

function readManifest(dir: string): LabManifest {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as LabManifest;
  } catch (e) {
    throw new LifecycleError(
      `cannot read the lab manifest ${MANIFEST_FILE} in ${dir} (${(e as Error).message}): synthesize again`,
    );
  }
}

/** Runs one step; `dir` is the stack's working directory (the manifest and the markers are there). */
export function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  dir = process.cwd(),
  io: LifecycleIo = processIo(dir),
): void {
  const [command, ...args] = argv;
  if (command === 'prune' && (args[0] === 'before' || args[0] === 'after') && args.length === 3) {
    prune(readManifest(dir), args[1], args[2], args[0], io, env.CDKTF_LAB_RUN ?? '');
  } else if (command === 'destroy' && args.length === 0) {
    const value = (name: string) => env[name] ?? '';
    destroy(
      readManifest(dir),
      {
        path: value(DESTROY_ENV.path),
        kind: value(DESTROY_ENV.kind),
        identity: value(DESTROY_ENV.identity),
        protect: value(DESTROY_ENV.protect) === 'true',
        runner: value(DESTROY_ENV.runner),
        script: value(DESTROY_ENV.script),
      },
      io,
    );
  } else {
    throw new LifecycleError(`usage: prune before|after UNIT HASH | destroy (got: ${argv.join(' ')})`);
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`cdktf-lxd-matchbox: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
