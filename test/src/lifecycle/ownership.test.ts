/**
 * Nothing unowned is taken silently: a converge that finds its object made by hand, or owned by
 * another app, stops before changing anything (the scripts run under /bin/sh against fake clients);
 * `adopt: true` and the app's own stacks may take it over. And the destroy step's decisions.
 */
import { Claim, imageCopy, instanceConverge, networkConverge, profileConverge } from '../../../src/lxd/cli';
import { identityHash, DeclaredObject } from '../../../src/lifecycle/manifest';
import { destroyDecision } from '../../../src/lifecycle/program';
import { Call, Sandbox } from '../../helpers';

const sandbox = new Sandbox();
const claim = (o: Partial<Claim> = {}): Claim => ({
  owner: 'lab',
  from: ['other'],
  adopt: false,
  what: 'instance web',
  path: 'lab/web',
  where: 'ssh 10.0.0.5:22',
  ...o,
});
const instance = {
  name: 'web',
  image: 'busybox',
  profiles: ['default'],
  config: { 'user.cdktf.owner': 'lab', 'user.cdktf.path': 'lab/web' },
  devices: {},
  state: 'running' as const,
  description: '',
};
const shown = (owner?: string) =>
  `config:\n  limits.cpu: "1"\n${owner === undefined ? '' : `  user.cdktf.owner: ${owner}\n`}devices: {}\nname: web\n`;
const changes = (calls: Call[]) =>
  calls.filter(
    (c) =>
      c.argv[0] === 'lxc' &&
      (c.argv.includes('-X') ||
        ['unset', 'remove', 'start', 'init', 'set-property', 'copy', 'rename'].some((w) => c.argv.includes(w))),
  );

function run(script: string, extra: Record<string, string>) {
  const r = sandbox.run({ kind: 'local', sudo: false }, script, extra);
  return { ...r, calls: sandbox.calls() };
}

describe.each([
  [
    'an instance',
    (c: Claim) => instanceConverge(instance, undefined, c),
    (owner?: string) => ({ FAKE_GET_RC: '0', FAKE_SHOW: shown(owner) }),
  ],
  [
    'a profile',
    (c: Claim) => profileConverge({ name: 'web', config: {}, devices: {}, description: '' }, undefined, c),
    (owner?: string) => ({ FAKE_GET_RC: '0', FAKE_SHOW: shown(owner) }),
  ],
  [
    'a network',
    (c: Claim) => networkConverge({ name: 'web', type: 'bridge', config: {}, description: '' }, undefined, c),
    (owner?: string) => ({ FAKE_GET_RC: '0', FAKE_OWNER: owner ?? '' }),
  ],
  [
    'an image',
    (c: Claim) => imageCopy('images:alpine/3.19', 'web', true, { 'user.cdktf.owner': 'lab' }, undefined, c),
    (owner?: string) => ({ FAKE_EXISTS_RC: '0', FAKE_GET_RC: '0', FAKE_OWNER: owner ?? '' }),
  ],
])('the converge of %s that exists already', (_what, converge, exists) => {
  it('made by hand: stops before any change, naming it, its host, "made by hand" and adopt: true', () => {
    const r = run(converge(claim()), exists(undefined));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'cdktf-lxd-matchbox: instance web already exists on ssh 10.0.0.5:22 and was made by hand: nothing was changed. To take it over ' +
        '(the stack then owns it, and deletes it when it leaves the code), set adopt: true on lab/web; or remove or rename the existing one.\n',
    );
    expect(changes(r.calls)).toEqual([]);
  });

  it('owned by another app: stops, naming that owner', () => {
    const r = run(converge(claim()), exists('team-b'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('was created by the owner team-b (another app, or a stack renamed since)');
    expect(changes(r.calls)).toEqual([]);
  });

  it("the stack's own, or another stack's of the app (a move between stacks): converges", () => {
    for (const owner of ['lab', 'other']) {
      const r = run(converge(claim()), exists(owner));
      expect({ owner, status: r.status, stderr: r.stderr }).toEqual({ owner, status: 0, stderr: '' });
    }
  });

  it('adopt: true converges whatever the owner', () => {
    const r = run(converge(claim({ adopt: true })), exists(undefined));
    expect(r).toMatchObject({ status: 0, stderr: '' });
  });
});

describe('the destroy step decides from the identity in the state and the one declared now', () => {
  const now = (daemon: string, identity: Record<string, unknown>): DeclaredObject => ({
    kind: 'instance',
    name: 'web',
    path: 'lab/web',
    converge: 'c',
    protect: false,
    identity: { daemon, hash: identityHash(identity) },
  });
  const id = { kind: 'lxd-container', name: 'web', image: 'busybox', storagePool: null };

  it('a destroy, or a replacement on the same daemon: delete; refused when protected', () => {
    expect(destroyDecision({ ...id, daemon: 'ssh:a:22/lxd' }, now('ssh:a:22/lxd', id), false).action).toBe('delete');
    expect(
      destroyDecision({ ...id, daemon: 'ssh:a:22/lxd' }, now('ssh:a:22/lxd', { ...id, image: 'alpine' }), false).action,
    ).toBe('delete');
    expect(destroyDecision({ ...id, daemon: 'ssh:a:22/lxd' }, now('ssh:a:22/lxd', id), true)).toMatchObject({
      action: 'refuse',
      reason: expect.stringMatching(/is protected: it is not deleted/),
    });
  });

  it("moved to another daemon: kept for the old daemon's after prune; refused when protected", () => {
    expect(destroyDecision({ ...id, daemon: 'ssh:a:22/lxd' }, now('ssh:b:22/lxd', id), false)).toMatchObject({
      action: 'keep',
      reason: expect.stringMatching(/moves from ssh:a:22\/lxd to ssh:b:22\/lxd/),
    });
    expect(destroyDecision({ ...id, daemon: 'ssh:a:22/lxd' }, now('ssh:b:22/lxd', id), true)).toMatchObject({
      action: 'refuse',
      reason: expect.stringMatching(/protected and would move/),
    });
  });

  it('the identity of an older release (no daemon), otherwise the same: kept, even when protected', () => {
    expect(destroyDecision(id, now('ssh:a:22/lxd', id), true).action).toBe('keep');
    expect(destroyDecision(id, now('ssh:a:22/lxd', { ...id, image: 'alpine' }), false).action).toBe('delete');
  });
});
