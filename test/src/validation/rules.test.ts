/**
 * The validation idiom: named rules (a value in, a verdict or undefined out), and checks of a
 * construct's props collected into one ValidationError.
 */
import { ValidationError } from '../../../src/validation/errors';
import {
  booleans,
  check,
  checkProps,
  checkRequired,
  findProblems,
  found,
  passed,
  shown,
} from '../../../src/validation/props';
import { allOf, ensure, matching, rule, word } from '../../../src/validation/rule';
import {
  absolutePath,
  booleanFlag,
  dnsDomain,
  grpcEndpoint,
  hostAddress,
  hostCidr,
  httpBaseUrl,
  httpUrl,
  ipv4Address,
  ipv4Cidr,
  ipv6Cidr,
  isHttpsAddress,
  isPlainWord,
  isPort,
  isRelativePath,
  listenAddress,
  listenPort,
  macAddress,
  oneOf,
  orList,
  pemBlock,
  plainPath,
  relativePath,
  sha256Hex,
  singleLine,
  tcpPort,
  wholeNumber,
} from '../../../src/validation/rules';

const BAD = { reason: 'bad', fix: 'fix it' };

describe('making rules', () => {
  it('rule: the verdict when the test fails, undefined when it passes', () => {
    const even = rule((n: number) => n % 2 === 0, 'odd', 'use an even number');
    expect(even(2)).toBeUndefined();
    expect(even(3)).toEqual({ reason: 'odd', fix: 'use an even number' });
  });

  it('ensure: a condition on other props, whatever the value', () => {
    expect(ensure(true, 'r', 'f')('anything')).toBeUndefined();
    expect(ensure(false, 'r', 'f')(undefined)).toEqual({ reason: 'r', fix: 'f' });
  });

  it('allOf: the first verdict, later rules not run', () => {
    const seen: string[] = [];
    const spy = (name: string, ok: boolean) => (v: unknown) => (
      seen.push(`${name}:${String(v)}`),
      ok ? undefined : { reason: name, fix: 'f' }
    );
    expect(allOf(spy('a', true), spy('b', false), spy('c', false))('x')).toEqual({ reason: 'b', fix: 'f' });
    expect(seen).toEqual(['a:x', 'b:x']);
    expect(allOf<unknown>()('x')).toBeUndefined();
  });

  it('matching and word: strings only', () => {
    const digits = matching(/^\d+$/, 'not digits', 'use 123');
    expect(digits('42')).toBeUndefined();
    expect(digits(42)).toEqual({ reason: 'not digits', fix: 'use 123' });
    expect(word('user name', /^[a-z]+$/, 'ubuntu')('Root')).toEqual({
      reason: 'not a valid user name',
      fix: 'use e.g. ubuntu',
    });
  });
});

describe('generic rules', () => {
  it('oneOf lists the values as the fix', () => {
    expect(orList(['a'])).toBe('a');
    expect(orList(['a', 'b'])).toBe('a or b');
    expect(orList(['debug', 'info', 'warn', 'error'])).toBe('debug, info, warn or error');
    expect(oneOf(['running', 'stopped'], 'state')('running')).toBeUndefined();
    expect(oneOf(['running', 'stopped'], 'state')('paused')).toEqual({
      reason: 'unknown state',
      fix: 'use running or stopped',
    });
    expect(oneOf(['x'], 'mode', 'use x only')(1)).toEqual({ reason: 'unknown mode', fix: 'use x only' });
  });

  it.each([
    [1, true],
    [65535, true],
    [0, false],
    [65536, false],
    [80.5, false],
    ['80', false],
    [Number.NaN, false],
    [undefined, false],
  ])('port %j: %s', (value, ok) => {
    expect(isPort(value)).toBe(ok);
    expect(tcpPort(value)).toEqual(ok ? undefined : { reason: 'not a TCP port', fix: 'use 1-65535' });
  });

  it('wholeNumber: integers in the range', () => {
    const days = wholeNumber(1, 36500, 'not a number of days', 'use e.g. 3650');
    expect([1, 3650, 36500].map(days)).toEqual([undefined, undefined, undefined]);
    expect([0, 36501, 1.5, '10'].map((v) => days(v)?.reason)).toEqual(Array(4).fill('not a number of days'));
  });

  it('booleanFlag: undefined or a boolean; names what a string would count as', () => {
    expect(booleanFlag('protect')(true)).toBeUndefined();
    expect(booleanFlag('protect')(undefined)).toBeUndefined();
    expect(booleanFlag('protect')('no')).toEqual({
      reason: 'not a boolean but a string, which would count as true',
      fix: 'use true or false (or leave protect out)',
    });
    expect(booleanFlag('sudo')(null)?.reason).toBe('not a boolean but null, which would count as false');
    expect(booleanFlag('sudo')(0)?.reason).toBe('not a boolean but a number, which would count as false');
  });

  it('singleLine: non-empty, no line break, no NUL', () => {
    const r = singleLine('use a date');
    expect(r('2024-06-01')).toBeUndefined();
    for (const bad of ['', 'a\nb', 'a\0', 7])
      expect(r(bad)).toEqual({ reason: 'must be a non-empty single-line value', fix: 'use a date' });
  });

  it('paths: relative, plain, absolute', () => {
    expect(['a', 'a/b.c', 'matchbox-v0.11.0-linux-amd64/matchbox', 'x+y'].every(isRelativePath)).toBe(true);
    expect(['/a', 'a/../b', '..', 'a b', '', 'a"b', 3].some(isRelativePath)).toBe(false);
    expect(relativePath('r', 'f')('/etc')).toEqual({ reason: 'r', fix: 'f' });
    expect(plainPath('../../../.matchbox/lab-mb')).toBeUndefined();
    expect(plainPath('a b')).toEqual({ reason: 'not a plain path', fix: 'use letters, digits and . _ / -' });
    expect(absolutePath('r', 'f')('/srv')).toBeUndefined();
    expect(absolutePath('r', 'f')('srv')).toEqual({ reason: 'r', fix: 'f' });
    expect(['stable', '3815.2.5', 'x86_64'].every(isPlainWord)).toBe(true);
    expect(['-x', '', 'a/b', 'a b'].some(isPlainWord)).toBe(false);
  });

  it('names and addresses', () => {
    expect(dnsDomain('my-lxd.test')).toBeUndefined();
    expect(dnsDomain('-x.test')).toEqual({ reason: 'not a DNS domain', fix: 'use e.g. my-lxd.test' });
    expect(dnsDomain('a..b')).toBeDefined();
    expect(hostAddress('192.168.0.1')).toBeUndefined();
    expect(hostAddress('matchbox.lab.test')).toBeUndefined();
    expect(hostAddress('host.')?.reason).toBe('not an IP address or DNS name');
  });

  it('listen addresses and gRPC endpoints', () => {
    expect(listenPort('0.0.0.0:8080')).toBe(8080);
    expect(listenPort(':8081')).toBe(8081);
    expect(listenPort('[::]:443')).toBe(443);
    expect(listenPort('8080')).toBeUndefined();
    expect(listenAddress(':8080')).toBeUndefined();
    expect(listenAddress(':99999')).toEqual({
      reason: 'not a listen address [host]:port',
      fix: 'use e.g. 0.0.0.0:8080 or :8080',
    });
    expect(listenAddress(':0')).toBeDefined();
    expect(grpcEndpoint('192.168.0.1:8081')).toBeUndefined();
    expect(grpcEndpoint('192.168.0.1')).toEqual({ reason: 'not a gRPC host:port', fix: 'use e.g. 192.168.0.1:8081' });
  });

  it('URLs: http(s), base URLs, https addresses', () => {
    const url = httpUrl('use https://...');
    expect(url('https://github.com/poseidon/matchbox/releases/download/v0.11.0/x.tar.gz')).toBeUndefined();
    expect(url('http://10.0.0.1:8080/a')).toBeUndefined();
    for (const bad of ['ftp://x', 'https://a b', "https://a'b", 'https://a\\b', 'https://', 'data:,x']) {
      expect(url(bad)).toEqual({ reason: 'not an http(s) URL', fix: 'use https://...' });
    }
    const base = httpBaseUrl('use e.g. https://boot.ipxe.org');
    expect(base('https://boot.ipxe.org')).toBeUndefined();
    expect(base('https://boot.ipxe.org/')).toEqual({
      reason: 'not an http(s) URL without a trailing slash',
      fix: 'use e.g. https://boot.ipxe.org',
    });
    expect(['https://10.0.0.5:8443', 'https://lxd.example.com', 'https://[fd00::1]:8443'].every(isHttpsAddress)).toBe(
      true,
    );
    expect(
      ['http://10.0.0.5:8443', 'unix://', 'https://10.0.0.5:8443/x', 'https://a:123456'].some(isHttpsAddress),
    ).toBe(false);
  });

  it('delegates CIDRs, addresses and MACs to src/net with its messages', () => {
    expect(ipv4Address('10.0.0.1')).toBeUndefined();
    expect(ipv4Address('10.0.0.256')?.reason).toBe('not a valid IPv4 address');
    expect(hostCidr('10.0.0.1/24')).toBeUndefined();
    expect(hostCidr('10.0.0.0/24')?.reason).toBe('the address is the network or broadcast address');
    expect(ipv4Cidr('192.168.0.0/24')).toBeUndefined();
    expect(ipv4Cidr('192.168.0.0')).toEqual({ reason: 'not an IPv4 CIDR', fix: 'use e.g. 192.168.0.0/24' });
    expect(ipv6Cidr('fd00::1/64')).toBeUndefined();
    expect(ipv6Cidr('fd00::1')).toBeDefined();
    expect(macAddress('52:54:00:12:34:56')).toBeUndefined();
    expect(macAddress('01:00:5e:00:00:01')?.reason).toMatch(/multicast/);
  });

  it('checksums and PEM blocks', () => {
    expect(sha256Hex('a'.repeat(64))).toBeUndefined();
    expect(sha256Hex('a'.repeat(63))).toEqual({
      reason: 'not a SHA-256 checksum (64 hex digits)',
      fix: 'copy the sha256 of the release tarball',
    });
    expect(pemBlock('certificate')('-----BEGIN CERTIFICATE-----\nMIIB\n')).toBeUndefined();
    expect(pemBlock('private key')('-----BEGIN EC PRIVATE KEY-----\n')).toBeUndefined();
    expect(pemBlock('private key')('-----BEGIN PRIVATE KEY-----\n')).toBeUndefined();
    expect(pemBlock('private key')('-----BEGIN CERTIFICATE-----\n')?.reason).toBe(
      'not a PEM block of the expected kind',
    );
  });
});

describe('checking props', () => {
  const fails = () => BAD;

  it('check skips a prop left out; checkRequired does not', () => {
    expect(check('size', undefined, fails)).toEqual({ property: 'size', value: undefined });
    expect(checkRequired('size', undefined, fails)).toEqual({ property: 'size', value: undefined, verdict: BAD });
    expect(check('size', '', fails).verdict).toBe(BAD);
  });

  it('a check keeps the first verdict of its rules', () => {
    const second = { reason: 'second', fix: 'f' };
    expect(
      checkRequired(
        'p',
        1,
        () => undefined,
        () => second,
        fails,
      ).verdict,
    ).toBe(second);
    expect(checkRequired('p', 1).verdict).toBeUndefined();
  });

  it('shown replaces the value in the message; found takes a verdict made elsewhere', () => {
    expect(shown(checkRequired('token', 'abc!', fails), '(secret)')).toEqual({
      property: 'token',
      value: '(secret)',
      verdict: BAD,
    });
    expect(found('members[0].name', 'x y', BAD)).toEqual({ property: 'members[0].name', value: 'x y', verdict: BAD });
  });

  it('booleans checks the given keys with a prefix', () => {
    const props = { readonly: 'yes', shift: false, other: 'x' };
    expect(booleans(props, ['readonly', 'shift'], 'disks.data.').map((c) => [c.property, c.verdict?.fix])).toEqual([
      ['disks.data.readonly', 'use true or false (or leave readonly out)'],
      ['disks.data.shift', undefined],
    ]);
  });

  it('passed and findProblems open nested groups, in order, and keep only reason and fix', () => {
    const checks = [
      checkRequired('a', 1),
      [checkRequired('b', 2, fails), [checkRequired('c', 3), found('d', 4, { ...BAD, key: 'listen' } as never)]],
      [],
    ];
    expect(passed(checks)).toBe(false);
    expect(passed([checkRequired('a', 1), [[check('b', undefined, fails)]]])).toBe(true);
    expect(findProblems('lab/x', checks)).toEqual([
      { path: 'lab/x', property: 'b', value: 2, reason: 'bad', fix: 'fix it' },
      { path: 'lab/x', property: 'd', value: 4, reason: 'bad', fix: 'fix it' },
    ]);
  });

  it('checkProps returns when every check passes', () => {
    expect(() => checkProps('lab/x', [checkRequired('a', 1), [check('b', undefined, fails)]])).not.toThrow();
  });

  it('checkProps throws one ValidationError with every problem, then the extra ones', () => {
    const extra = { path: 'lab/x', property: 'cloudConfig.runcmd', value: 'x', reason: 'r', fix: 'f' };
    let error: unknown;
    try {
      checkProps(
        'lab/x',
        [checkRequired('a', 1, fails), checkRequired('b', 2), [checkRequired('c', 3, fails)]],
        [extra],
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const problems = (error as ValidationError).problems;
    expect(problems.map((p) => p.property)).toEqual(['a', 'c', 'cloudConfig.runcmd']);
    expect((error as Error).message).toMatch(
      /^3 invalid inputs; nothing was synthesized:\n {2}- \[lab\/x\] a = 1: bad\. Fix: fix it\./,
    );
  });

  it('checkProps reports the extra problems alone too', () => {
    const extra = { path: 'lab/x', property: 'p', value: 1, reason: 'r', fix: 'f' };
    expect(() => checkProps('lab/x', [checkRequired('a', 1)], [extra])).toThrow(ValidationError);
  });
});
