/** Shared helpers of the Matchbox construct tests. */
import { spawnSync } from 'child_process';
import { TerraformResource, Testing } from '../../../constructs/core/cdk';
import { IHost, LabStack, LocalHost, MatchboxGroup, MatchboxProfile, MatchboxServer, MatchboxServerProps } from '../../../index';
import { execCommand, HostRunner, SCRIPT_ENV } from '../../../src/hosts/runner';
import { MatchboxDataSpec } from '../../../src/matchbox/model';
import { Json, synthJson, tfUnescape, tmpDir } from '../spine/helpers';

export const SHA = 'a'.repeat(64);

/** A LabStack with a local host and a server with the given props. */
export function labWithServer(props: Partial<MatchboxServerProps> = {}, app = Testing.app(), id = 'lab') {
  const stack = new LabStack(app, id);
  const host: IHost = props.host ?? new LocalHost(stack, 'host');
  const server = new MatchboxServer(stack, 'matchbox', { address: '192.168.0.1', sha256: SHA, ...props, host });
  return { app, stack, host, server };
}

/** Declares the profiles and groups of a pure-core data set as constructs on `server`. */
export function declareData(server: MatchboxServer, data: MatchboxDataSpec): { profiles: Map<string, MatchboxProfile>; groups: Map<string, MatchboxGroup> } {
  const scope = server.node.scope!;
  const profiles = new Map<string, MatchboxProfile>();
  for (const p of data.profiles) {
    profiles.set(p.id, new MatchboxProfile(scope, `profile-${p.id}`, {
      server, id: p.id, name: p.name, kernel: p.boot?.kernel, initrd: p.boot?.initrd, args: p.boot?.args,
      ignition: p.ignition, generic: p.generic, cloud: p.cloud,
    }));
  }
  const groups = new Map<string, MatchboxGroup>();
  for (const g of data.groups) {
    groups.set(g.id, new MatchboxGroup(scope, `group-${g.id}`, {
      profile: profiles.get(g.profile)!, id: g.id, name: g.name, selector: g.selector, metadata: g.metadata,
    }));
  }
  return { profiles, groups };
}

/** The resources of a stack JSON, by construct path (`lab/profile-simple/files/converge`). */
export function byPath(json: Json): Map<string, Json> {
  const out = new Map<string, Json>();
  const ids = (json as { __ids?: Map<string, string> }).__ids;
  if (!ids) throw new Error('synthesize with synth() from these helpers');
  for (const [p, key] of ids) {
    const r = json.resource?.terraform_data?.[key];
    if (r) out.set(p, r);
  }
  return out;
}

/** The converge and destroy scripts (unescaped) of the ManagedObject at `path` (e.g. `lab/simple/files`). */
export function scriptsOf(json: Json, path: string): { converge: string; destroy: string; command: string } {
  const resources = byPath(json);
  const converge = resources.get(`${path}/converge`);
  const object = resources.get(`${path}/object`);
  if (!converge || !object) throw new Error(`no managed object at ${path}: ${[...resources.keys()].join(', ')}`);
  const exec = converge.provisioner[0]['local-exec'];
  return { converge: tfUnescape(exec.environment[SCRIPT_ENV]), destroy: tfUnescape(object.input.destroy), command: exec.command };
}

/** Synthesizes a stack and returns its JSON, with the construct path -> resource key map attached. */
export function synth(stack: LabStack): Json {
  const json = synthJson(stack);
  const ids = new Map<string, string>();
  for (const c of stack.node.findAll()) if (c instanceof TerraformResource) ids.set(c.node.path, c.friendlyUniqueId);
  Object.defineProperty(json, '__ids', { value: ids, enumerable: false });
  return json;
}


/**
 * Runs a script exactly as the local-exec provisioner would, through `runner`; HOME (where
 * record files go) is a fresh temporary directory unless `env` names one.
 */
export function runScript(runner: HostRunner, text: string, env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('/bin/sh', ['-c', execCommand(runner)], {
    env: { PATH: process.env.PATH, HOME: tmpDir('mbx-home-'), ...env, [SCRIPT_ENV]: text }, encoding: 'utf8', timeout: 30000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
