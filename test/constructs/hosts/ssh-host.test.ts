/**
 * SshHost: the jump hosts (`proxyJump`, ssh's -J), the ssh_config blocks ssh refuses on the
 * command line, and the command the host's objects run through.
 */
import { Testing } from '../../../constructs/core/cdk';
import { runnerOf } from '../../../constructs/core/host';
import { LabStack, Profile, SshHost } from '../../../index';
import { execCommand } from '../../../src/hosts/runner';
import { localExec, resourceBy, synthJson } from '../../helpers';
import { expectAccepted, expectRejected } from '../../helpers';

describe('SshHost proxyJump', () => {
  it('is rendered as -J before the port and the destination', () => {
    const stack = new LabStack(Testing.app(), 'lab');
    const host = new SshHost(stack, 'pxe', {
      address: '192.168.0.1',
      user: 'core',
      proxyJump: 'admin@bastion.example.com:2222,10.0.0.1',
      options: { StrictHostKeyChecking: 'accept-new' },
    });
    new Profile(stack, 'base', { host });
    const command = localExec(resourceBy(synthJson(stack), 'base_profile_converge')).command;
    expect(command).toContain(
      "-o StrictHostKeyChecking=accept-new -J admin@bastion.example.com:2222,10.0.0.1 -p 22 -- core@192.168.0.1 'sh -s'",
    );
    // Behind another bastion, the same address is another machine.
    expect(host.hostId).toBe('ssh:192.168.0.1:22~admin@bastion.example.com:2222,10.0.0.1/lxd');
    expect(execCommand(runnerOf(host))).toContain(' -J admin@bastion.example.com:2222,10.0.0.1 ');
  });

  it.each([
    '-oProxyCommand=touch /tmp/x',
    'bastion host',
    'admin@',
    'bastion:99999',
    'bastion,,other',
    "bastion';id",
    '',
  ])('rejects %j', (proxyJump) => {
    expectRejected(({ stack }) => new SshHost(stack, 'pxe', { address: '192.168.0.1', proxyJump }), {
      path: 'lab/pxe',
      property: 'proxyJump',
      value: proxyJump,
      reason: /is not a jump host \(\[user@\]host\[:port\]\)/,
      fix: /admin@bastion\.example\.com/,
    });
  });

  it.each(['bastion', 'admin@bastion.example.com', 'bastion:2222', '[fd00::1]:22', 'a@10.0.0.1,b@10.0.1.1:2200'])(
    'accepts %j',
    (proxyJump) => {
      expectAccepted(
        ({ stack }) =>
          new Profile(stack, 'p', { host: new SshHost(stack, 'pxe', { address: '192.168.0.1', proxyJump }) }),
      );
    },
  );

  it('refuses ProxyJump in options beside it', () => {
    expectRejected(
      ({ stack }) =>
        new SshHost(stack, 'pxe', { address: '192.168.0.1', proxyJump: 'bastion', options: { ProxyJump: 'other' } }),
      {
        path: 'lab/pxe',
        property: 'options.ProxyJump',
        value: 'ProxyJump',
        reason: /proxyJump is set too/,
        fix: /once, with proxyJump/,
      },
    );
  });
});

describe('SshHost options', () => {
  it.each(['Match', 'match', 'Host', 'Include'])('refuses the ssh_config block %s', (key) => {
    expectRejected(({ stack }) => new SshHost(stack, 'h', { address: '10.0.0.5', options: { [key]: 'all' } }), {
      path: 'lab/h',
      property: `options.${key}`,
      value: key,
      reason: /refuses on the command line/,
      fix: /~\/\.ssh\/config/,
    });
  });

  it('rejects a NUL byte in an option value or the identity file', () => {
    expectRejected(({ stack }) => new SshHost(stack, 'h', { address: '10.0.0.5', options: { SetEnv: 'A=\0' } }), {
      path: 'lab/h',
      property: 'options.SetEnv',
      value: 'A=\0',
      reason: /NUL byte/,
    });
    expectRejected(({ stack }) => new SshHost(stack, 'h', { address: '10.0.0.5', identityFile: '~/.ssh/k\0' }), {
      path: 'lab/h',
      property: 'identityFile',
      value: '~/.ssh/k\0',
      reason: /NUL byte/,
    });
  });

  it('rejects sudo given as a string', () => {
    expectRejected(({ stack }) => new SshHost(stack, 'h', { address: '10.0.0.5', sudo: 'false' as never }), {
      path: 'lab/h',
      property: 'sudo',
      value: 'false',
      reason: /would count as true/,
    });
  });
});
