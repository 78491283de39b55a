/**
 * The rendered profile and group scripts, run for real with `sh` (and busybox sh) against a
 * temporary data directory on a LocalHost: files land exactly as the pure renderers (and the
 * reference's verbatim examples) say, atomically, and destroy removes exactly them.
 */
import { runnerOf } from '../../../constructs/core/host';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { Testing } from '../../../constructs/core/cdk';
import {
  ContainerHost,
  Container,
  LabStack,
  LocalHost,
  MatchboxGroup,
  MatchboxProfile,
  MultipassVm,
} from '../../../index';
import { renderDataDir } from '../../../src/matchbox/render';
import { runnerCommand } from '../../../src/hosts/runner';
import { SEED003 } from '../../src/matchbox/seed003.fixture';
import { filesUnder, tmpDir } from '../../helpers';
import { declareData, labWithServer, runScript, scriptsOf, synth } from '../../helpers';

const LOCAL = { kind: 'local' as const, sudo: false };
const SHELLS = ['/bin/sh', ...(fs.existsSync('/usr/bin/busybox') ? ['busybox sh'] : [])];

/** Every file under `dir`, relative, with contents. */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries(
    filesUnder(dir)
      .map((f) => [path.relative(dir, f), fs.readFileSync(f, 'utf8')])
      .sort(),
  );
}

/** Seed 003's data as constructs on a server whose data dir is a fresh temporary directory. */
function seed003() {
  const dataDir = tmpDir('mbx-data-');
  const { stack, server } = labWithServer({ dataDir });
  const { profiles, groups } = declareData(server, SEED003);
  const json = synth(stack);
  const objects = [
    ...[...profiles.values()].map((p) => `lab/${p.node.id}/files`),
    ...[...groups.values()].map((g) => `lab/${g.node.id}/file`),
  ];
  return { dataDir, json, objects, profiles, groups, server, stack };
}

describe.each(SHELLS)('data scripts under %s', (shell) => {
  /** The host's home: each converge leaves the record of its object (for prune) below it. */
  let home = '';
  beforeEach(() => {
    home = tmpDir('mbx-home-');
  });
  const run = (text: string) => {
    const r = spawnSync('/bin/sh', ['-c', `printf '%s\\n' "$S" | ${shell} -s`], {
      env: { PATH: process.env.PATH, HOME: home, S: text },
      encoding: 'utf8',
    });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  };
  /** The records on the host, as `kind:name` (relative to the data dir). */
  const records = (dataDir: string) =>
    filesUnder(path.join(home, '.local/state/cdktf-lxd-matchbox/records/lab'))
      .map((f) => JSON.parse(fs.readFileSync(f, 'utf8')))
      .map((r) => `${r.kind}:${path.relative(dataDir, r.name)}`)
      .sort();

  it('writes exactly the files renderDataDir renders for seed 003, and nothing else', () => {
    const { dataDir, json, objects } = seed003();
    for (const o of objects) run(scriptsOf(json, o).converge);
    const expected = Object.fromEntries(renderDataDir(SEED003).map((f) => [f.path, f.contents]));
    expect(tree(dataDir)).toEqual(expected);
    // The temporary files of the atomic writes are gone; their directory is all that is left.
    expect(fs.readdirSync(path.join(dataDir, '.cdktf-tmp'))).toEqual([]);
    // One record per object, outside the data dir.
    expect(records(dataDir)).toEqual([
      'matchbox-group:default',
      'matchbox-group:node1',
      'matchbox-profile:coreos-install',
      'matchbox-profile:simple',
    ]);
  });

  it('converging again changes nothing; a change rewrites the file in place', () => {
    const { dataDir, json, objects } = seed003();
    for (const o of objects) run(scriptsOf(json, o).converge);
    const before = tree(dataDir);
    for (const o of objects) run(scriptsOf(json, o).converge);
    expect(tree(dataDir)).toEqual(before);
    fs.writeFileSync(path.join(dataDir, 'groups/node1.json'), 'drift');
    run(scriptsOf(json, 'lab/group-node1/file').converge);
    expect(tree(dataDir)).toEqual(before);
  });

  it("destroy removes exactly the object's own files", () => {
    const { dataDir, json, objects } = seed003();
    fs.mkdirSync(path.join(dataDir, 'profiles'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'profiles/foreign.json'), '{"id":"foreign"}\n');
    for (const o of objects) run(scriptsOf(json, o).converge);
    run(scriptsOf(json, 'lab/profile-coreos-install/files').destroy);
    const left = Object.keys(tree(dataDir));
    expect(left).toEqual([
      'generic/simple',
      'groups/default.json',
      'groups/node1.json',
      'profiles/foreign.json',
      'profiles/simple.json',
    ]);
    run(scriptsOf(json, 'lab/group-node1/file').destroy);
    expect(Object.keys(tree(dataDir))).toEqual([
      'generic/simple',
      'groups/default.json',
      'profiles/foreign.json',
      'profiles/simple.json',
    ]);
    // ... and exactly their records
    expect(records(dataDir)).toEqual(['matchbox-group:default', 'matchbox-profile:simple']);
    // Destroying twice is fine.
    run(scriptsOf(json, 'lab/group-node1/file').destroy);
  });
});

describe('files as the reference expects', () => {
  it('reproduces the reference examples flatcar-install.json, install.json and flatcar.json (section 6)', () => {
    const dataDir = tmpDir('mbx-ref-');
    const { stack, server } = labWithServer({ dataDir });
    const install = new MatchboxProfile(stack, 'flatcar-install', {
      server,
      name: 'Flatcar Linux install to disk',
      kernel: '/assets/flatcar/3227.2.0/flatcar_production_pxe.vmlinuz',
      initrd: ['/assets/flatcar/3227.2.0/flatcar_production_pxe_image.cpio.gz'],
      args: [
        'initrd=flatcar_production_pxe_image.cpio.gz',
        'flatcar.config.url=http://matchbox.example.com:8080/ignition?uuid=${uuid}&mac=${mac:hexhyp}',
        'flatcar.first_boot=yes',
        'flatcar.autologin',
      ],
      ignition: { users: [{ name: 'core' }] },
    });
    const flatcar = new MatchboxProfile(stack, 'flatcar', { server, ignition: '{"ignition":{"version":"3.4.0"}}' });
    new MatchboxGroup(stack, 'stage-0', { profile: install, name: 'Flatcar Linux install' });
    new MatchboxGroup(stack, 'stage-1', { profile: flatcar, name: 'Flatcar Linux', selector: { os: 'installed' } });
    const json = synth(stack);
    for (const o of ['flatcar-install/files', 'flatcar/files', 'stage-0/file', 'stage-1/file']) {
      const r = runScript(LOCAL, scriptsOf(json, `lab/${o}`).converge);
      expect(r).toMatchObject({ status: 0, stderr: '' });
    }
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dataDir, f), 'utf8'));
    expect(read('profiles/flatcar-install.json')).toEqual({
      id: 'flatcar-install',
      name: 'Flatcar Linux install to disk',
      boot: {
        kernel: '/assets/flatcar/3227.2.0/flatcar_production_pxe.vmlinuz',
        initrd: ['/assets/flatcar/3227.2.0/flatcar_production_pxe_image.cpio.gz'],
        args: [
          'initrd=flatcar_production_pxe_image.cpio.gz',
          'flatcar.config.url=http://matchbox.example.com:8080/ignition?uuid=${uuid}&mac=${mac:hexhyp}',
          'flatcar.first_boot=yes',
          'flatcar.autologin',
        ],
      },
      ignition_id: 'flatcar-install.ign',
    });
    expect(read('groups/stage-0.json')).toEqual({
      id: 'stage-0',
      name: 'Flatcar Linux install',
      profile: 'flatcar-install',
      selector: {},
      metadata: {},
    });
    expect(read('groups/stage-1.json')).toEqual({
      id: 'stage-1',
      name: 'Flatcar Linux',
      profile: 'flatcar',
      selector: { os: 'installed' },
      metadata: {},
    });
    // Matchbox v0.11.0 serves raw Ignition as spec 3.4.0: the builder writes that spec there.
    expect(read('ignition/flatcar-install.ign')).toEqual({
      ignition: { version: '3.4.0' },
      passwd: { users: [{ name: 'core' }] },
    });
    // A raw config without a final newline is written byte for byte.
    expect(fs.readFileSync(path.join(dataDir, 'ignition/flatcar.ign'), 'utf8')).toBe(
      '{"ignition":{"version":"3.4.0"}}',
    );
  });

  it('normalizes a MAC selector the way Matchbox does and keeps iPXE variables literal', () => {
    const dataDir = tmpDir('mbx-mac-');
    const { stack, server } = labWithServer({ dataDir });
    const p = new MatchboxProfile(stack, 'p', {
      server,
      kernel: 'http://x:8080/k',
      args: ['a=${mac:hexhyp}', 'b=%{x}', "c='q'"],
    });
    new MatchboxGroup(stack, 'node', { profile: p, selector: { mac: '52-54-00-89-D8-10' } });
    const json = synth(stack);
    for (const o of ['p/files', 'node/file'])
      expect(runScript(LOCAL, scriptsOf(json, `lab/${o}`).converge).status).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'groups/node.json'), 'utf8')).selector).toEqual({
      mac: '52:54:00:89:d8:10',
    });
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'profiles/p.json'), 'utf8')).boot.args).toEqual([
      'a=${mac:hexhyp}',
      'b=%{x}',
      "c='q'",
    ]);
  });
});

describe('ContainerHost runner', () => {
  /** Fake `lxc` and `multipass`: log argv, then run the words after `--` with stdin passed through. */
  function fakes(): { bin: string; log: string } {
    const dir = tmpDir('mbx-fake-');
    const log = path.join(dir, 'calls.log');
    const body = `#!${process.execPath}
const fs = require('fs'); const { spawnSync } = require('child_process');
const argv = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify([require('path').basename(process.argv[1]), ...argv]) + '\\n');
const rest = argv.slice(argv.indexOf('--') + 1);
const r = spawnSync(rest[0], rest.slice(1), { stdio: 'inherit' }); process.exit(r.status === null ? 1 : r.status);
`;
    for (const n of ['lxc', 'multipass', 'sudo'])
      fs.writeFileSync(path.join(dir, n), n === 'sudo' ? body.replace("argv.indexOf('--') + 1", '0') : body, {
        mode: 0o755,
      });
    return { bin: dir, log };
  }

  it('runs scripts in the container through the parent host, the script on stdin only', () => {
    const app = Testing.app();
    const stack = new LabStack(app, 'lab');
    const vm = new MultipassVm(stack, 'vm', { name: 'pxe-vm' });
    const c = new Container(stack, 'mb', { host: vm, image: 'ubuntu:22.04' });
    const host = new ContainerHost(stack, 'mb-host', { container: c });
    expect(runnerCommand(runnerOf(host))).toBe('multipass exec pxe-vm -- sudo lxc exec -T mb -- sh -s');
    expect(host.ready).toEqual(c.ready);
    const { bin, log } = fakes();
    const canary = path.join(bin, 'canary');
    const text = `echo "inside $((1+1))"\necho '$(touch ${canary})' >/dev/null\n`;
    const r = runScript(runnerOf(host), text, { PATH: `${bin}:${process.env.PATH}` });
    expect(r).toMatchObject({ status: 0, stdout: 'inside 2\n' });
    expect(fs.existsSync(canary)).toBe(false);
    const calls = fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(calls).toEqual([
      ['multipass', 'exec', 'pxe-vm', '--', 'sudo', 'lxc', 'exec', '-T', 'mb', '--', 'sh', '-s'],
      ['sudo', 'lxc', 'exec', '-T', 'mb', '--', 'sh', '-s'],
      ['lxc', 'exec', '-T', 'mb', '--', 'sh', '-s'],
    ]);
  });

  it('quotes the nested command for ssh and local parents', () => {
    const app = Testing.app();
    const stack = new LabStack(app, 'lab');
    const local = new LocalHost(stack, 'local', { sudo: true });
    const c = Container.fromName(stack, 'c', local, 'mb');
    expect(runnerCommand(runnerOf(new ContainerHost(stack, 'h', { container: c })))).toBe(
      'sudo lxc exec -T mb -- sh -s',
    );
    const ssh = { kind: 'ssh' as const, address: '10.0.0.5', port: 22, options: {}, sudo: true };
    expect(runnerCommand({ kind: 'lxd-exec', parent: ssh, instance: 'mb' })).toBe(
      '{ mkdir -p -m 700 ~/.ssh && ssh -o BatchMode=yes -o ControlMaster=auto ' +
        "-o 'ControlPath=~/.ssh/cdktf-lxd-matchbox-%C' -o ControlPersist=60 -p 22 -- 10.0.0.5 'sudo lxc exec -T mb -- sh -s'; }",
    );
  });
});
