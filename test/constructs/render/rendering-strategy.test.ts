/**
 * One rendering strategy per stack: the LabStack makes it from `rendering`, every construct in
 * the stack asks it, and no construct tests the rendering mode itself.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from '../../../constructs/core/cdk';
import { renderingOf } from '../../../constructs/render/rendering';
import { filesUnder } from '../../helpers';
import {
  Bridge,
  Container,
  LabStack,
  LocalHost,
  MatchboxGroup,
  MatchboxProfile,
  MatchboxServer,
  MultipassVm,
} from '../../../index';

const ROOT = path.resolve(__dirname, '../../..');

const tsFiles = (dir: string): string[] => filesUnder(dir).filter((f) => f.endsWith('.ts'));

it('a LabStack owns one strategy, named after its rendering, that all its constructs use', () => {
  const app = Testing.app();
  for (const rendering of ['cli', 'provider'] as const) {
    const stack = new LabStack(app, rendering, { rendering });
    const host = new LocalHost(stack, 'host', { lxdRemote: { address: 'https://10.0.0.5:8443' } });
    const bridge = new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' });
    const web = new Container(stack, 'web', { host, image: 'ubuntu:22.04', nics: [{ bridge }] });
    expect(stack._rendering.name).toBe(rendering);
    for (const c of [stack, host, bridge, web]) expect(renderingOf(c)).toBe(stack._rendering);
  }
});

it('the strategy decides the resources: cli command pairs or native provider resources', () => {
  const types = (rendering: 'cli' | 'provider') => {
    const stack = new LabStack(Testing.app(), 'lab', { rendering });
    const vm = new MultipassVm(stack, 'vm', { lxdRemote: { address: 'https://10.0.0.5:8443' } });
    const server = new MatchboxServer(stack, 'pxe', { host: vm, address: '10.0.0.5', sha256: '0'.repeat(64) });
    const profile = new MatchboxProfile(stack, 'boot', { server, kernel: '/assets/vmlinuz' });
    new MatchboxGroup(stack, 'all', { profile });
    new Bridge(stack, 'br', { host: vm, ipv4Address: '10.0.0.1/24' });
    return Object.keys(JSON.parse(Testing.synth(stack)).resource).sort();
  };
  expect(types('cli')).toEqual(['terraform_data']);
  expect(types('provider')).toEqual(
    expect.arrayContaining(['lxd_network', 'matchbox_group', 'matchbox_profile', 'multipass_instance']),
  );
});

it('a plain TerraformStack renders cli', () => {
  const stack = new TerraformStack(Testing.app(), 'plain');
  expect(renderingOf(stack).name).toBe('cli');
  expect(renderingOf(stack)).toBe(renderingOf(new LocalHost(stack, 'host')));
});

it('only the strategy factory reads the rendering setting', () => {
  const readers = tsFiles(path.join(ROOT, 'constructs'))
    .filter((f) =>
      /settings(Of\([^)]*\))?\.rendering\b|rendering\s*[!=]==/.test(
        fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
      ),
    )
    .map((f) => path.relative(ROOT, f));
  expect(readers).toEqual(['constructs/render/rendering.ts']);
});
