/** The helpers of the unit tests: synth, problems, rejected and accepted apps, fake host binaries, script runs, Matchbox labs. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { App, TerraformResource, TerraformStack, Testing } from '../constructs/core/cdk';
import {
  IHost,
  LabStack,
  LocalHost,
  MatchboxGroup,
  MatchboxProfile,
  MatchboxServer,
  MatchboxServerProps,
  ValidationErrors,
} from '../index';
import { execCommand, HostRunner, SCRIPT_ENV } from '../src/hosts/runner';
import { MatchboxDataSpec } from '../src/matchbox/model';
import { Problem, ValidationError } from '../src/validation/errors';

export type Json = Record<string, any>;

/** A fresh temporary directory. */
export function tmpDir(prefix = 'spine-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every file under `dir` (recursive). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** `Testing.synth(stack, true)` parsed. */
export function synthJson(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack, true));
}

/** The `terraform_data` resources of a synthesized stack, by the construct id prefix (`web_instance_object_...`). */
export function resourceBy(json: Json, prefix: string, type = 'terraform_data'): Json {
  const entries = Object.entries(json.resource?.[type] ?? {}).filter(([k]) => k.startsWith(`${prefix}_`));
  if (entries.length !== 1)
    throw new Error(`expected one ${type} ${prefix}_*, got ${entries.map(([k]) => k).join(', ') || 'none'}`);
  return entries[0][1] as Json;
}

/** The full resource address of the resource with `prefix`. */
export function addressOf(json: Json, prefix: string, type = 'terraform_data'): string {
  const key = Object.keys(json.resource?.[type] ?? {}).find((k) => k.startsWith(`${prefix}_`));
  if (!key) throw new Error(`no ${type} ${prefix}_*`);
  return `${type}.${key}`;
}

/** The first local-exec provisioner of a resource. */
export function localExec(resource: Json, when?: 'destroy'): Json {
  const p = (resource.provisioner ?? [])
    .map((x: Json) => x['local-exec'])
    .find((x: Json) => (when ? x.when === when : x.when === undefined));
  if (!p) throw new Error(`no local-exec${when ? ` (when ${when})` : ''}`);
  return p;
}

/** Undoes Terraform's template escapes of a literal (no interpolation inside). */
export function tfUnescape(text: string): string {
  if (/(^|[^$])\$\{|(^|[^%])%\{/.test(text.replace(/\$\$\{/g, '').replace(/%%\{/g, ''))) {
    throw new Error(`not a pure literal: ${text.slice(0, 80)}`);
  }
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** Decodes the single HCL string literal argument of `${sensitive("...")}` or `${sensitive(jsondecode("..."))}`. */
export function unsensitive(expr: string): string {
  const m = /^\$\{sensitive\((?:jsondecode\()?"((?:[^"\\]|\\.)*)"\)?\)\}$/s.exec(expr);
  if (!m) throw new Error(`not a sensitive literal: ${expr.slice(0, 60)}`);
  return m[1]
    .replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) =>
      c.length > 1
        ? String.fromCharCode(parseInt(c.slice(1), 16))
        : (({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[c] ?? c),
    )
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

/** Runs `fn` and returns the ValidationError it throws (fails when it throws anything else or nothing). */
export function validationErrorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw new Error(`expected a ValidationError, got: ${(e as Error).message}`);
  }
  throw new Error('expected a ValidationError, nothing was thrown');
}

/** Expected parts of one problem; `fix` is a substring of the fix. */
export interface ExpectedProblem {
  readonly path: string;
  readonly property: string;
  readonly value?: unknown;
  readonly reason?: string | RegExp;
  readonly fix?: string | RegExp;
}

/**
 * Asserts that `error` reports a problem naming the construct path, the property, the bad value
 * and a fix, both in its structured `problems` and in its message.
 */
export function expectProblem(error: ValidationError, expected: ExpectedProblem): Problem {
  const found = error.problems.find(
    (p) =>
      p.path === expected.path &&
      p.property === expected.property &&
      (!('value' in expected) || JSON.stringify(p.value) === JSON.stringify(expected.value)),
  );
  if (!found) {
    throw new Error(`no problem ${JSON.stringify(expected)} in:\n${error.message}`);
  }
  expect(found.fix.length).toBeGreaterThan(3);
  if (expected.reason) expect(found.reason).toMatch(expected.reason);
  if (expected.fix) expect(found.fix).toMatch(expected.fix);
  expect(error.message).toContain(`[${expected.path}] ${expected.property} = `);
  expect(error.message).toContain('Fix: ');
  if (typeof found.value === 'string' && found.value.length < 100)
    expect(error.message).toContain(JSON.stringify(found.value));
  return found;
}

/**
 * Builds an app into a fresh outdir, synthesizes it and expects a ValidationError;
 * asserts that no `cdk.tf.json` was written anywhere under the outdir.
 */
export function expectAppSynthRejected(build: (app: App) => void): ValidationError {
  const outdir = tmpDir('spine-out-');
  const app = new App({ outdir });
  build(app);
  const error = validationErrorOf(() => app.synth());
  expect(filesUnder(outdir).filter((f) => f.endsWith('cdk.tf.json'))).toEqual([]);
  return error;
}

// ---------------------------------------------------------------------------------------------
// Fake host binaries
// ---------------------------------------------------------------------------------------------

/** One logged call of a fake binary. */
export interface Call {
  readonly argv: string[];
  readonly stdin?: string;
  readonly file?: string;
}

/**
 * Node scripts standing in for `lxc`, `lxd`, `multipass`, `ssh` and `sudo`. Each appends its argv
 * (with the binary's name first) as one JSON line to `$FAKE_LOG`.
 * - `lxc ... get ...` exits `$FAKE_GET_RC` (default 1: missing -> create path) and prints `$FAKE_OLD`
 *   (`$FAKE_OWNER`, default `lab`, for the owner key).
 * - `lxc config show NAME` / `lxc profile show NAME` exit `$FAKE_GET_RC` too and print `$FAKE_SHOW`
 *   (YAML as LXD 5.0 writes it; default: the object with empty config and devices).
 * - `lxc query URL` (no -X) exits `$FAKE_EXISTS_RC` (default 0: present -> delete path); `lxc query /1.0`
 *   prints `$FAKE_SERVER` when set (the server's JSON, e.g. its `server_version`).
 * - `lxc list` prints STOPPED; `lxd init --preseed` logs its stdin.
 * - `multipass info` exits `$FAKE_INFO_RC` (default 1); `multipass launch` logs the --cloud-init file;
 *   `multipass exec NAME -- cmd...` runs cmd with stdin passed through (`cloud-init ...` exits
 *   `$FAKE_CLOUD_INIT_RC`, default 0).
 * - `ssh [opts] -- target REMOTE` runs REMOTE with `sh -c`, stdin passed through (as sshd does).
 * - `sudo cmd...` runs cmd.
 */
export function makeFakeBin(dir: string): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const common = `#!${process.execPath}
const fs = require('fs');
const { spawnSync } = require('child_process');
const name = require('path').basename(process.argv[1]);
const argv = process.argv.slice(2);
const log = (extra) => fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify({ argv: [name, ...argv], ...extra }) + '\\n');
const run = (cmd, args) => { const r = spawnSync(cmd, args, { stdio: 'inherit' }); process.exit(r.status === null ? 1 : r.status); };
`;
  const bodies: Record<string, string> = {
    lxc: `log({});
if (argv[1] === 'get' || argv[1] === 'get-property') {
  // The owner key answers $FAKE_OWNER (default: the stack lab), every other key $FAKE_OLD.
  process.stdout.write(argv[3] === 'user.cdktf.owner' ? (process.env.FAKE_OWNER ?? 'lab') : (process.env.FAKE_OLD || ''));
  process.exit(Number(process.env.FAKE_GET_RC || 1));
}
if ((argv[0] === 'config' || argv[0] === 'profile') && argv[1] === 'show') {
  const rc = Number(process.env.FAKE_GET_RC || 1);
  if (rc !== 0) { process.stderr.write('Error: not found\\n'); process.exit(rc); }
  process.stdout.write(process.env.FAKE_SHOW ?? 'config: {}\\ndescription: ""\\ndevices: {}\\nname: ' + argv[2] + '\\n');
  process.exit(0);
}
if (argv[0] === 'query' && argv[1] === '/1.0' && process.env.FAKE_SERVER) { process.stdout.write(process.env.FAKE_SERVER); process.exit(0); }
if (argv[0] === 'query' && argv[1] !== '-X') process.exit(Number(process.env.FAKE_EXISTS_RC || 0));
if (argv[0] === 'list') process.stdout.write('STOPPED\\n');
`,
    lxd: `log({ stdin: fs.readFileSync(0, 'utf8') });`,
    multipass: `
if (argv[0] === 'launch') { const i = argv.indexOf('--cloud-init'); log({ file: fs.readFileSync(argv[i + 1], 'utf8') }); process.exit(0); }
log({});
if (argv[0] === 'info') process.exit(Number(process.env.FAKE_INFO_RC || 1));
if (argv[0] === 'exec') { const rest = argv.slice(argv.indexOf('--') + 1); if (rest[0] === 'cloud-init') process.exit(Number(process.env.FAKE_CLOUD_INIT_RC || 0)); run(rest[0], rest.slice(1)); }
`,
    ssh: `log({});
const rest = argv.slice(argv.indexOf('--') + 2);
run('sh', ['-c', rest.join(' ')]);
`,
    sudo: `log({}); run(argv[0], argv.slice(1));`,
  };
  for (const [n, body] of Object.entries(bodies)) {
    fs.writeFileSync(path.join(bin, n), common + body, { mode: 0o755 });
  }
  return bin;
}

/** A sandbox with fake binaries, a call log and a canary location. */
export class Sandbox {
  public readonly dir = tmpDir('spine-sandbox-');
  public readonly bin = makeFakeBin(this.dir);
  public readonly logFile = path.join(this.dir, 'calls.log');
  /** Where hostile strings try to create files. */
  public readonly canary = path.join(this.dir, 'canary');

  /** Environment for a run: fakes first on PATH. */
  public env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return { PATH: `${this.bin}:${process.env.PATH}`, FAKE_LOG: this.logFile, HOME: this.dir, ...extra };
  }

  /**
   * Runs a script exactly as the local-exec provisioner does: `/bin/sh -c <command>` with the
   * script in `$CDKTF_LAB_SCRIPT`. `command` is a local-exec command line, or a runner.
   */
  public run(
    command: string | HostRunner,
    scriptText: string,
    extra: Record<string, string> = {},
  ): { status: number | null; stderr: string } {
    const line = typeof command === 'string' ? command : execCommand(command);
    const r = spawnSync('/bin/sh', ['-c', line], {
      cwd: this.dir,
      env: this.env({ ...extra, [SCRIPT_ENV]: scriptText }),
      encoding: 'utf8',
      timeout: 30000,
    });
    return { status: r.status, stderr: r.stderr };
  }

  /** The calls logged so far (and clears the log). */
  public calls(): Call[] {
    if (!fs.existsSync(this.logFile)) return [];
    const lines = fs
      .readFileSync(this.logFile, 'utf8')
      .split('\n')
      .filter((l) => l);
    fs.unlinkSync(this.logFile);
    return lines.map((l) => JSON.parse(l));
  }

  /** Files a hostile string may have created anywhere in the sandbox or cwd. */
  public canaries(): string[] {
    return filesUnder(this.dir).filter((f) => path.basename(f).startsWith('canary'));
  }
}

/** The `--data` JSON argument of a logged `lxc query -X METHOD URL --data JSON` call. */
export function queryData(calls: Call[], method: string, url: string): Json {
  const c = calls.find((x) => x.argv[1] === 'query' && x.argv[3] === method && x.argv[4] === url);
  if (!c)
    throw new Error(`no lxc query -X ${method} ${url} in ${JSON.stringify(calls.map((x) => x.argv.slice(0, 5)))}`);
  return JSON.parse(c.argv[c.argv.indexOf('--data') + 1]);
}

/** A LabStack `lab` with a local host `lab/host`. */
export function lab(app: App) {
  const stack = new LabStack(app, 'lab');
  const host = new LocalHost(stack, 'host');
  return { app, stack, host };
}

/**
 * Declares an app into a fresh outdir and synthesizes it, expecting a ValidationError either
 * while declaring (construction-time checks) or at synth (cross-object checks). Asserts that
 * nothing was written (not even the `stacks` folder) and that `ValidationErrors` recognises the
 * error; returns it.
 */
export function rejectedError(build: (l: ReturnType<typeof lab>) => void): ValidationError {
  const outdir = tmpDir('validation-out-');
  const app = new App({ outdir });
  const error = validationErrorOf(() => {
    build(lab(app));
    app.synth();
  });
  expect(filesUnder(outdir)).toEqual([]);
  expect(fs.existsSync(path.join(outdir, 'stacks'))).toBe(false);
  expect(ValidationErrors.isValidationError(error)).toBe(true);
  return error;
}

/** {@link rejectedError}, whose error names `expected` (path, property, value, fix). */
export function expectRejected(build: (l: ReturnType<typeof lab>) => void, expected: ExpectedProblem): ValidationError {
  const error = rejectedError(build);
  expectProblem(error, expected);
  return error;
}

/** Declares and synthesizes an app into a fresh outdir; returns the files written. */
export function expectAccepted(build: (l: ReturnType<typeof lab>) => void): string[] {
  const outdir = tmpDir('validation-ok-');
  const app = new App({ outdir });
  build(lab(app));
  app.synth();
  const files = filesUnder(outdir).filter((f) => f.endsWith('cdk.tf.json'));
  expect(files.length).toBeGreaterThan(0);
  return files;
}

export const SHA = 'a'.repeat(64);

/** A LabStack with a local host and a server with the given props. */
export function labWithServer(props: Partial<MatchboxServerProps> = {}, app = Testing.app(), id = 'lab') {
  const stack = new LabStack(app, id);
  const host: IHost = props.host ?? new LocalHost(stack, 'host');
  const server = new MatchboxServer(stack, 'matchbox', { address: '192.168.0.1', sha256: SHA, ...props, host });
  return { app, stack, host, server };
}

/** Declares the profiles and groups of a pure-core data set as constructs on `server`. */
export function declareData(
  server: MatchboxServer,
  data: MatchboxDataSpec,
): { profiles: Map<string, MatchboxProfile>; groups: Map<string, MatchboxGroup> } {
  const scope = server.node.scope!;
  const profiles = new Map<string, MatchboxProfile>();
  for (const p of data.profiles) {
    profiles.set(
      p.id,
      new MatchboxProfile(scope, `profile-${p.id}`, {
        server,
        id: p.id,
        name: p.name,
        kernel: p.boot?.kernel,
        initrd: p.boot?.initrd,
        args: p.boot?.args,
        ignition: p.ignition,
        generic: p.generic,
        cloud: p.cloud,
      }),
    );
  }
  const groups = new Map<string, MatchboxGroup>();
  for (const g of data.groups) {
    groups.set(
      g.id,
      new MatchboxGroup(scope, `group-${g.id}`, {
        profile: profiles.get(g.profile)!,
        id: g.id,
        name: g.name,
        selector: g.selector,
        metadata: g.metadata,
      }),
    );
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
  return {
    converge: tfUnescape(exec.environment[SCRIPT_ENV]),
    destroy: tfUnescape(object.input.destroy),
    command: exec.command,
  };
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
export function runScript(
  runner: HostRunner,
  text: string,
  env: NodeJS.ProcessEnv = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('/bin/sh', ['-c', execCommand(runner)], {
    env: { PATH: process.env.PATH, HOME: tmpDir('mbx-home-'), ...env, [SCRIPT_ENV]: text },
    encoding: 'utf8',
    timeout: 30000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
