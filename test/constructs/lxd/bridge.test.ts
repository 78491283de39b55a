/** Bridge inputs: MTU, multicast lease MACs, what a lease matches, static leases inside a DHCP range, MACs in another case. */
import { Bridge, Container } from '../../../index';
import { checkBridgeAddressing } from '../../../src/lxd/addressing';
import { checkMac } from '../../../src/net/mac';
import { checkMtu } from '../../../src/net/mtu';
import { expectAccepted, expectRejected } from '../../helpers';

describe('Bridge mtu', () => {
  it.each([-5, 0, 67, 65536, 1500.5])('rejects %j', (mtu) => {
    expectRejected(({ stack, host }) => new Bridge(stack, 'br', { host, mtu }), {
      path: 'lab/br',
      property: 'mtu',
      value: mtu,
      reason: /not an MTU from 68 to 65535/,
      fix: /1500/,
    });
  });

  it.each([68, 1500, 9000, 65535])('accepts %j', (mtu) => {
    expect(checkMtu(mtu)).toBeUndefined();
    expectAccepted(({ stack, host }) => new Bridge(stack, 'br', { host, mtu }));
  });
});

describe('Bridge addStaticLease', () => {
  it('rejects a multicast MAC', () => {
    expectRejected(
      ({ stack, host }) =>
        new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' }).addStaticLease({
          mac: '01:00:5e:00:00:fb',
          ipv4Address: '10.0.0.5',
        }),
      {
        path: 'lab/br',
        property: 'addStaticLease.mac',
        value: '01:00:5e:00:00:fb',
        reason: /multicast .* low bit of the first octet/,
        fix: /even first octet/,
      },
    );
  });

  it('takes exactly one of mac and hostname', () => {
    for (const lease of [
      { ipv4Address: '10.0.0.5' },
      { mac: '52:54:00:00:00:01', hostname: 'printer', ipv4Address: '10.0.0.5' },
    ]) {
      expectRejected(
        ({ stack, host }) => new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' }).addStaticLease(lease),
        {
          path: 'lab/br',
          property: 'addStaticLease',
          value: lease,
          reason: /neither mac nor hostname|either a MAC or a hostname, not both/,
          fix: /exactly one of mac and hostname/,
        },
      );
    }
  });

  it('rejects a hostname dnsmasq would read as a lease time', () => {
    expectRejected(
      ({ stack, host }) =>
        new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' }).addStaticLease({
          hostname: '12h',
          ipv4Address: '10.0.0.5',
        }),
      {
        path: 'lab/br',
        property: 'addStaticLease.hostname',
        value: '12h',
        reason: /lease time or a keyword/,
        fix: /node1/,
      },
    );
  });

  it('rejects a lease address inside a DHCP range', () => {
    expectRejected(
      ({ stack, host }) => {
        const br = new Bridge(stack, 'br', {
          host,
          ipv4Address: '10.0.0.1/24',
          ipv4DhcpRanges: [
            { start: '10.0.0.10', end: '10.0.0.20' },
            { start: '10.0.0.100', end: '10.0.0.199' },
          ],
        });
        br.addStaticLease({ hostname: 'printer', ipv4Address: '10.0.0.100' });
      },
      {
        path: 'lab/br',
        property: 'addStaticLease(printer)',
        value: '10.0.0.100',
        reason: /inside the DHCP range 10\.0\.0\.100-10\.0\.0\.199/,
        fix: /outside 10\.0\.0\.10-10\.0\.0\.20, 10\.0\.0\.100-10\.0\.0\.199, or shrink the range/,
      },
    );
  });

  it('names both sides when a lease MAC repeats a container MAC in another case', () => {
    expectRejected(
      ({ stack, host }) => {
        const bridge = new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' });
        new Container(stack, 'web', { host, image: 'busybox', nics: [{ bridge, hwaddr: '52:54:00:aa:00:01' }] });
        bridge.addStaticLease({ mac: '52:54:00:AA:00:01', ipv4Address: '10.0.0.20' });
      },
      {
        path: 'lab/br',
        property: 'addStaticLease(52:54:00:AA:00:01)',
        value: '52:54:00:AA:00:01',
        reason: /by lab\/web nics\.eth0\.hwaddr \(written 52:54:00:aa:00:01 there; letter case does not matter\)/,
        fix: /own MAC/,
      },
    );
  });

  it('accepts leases outside the ranges', () => {
    expect(checkMac('52:54:00:12:34:56')).toBeUndefined();
    expectAccepted(({ stack, host }) => {
      const br = new Bridge(stack, 'br', {
        host,
        ipv4Address: '10.0.0.1/24',
        ipv4DhcpRanges: [{ start: '10.0.0.100', end: '10.0.0.199' }],
      });
      br.addStaticLease({ hostname: 'printer', ipv4Address: '10.0.0.250' });
      br.addStaticLease({ mac: '02:00:00:00:00:01', ipv4Address: '10.0.0.99' });
    });
  });
});

describe('checkBridgeAddressing (pure)', () => {
  it('skips the range check for malformed ranges, which are reported on their own', () => {
    const problems = checkBridgeAddressing(
      'lab/br',
      '10.0.0.1/24',
      [{ start: '10.0.0.x', end: '10.0.0.9' }],
      [{ path: 'lab/a', property: 'p', ipv4: '10.0.0.5' }],
    );
    expect(problems.map((p) => p.property)).toEqual(['ipv4DhcpRanges[0]']);
  });
});

describe('Bridge ipv6Address', () => {
  it.each([
    ['fd42::1/129', /prefix length 129 is more than 128 bits/],
    ['fd42::1', /not an IPv6 address with a prefix length/],
    ['fd42:::1/64', /not an IPv6 address/],
    ['fd42::g/64', /not an IPv6 address/],
    ['10.0.0.1/24', /not an IPv6 address/],
  ])('rejects %j', (ipv6Address, reason) => {
    expectRejected(({ stack, host }) => new Bridge(stack, 'br', { host, ipv6Address }), {
      path: 'lab/br',
      property: 'ipv6Address',
      value: ipv6Address,
      reason,
      fix: /fd42::1\/64/,
    });
  });

  it.each(['none', 'auto', 'fd42::1/64', 'fd42:0:0:1::1/128', '2001:db8::1/48', '::ffff:10.0.0.1/120'])(
    'accepts %j',
    (ipv6Address) => {
      expectAccepted(({ stack, host }) => new Bridge(stack, 'br', { host, ipv6Address }));
    },
  );
});

describe('Bridge props with a wrong type or a NUL byte', () => {
  it('rejects ipv4Nat given as a string', () => {
    expectRejected(
      ({ stack, host }) => new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24', ipv4Nat: 'false' as never }),
      { path: 'lab/br', property: 'ipv4Nat', value: 'false', reason: /would count as true/, fix: /true or false/ },
    );
  });

  it.each([
    ['rawDnsmasq', { rawDnsmasq: 'log-queries\0' }, 'log-queries\0'],
    ['description', { description: '\0' }, '\0'],
    ['config.user.owner', { config: { 'user.owner': 'ops\0' } }, 'ops\0'],
  ])('rejects a NUL byte in %s', (property, props, value) => {
    expectRejected(({ stack, host }) => new Bridge(stack, 'br', { host, ...props }), {
      path: 'lab/br',
      property,
      value,
      reason: /NUL byte/,
      fix: /remove the NUL byte/,
    });
  });

  it('rejects a NUL byte in a static lease', () => {
    expectRejected(
      ({ stack, host }) =>
        new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' }).addStaticLease({
          hostname: 'pc\0',
          ipv4Address: '10.0.0.5',
        }),
      { path: 'lab/br', property: 'addStaticLease.hostname', value: 'pc\0', reason: /NUL byte/ },
    );
  });
});
