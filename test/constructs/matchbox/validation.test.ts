/**
 * Validation of the Matchbox constructs: every case names the construct path, the property and
 * the value with a fix, and nothing is written (checked on a whole-app synth).
 */
import { App, TerraformVariable, Testing } from '../../../constructs/core/cdk';
import { LabStack, LocalHost, MatchboxGroup, MatchboxProfile, MatchboxServer, SshHost } from '../../../index';
import { expectAppSynthRejected, expectProblem, validationErrorOf } from '../../helpers';
import { SHA } from '../../helpers';

/** A stack with one server (`lab/mb`) and a profile (`lab/p`) whose generic template needs `ssh_authorized_key`. */
function lab(app: App = Testing.app()) {
  const stack = new LabStack(app, 'lab');
  const host = new LocalHost(stack, 'host');
  const server = new MatchboxServer(stack, 'mb', { host, address: '192.168.0.1', sha256: SHA });
  const profile = new MatchboxProfile(stack, 'p', {
    server,
    kernel: '/assets/k',
    generic: { users: [{ name: 'core', sshAuthorizedKeys: ['{{.ssh_authorized_key}}'] }] },
  });
  return { app, stack, host, server, profile };
}
const KEY = { ssh_authorized_key: 'ssh-ed25519 AAAA' };

describe('cross-object checks at synth (nothing written)', () => {
  it('a group pointing to a profile of another server', () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, host, profile } = lab(app);
      const other = new MatchboxServer(stack, 'other', {
        host: new SshHost(stack, 'ssh', { address: '10.0.0.9' }),
        address: '10.0.0.9',
        sha256: SHA,
      });
      void host;
      new MatchboxGroup(stack, 'g', { server: other, profile, metadata: KEY });
    });
    expectProblem(err, {
      path: 'lab/g',
      property: 'profile',
      value: 'lab/p',
      reason: /belongs to server lab\/mb, not to lab\/other/,
      fix: /declare a profile on lab\/other/,
    });
    expect(err.problems).toHaveLength(1);
  });

  it('two default groups on one server', () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, profile } = lab(app);
      new MatchboxGroup(stack, 'a', { profile, metadata: KEY });
      new MatchboxGroup(stack, 'b', { profile, metadata: KEY });
    });
    expectProblem(err, {
      path: 'lab/b',
      property: 'selector',
      value: {},
      reason: /second default group .* next to "a"/,
      fix: /one default group/,
    });
  });

  it('two groups with identical selectors (MACs compared normalized)', () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, profile } = lab(app);
      new MatchboxGroup(stack, 'a', {
        profile,
        selector: { mac: '52:54:00:89:d8:10', os: 'installed' },
        metadata: KEY,
      });
      new MatchboxGroup(stack, 'b', {
        profile,
        selector: { os: 'installed', mac: '52-54-00-89-D8-10' },
        metadata: KEY,
      });
    });
    expectProblem(err, {
      path: 'lab/b',
      property: 'selector',
      reason: /same selector as group "a"/,
      fix: /selectors differ/,
    });
  });

  it('template variables referenced by a profile but provided by no group using it', () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, profile } = lab(app);
      new MatchboxGroup(stack, 'g', { profile, metadata: { other: 'x' } });
    });
    expectProblem(err, {
      path: 'lab/g',
      property: 'metadata.ssh_authorized_key',
      reason: /profile "p" generic template uses \{\{\.ssh_authorized_key\}\}/,
      fix: /add "ssh_authorized_key" to the group's metadata/,
    });
  });

  it('two profiles (or groups) with one id on a server', () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, server, profile } = lab(app);
      new MatchboxProfile(stack, 'p2', { server, id: 'p', kernel: '/assets/k' });
      new MatchboxGroup(stack, 'g1', { profile, id: 'g', selector: { a: '1' }, metadata: KEY });
      new MatchboxGroup(stack, 'g2', { profile, id: 'g', selector: { a: '2' }, metadata: KEY });
    });
    expectProblem(err, { path: 'lab/p2', property: 'id', value: 'p', reason: /lab\/p already declares a profile/ });
    expectProblem(err, { path: 'lab/g2', property: 'id', value: 'g', reason: /lab\/g1 already declares a group/ });
  });

  it('is also reported by Testing.synth(stack, true)', () => {
    const { stack, profile } = lab();
    new MatchboxGroup(stack, 'a', { profile, metadata: KEY });
    new MatchboxGroup(stack, 'b', { profile, metadata: KEY });
    expect(() => Testing.synth(stack, true)).toThrow(/\[lab\/b\] selector = \{\}: a second default group/);
  });

  it('a valid setup synthesizes', () => {
    const { stack, profile } = lab();
    new MatchboxGroup(stack, 'a', { profile, metadata: KEY });
    new MatchboxGroup(stack, 'b', { profile, selector: { os: 'installed' }, metadata: KEY });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

describe('checks at construction', () => {
  it('a malformed MAC in a selector', () => {
    const { stack, profile } = lab();
    expectProblem(
      validationErrorOf(
        () => new MatchboxGroup(stack, 'g', { profile, selector: { mac: '52:54:00:89:d8' }, metadata: KEY }),
      ),
      {
        path: 'lab/g',
        property: 'selector.mac',
        value: '52:54:00:89:d8',
        reason: /Go net.ParseMAC/,
        fix: /52:54:00:89:d8:10/,
      },
    );
  });

  it('a non-string selector value', () => {
    const { stack, profile } = lab();
    const selector = { rack: 3 } as unknown as Record<string, string>;
    expectProblem(
      validationErrorOf(() => new MatchboxGroup(stack, 'g', { profile, selector, metadata: KEY })),
      { path: 'lab/g', property: 'selector.rack', value: 3, reason: /must be JSON strings/, fix: /"3"/ },
    );
  });

  it('a selector key in the wrong case', () => {
    const { stack, profile } = lab();
    expectProblem(
      validationErrorOf(
        () => new MatchboxGroup(stack, 'g', { profile, selector: { MAC: '52:54:00:89:d8:10' }, metadata: KEY }),
      ),
      { path: 'lab/g', property: 'selector.MAC', reason: /case-sensitively/, fix: /"mac"/ },
    );
  });

  it.each([
    ['kernel', { kernel: 'assets/k' }, 'assets/k'],
    ['kernel', { kernel: 'ftp://x/k' }, 'ftp://x/k'],
    ['initrd[0]', { kernel: '/assets/k', initrd: ['initrd.img'] }, 'initrd.img'],
    ['initrd[1]', { kernel: '/assets/k', initrd: ['/assets/a', '--name main boot/b'] }, 'boot/b'],
  ])('a boot URL neither absolute nor under /assets/: %s', (property, boot, value) => {
    const { stack, server } = lab();
    expectProblem(
      validationErrorOf(() => new MatchboxProfile(stack, 'bad', { server, ...boot })),
      {
        path: 'lab/bad',
        property,
        value,
        reason: /neither an absolute http\(s\) URL nor under \/assets\//,
        fix: /\/assets\/<file>/,
      },
    );
  });

  it('initrd without a kernel, a templated raw Ignition, an unusable id', () => {
    const { stack, server } = lab();
    expectProblem(
      validationErrorOf(() => new MatchboxProfile(stack, 'a', { server, initrd: ['/assets/i'] })),
      { path: 'lab/a', property: 'initrd', reason: /needs a kernel/, fix: /set kernel/ },
    );
    expectProblem(
      validationErrorOf(
        () =>
          new MatchboxProfile(stack, 'b', {
            server,
            ignition: { users: [{ name: 'core', sshAuthorizedKeys: ['{{.key}}'] }] },
          }),
      ),
      { path: 'lab/b', property: 'ignition', reason: /without rendering Go templates/, fix: /generic/ },
    );
    expectProblem(
      validationErrorOf(() => new MatchboxProfile(stack, 'c', { server, id: '../x' })),
      { path: 'lab/c', property: 'id', value: '../x' },
    );
  });

  it('Terraform references in Matchbox data', () => {
    const { stack, server, profile } = lab();
    const v = new TerraformVariable(stack, 'k', { type: 'string' });
    expectProblem(
      validationErrorOf(() => new MatchboxProfile(stack, 'x', { server, kernel: v.stringValue })),
      { path: 'lab/x', property: 'kernel', reason: /cannot contain Terraform references/ },
    );
    expectProblem(
      validationErrorOf(
        () => new MatchboxGroup(stack, 'g', { profile, metadata: { ssh_authorized_key: v.stringValue } }),
      ),
      { path: 'lab/g', property: 'metadata', reason: /cannot contain Terraform references/ },
    );
  });

  it("a DHCP range outside the interface's subnet", () => {
    const { stack, host } = lab();
    expectProblem(
      validationErrorOf(
        () =>
          new MatchboxServer(stack, 's', {
            host,
            address: '192.168.0.1',
            sha256: SHA,
            dnsmasq: {
              interface: 'eth1',
              subnet: '192.168.0.1/24',
              range: { start: '192.168.1.101', end: '192.168.0.200' },
            },
          }),
      ),
      {
        path: 'lab/s',
        property: 'dnsmasq.range.start',
        value: '192.168.1.101',
        reason: /outside the subnet 192.168.0.1\/24/,
        fix: /192.168.0.1-192.168.0.254/,
      },
    );
  });

  it.each([
    ['sha256', { sha256: 'abc' }, 'abc'],
    ['address', { address: 'a b' }, 'a b'],
    ['httpListen', { httpListen: '8080' }, '8080'],
    ['grpcListen', { grpcListen: ':8080' }, ':8080'],
    ['downloadUrl', { downloadUrl: 'file:///tmp/m.tgz' }, 'file:///tmp/m.tgz'],
    ['dataDir', { dataDir: 'var/lib/matchbox' }, 'var/lib/matchbox'],
    ['nat.outInterface', { nat: { outInterface: 'eth 0', sourceCidr: '10.0.0.0/24' } }, 'eth 0'],
    ['nat.sourceCidr', { nat: { outInterface: 'eth0' } }, undefined],
    ['prefetch[0].version', { prefetch: [{ os: 'fedora-coreos' as const, version: '' }] }, ''],
    [
      'tls.serverKey',
      { tls: { caCert: '-----BEGIN CERTIFICATE-----', serverCert: '-----BEGIN CERTIFICATE-----', serverKey: 'nope' } },
      'nope...',
    ],
  ])('server %s', (property, props, value) => {
    const { stack, host } = lab();
    expectProblem(
      validationErrorOf(() => new MatchboxServer(stack, 's', { host, address: '192.168.0.1', sha256: SHA, ...props })),
      { path: 'lab/s', property, value },
    );
  });
});
