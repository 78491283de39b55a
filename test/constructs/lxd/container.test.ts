/**
 * Container inputs LXD would refuse at apply time (or take and misbehave): each is a synth error
 * naming the construct path, the property, the value and a fix, and nothing is written.
 */
import { TerraformVariable } from '../../../constructs/core/cdk';
import { Bridge, Container, LabStack, LocalHost, LxdCluster, LxdRemote, SshHost } from '../../../index';
import { checkDiskSource, checkProxyAddress, checkProxyPorts } from '../../../src/lxd/devices';
import { checkCpuLimit, checkProcessLimit } from '../../../src/lxd/limits';
import { expectAccepted, expectRejected } from '../../helpers';

describe('Container limits.cpu', () => {
  it.each([
    [-1, /whole number of at least 1/, /a count such as 2, or a CPU set such as 0-1, 0,2 or 1-3,5/],
    [0, /at least 1/, /a count such as 2, or a CPU set such as 0-1, 0,2 or 1-3,5/],
    [1.5, /whole number/, /a count such as 2, or a CPU set such as 0-1, 0,2 or 1-3,5/],
    ['-1', /neither a CPU count nor a CPU set/, /a count such as 2, or a CPU set such as 0-1, 0,2 or 1-3,5/],
    ['two', /neither/, /a count such as 2, or a CPU set such as 0-1, 0,2 or 1-3,5/],
    ['0', /at least 1/, /a count such as 2, or a CPU set such as 0-1, 0,2 or 1-3,5/],
    ['1-', /neither/, /a count such as 2, or a CPU set such as 0-1, 0,2 or 1-3,5/],
    ['3-1', /range 3-1 is reversed/, /write the set as 1-3$/],
    ['0,2-1', /range 2-1 is reversed/, /write the set as 0,1-2$/],
  ])('rejects %j', (cpu, reason, fix) => {
    expectRejected(({ stack, host }) => new Container(stack, 'web', { host, image: 'busybox', limits: { cpu } }), {
      path: 'lab/web',
      property: 'limits.cpu',
      value: cpu,
      reason,
      fix,
    });
  });

  it.each([2, '2', '0-1', '0,2', '1-3,5', '0-0'])('accepts %j', (cpu) => {
    expect(checkCpuLimit(cpu)).toBeUndefined();
    expectAccepted(({ stack, host }) => new Container(stack, 'web', { host, image: 'busybox', limits: { cpu } }));
  });
});

describe('Container limits.processes', () => {
  it.each([-5, 0, 2.5, Number.NaN])('rejects %j', (processes) => {
    expectRejected(
      ({ stack, host }) => new Container(stack, 'web', { host, image: 'busybox', limits: { processes } }),
      {
        path: 'lab/web',
        property: 'limits.processes',
        value: processes,
        reason: /whole number of at least 1/,
        fix: /500/,
      },
    );
  });

  it('accepts a positive count', () => {
    expect(checkProcessLimit(1)).toBeUndefined();
    expectAccepted(
      ({ stack, host }) => new Container(stack, 'web', { host, image: 'busybox', limits: { processes: 500 } }),
    );
  });
});

describe('Container limits.memory and rootSize of zero', () => {
  it('rejects 0GiB memory', () => {
    expectRejected(
      ({ stack, host }) => new Container(stack, 'web', { host, image: 'busybox', limits: { memory: '0GiB' } }),
      { path: 'lab/web', property: 'limits.memory', value: '0GiB', reason: /more than zero/, fix: /512MiB/ },
    );
  });
});

describe('Container proxies', () => {
  it.each([
    [
      'listen',
      { listen: 'tcp:127.0.0.1:99999', connect: 'tcp:127.0.0.1:80' },
      'tcp:127.0.0.1:99999',
      /port 99999 is outside 1-65535/,
      /1 to 65535/,
    ],
    [
      'connect',
      { listen: 'tcp:127.0.0.1:8080', connect: 'tcp:127.0.0.1:0' },
      'tcp:127.0.0.1:0',
      /port 0 is outside/,
      /1 to 65535/,
    ],
    [
      'listen',
      { listen: 'tcp:127.0.0.1:90-80', connect: 'tcp:127.0.0.1:80' },
      'tcp:127.0.0.1:90-80',
      /range 90-80 is reversed/,
      /80-90/,
    ],
    [
      'connect',
      { listen: 'tcp:[::1]:80-82', connect: 'tcp:127.0.0.1:81-80' },
      'tcp:127.0.0.1:81-80',
      /reversed/,
      /80-81/,
    ],
    [
      'connect',
      { listen: 'tcp:0.0.0.0:80-82', connect: 'tcp:127.0.0.1:80-81' },
      'tcp:127.0.0.1:80-81',
      /2 connect ports for 3 listen ports/,
      /single port or 3 ports/,
    ],
    [
      'connect',
      { listen: 'tcp:0.0.0.0:80', connect: 'tcp:127.0.0.1:80-81' },
      'tcp:127.0.0.1:80-81',
      /2 connect ports for 1 listen port:/,
      /single port or 1 ports/,
    ],
  ])('rejects %s of %j', (key, proxy, value, reason, fix) => {
    expectRejected(
      ({ stack, host }) => new Container(stack, 'web', { host, image: 'busybox', proxies: { http: proxy } }),
      { path: 'lab/web', property: `proxies.http.${key}`, value, reason, fix },
    );
  });

  it.each([
    { listen: 'tcp:127.0.0.1:8080', connect: 'tcp:127.0.0.1:80' },
    { listen: 'tcp:0.0.0.0:80-82', connect: 'tcp:127.0.0.1:8080' },
    { listen: 'tcp:0.0.0.0:80-82', connect: 'tcp:127.0.0.1:90-92' },
    { listen: 'udp:0.0.0.0:53,5353', connect: 'udp:127.0.0.1:53' },
    { listen: 'tcp:0.0.0.0:1,65535', connect: 'tcp:127.0.0.1:1,65535' },
    { listen: 'tcp:[::]:443', connect: 'unix:/run/app.sock' },
  ])('accepts %j', (proxy) => {
    expect(checkProxyPorts(proxy)).toBeUndefined();
    expectAccepted(({ stack, host }) => new Container(stack, 'web', { host, image: 'busybox', proxies: { p: proxy } }));
  });
});

describe('Container disks', () => {
  it.each(['srv/data', './data', 'data', ''])('rejects the relative source %j', (source) => {
    expectRejected(
      ({ stack, host }) =>
        new Container(stack, 'web', { host, image: 'busybox', disks: { data: { source, path: '/data' } } }),
      {
        path: 'lab/web',
        property: 'disks.data.source',
        value: source,
        reason: /not an absolute host path/,
        fix: /\/srv\/data/,
      },
    );
  });

  it('accepts an absolute source', () => {
    expect(checkDiskSource('/srv/data')).toBeUndefined();
    expectAccepted(
      ({ stack, host }) =>
        new Container(stack, 'web', {
          host,
          image: 'busybox',
          disks: { data: { source: '/srv/data', path: '/data' } },
        }),
    );
  });
});

describe('Container NIC hwaddr', () => {
  it.each(['01:00:5e:00:00:01', '33:33:00:00:00:01', 'ff:ff:ff:ff:ff:ff', '53:54:00:12:34:56'])(
    'rejects the multicast MAC %s',
    (hwaddr) => {
      expectRejected(
        ({ stack, host }) => {
          const bridge = new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' });
          new Container(stack, 'web', { host, image: 'busybox', nics: [{ bridge, hwaddr }] });
        },
        {
          path: 'lab/web',
          property: 'nics.eth0.hwaddr',
          value: hwaddr,
          reason: /multicast/,
          fix: /unicast address such as 52:54:00:12:34:56/,
        },
      );
    },
  );

  it('names hwaddr, and the lease, when it equals a lease MAC in another letter case', () => {
    const err = expectRejected(
      ({ stack, host }) => {
        const bridge = new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' });
        bridge.addStaticLease({ mac: '52:54:00:AA:00:01', ipv4Address: '10.0.0.20' });
        new Container(stack, 'web', { host, image: 'busybox', nics: [{ bridge, hwaddr: '52:54:00:aa:00:01' }] });
      },
      {
        path: 'lab/web',
        property: 'nics.eth0.hwaddr',
        value: '52:54:00:aa:00:01',
        reason:
          /MAC address already claimed on bridge lab\/br by lab\/br addStaticLease\(52:54:00:AA:00:01\) \(written 52:54:00:AA:00:01 there; letter case does not matter\)/,
        fix: /its own MAC address/,
      },
    );
    expect(err.problems).toHaveLength(1);
  });

  it('names the container name when it equals a lease hostname', () => {
    expectRejected(
      ({ stack, host }) => {
        const bridge = new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' });
        bridge.addStaticLease({ hostname: 'web', ipv4Address: '10.0.0.20' });
        new Container(stack, 'web', { host, image: 'busybox', nics: [{ bridge, ipv4Address: '10.0.0.21' }] });
      },
      {
        path: 'lab/web',
        property: 'name',
        value: 'web',
        reason: /hostname already claimed .* by lab\/br addStaticLease\(web\)/,
        fix: /own hostname/,
      },
    );
  });
});

describe('Container static address inside a DHCP range', () => {
  it('rejects it, naming the range, with a fix that moves the address or the range', () => {
    expectRejected(
      ({ stack, host }) => {
        const bridge = new Bridge(stack, 'br', {
          host,
          ipv4Address: '10.0.0.1/24',
          ipv4DhcpRanges: [{ start: '10.0.0.100', end: '10.0.0.199' }],
        });
        new Container(stack, 'web', { host, image: 'busybox', nics: [{ bridge, ipv4Address: '10.0.0.150' }] });
      },
      {
        path: 'lab/web',
        property: 'nics.eth0.ipv4Address',
        value: '10.0.0.150',
        reason: /inside the DHCP range 10\.0\.0\.100-10\.0\.0\.199/,
        fix: /outside 10\.0\.0\.100-10\.0\.0\.199, or shrink the range/,
      },
    );
  });

  it('accepts addresses outside the ranges, and any address when no range is given', () => {
    expectAccepted(({ stack, host }) => {
      const ranged = new Bridge(stack, 'br', {
        host,
        ipv4Address: '10.0.0.1/24',
        ipv4DhcpRanges: [{ start: '10.0.0.100', end: '10.0.0.199' }],
      });
      new Container(stack, 'a', { host, image: 'busybox', nics: [{ bridge: ranged, ipv4Address: '10.0.0.99' }] });
      new Container(stack, 'b', { host, image: 'busybox', nics: [{ bridge: ranged, ipv4Address: '10.0.0.200' }] });
      const whole = new Bridge(stack, 'br2', { host, ipv4Address: '10.1.0.1/24' });
      new Container(stack, 'c', { host, image: 'busybox', nics: [{ bridge: whole, ipv4Address: '10.1.0.150' }] });
    });
  });
});

describe('Container target', () => {
  const members = (stack: LabStack, host: LocalHost) => {
    const node2 = new SshHost(stack, 'node2', { address: '10.0.0.2' });
    return new LxdCluster(stack, 'cluster', {
      members: [
        { host, name: 'm1', address: '10.0.0.1:8443' },
        { host: node2, name: 'm2', address: '10.0.0.2:8443' },
      ],
    });
  };

  it('rejects a member name the cluster does not have, listing its members', () => {
    expectRejected(
      ({ stack, host }) => {
        const cluster = members(stack, host);
        new Container(stack, 'web', { host: cluster.host, image: 'busybox', target: 'm3' });
      },
      {
        path: 'lab/web',
        property: 'target',
        value: 'm3',
        reason: /not a member of the cluster \(members: m1, m2\)/,
        fix: /use one of m1, m2/,
      },
    );
  });

  it('rejects a target on a host that is in no cluster', () => {
    expectRejected(({ stack, host }) => new Container(stack, 'web', { host, image: 'busybox', target: 'm1' }), {
      path: 'lab/web',
      property: 'target',
      value: 'm1',
      reason: /lab\/host is not a member of any LxdCluster/,
      fix: /LxdCluster\.fromClusterAttributes .* or drop target/,
    });
  });

  it('accepts a member of a declared cluster (declared before or after the container) and of an imported one', () => {
    expectAccepted(({ stack, host }) => {
      new Container(stack, 'early', { host, image: 'busybox', target: 'm2' });
      members(stack, host);
    });
    expectAccepted(({ stack, host }) => {
      const cluster = LxdCluster.fromClusterAttributes(stack, 'cluster', { host, memberNames: ['a', 'b'] });
      new Container(stack, 'web', { host: cluster.host, image: 'busybox', target: 'b' });
    });
  });
});

describe('Container migrateFrom', () => {
  const source = (stack: LabStack, remote: LxdRemote) =>
    new SshHost(stack, 'old', { address: '10.0.0.5', lxdRemote: remote });

  it('rejects a source that has a trust password and no trust token (the migration adds the remote with a token)', () => {
    expectRejected(
      ({ stack, host }) =>
        new Container(stack, 'db', {
          host,
          image: 'busybox',
          migrateFrom: { host: source(stack, { address: 'https://10.0.0.5:8443', password: 'pw' }) },
        }),
      {
        path: 'lab/db',
        property: 'migrateFrom.host.lxdRemote.trustToken',
        value: undefined,
        reason: /trust password but no trust token/,
        fix: /lxc config trust add/,
      },
    );
  });

  it.each(['eyJhIjoiYiJ9 ', 'eyJhIjoi"YiJ9', "eyJhIjoi'YiJ9", 'eyJh\nIjoi', ''])(
    'rejects the trust token %j without repeating it',
    (trustToken) => {
      const err = expectRejected(
        ({ stack, host }) =>
          new Container(stack, 'db', {
            host,
            image: 'busybox',
            migrateFrom: { host: source(stack, { address: 'https://10.0.0.5:8443', trustToken }) },
          }),
        {
          path: 'lab/db',
          property: 'migrateFrom.host.lxdRemote.trustToken',
          value: '(secret)',
          reason: /not one a token has|empty/,
          fix: /config trust add/,
        },
      );
      if (trustToken) expect(err.message).not.toContain(trustToken);
    },
  );

  it('accepts a base64 token, a Terraform variable, or no credentials (the destination trusts the source already)', () => {
    for (const remote of [
      { address: 'https://10.0.0.5:8443', trustToken: 'eyJjbGllbnRfbmFtZSI6ImRlc3QifQ+/==' },
      { address: 'https://10.0.0.5:8443' },
    ]) {
      expectAccepted(
        ({ stack, host }) =>
          new Container(stack, 'db', { host, image: 'busybox', migrateFrom: { host: source(stack, remote) } }),
      );
    }
    expectAccepted(({ stack, host }) => {
      const token = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true });
      new Container(stack, 'db', {
        host,
        image: 'busybox',
        migrateFrom: { host: source(stack, { address: 'https://10.0.0.5:8443', trustToken: token.value }) },
      });
    });
  });
});

describe('Container boolean props from JavaScript', () => {
  it.each([
    ['protect', 'no'],
    ['nesting', 'false'],
    ['privileged', 0],
    ['waitForAddress', 'yes'],
  ])('rejects %s: %j', (key, value) => {
    expectRejected(
      ({ stack, host }) => new Container(stack, 'web', { host, image: 'busybox', [key]: value } as never),
      {
        path: 'lab/web',
        property: key,
        value,
        reason: /not a boolean but a (string|number), which would count as (true|false)/,
        fix: /true or false/,
      },
    );
  });

  it('rejects a non-boolean disk flag, and accepts booleans', () => {
    expectRejected(
      ({ stack, host }) =>
        new Container(stack, 'web', {
          host,
          image: 'busybox',
          disks: { data: { source: '/srv', path: '/srv', readonly: 'true' as never } },
        }),
      { path: 'lab/web', property: 'disks.data.readonly', value: 'true', fix: /true or false/ },
    );
    expectAccepted(
      ({ stack, host }) =>
        new Container(stack, 'web', {
          host,
          image: 'busybox',
          protect: false,
          nesting: true,
          disks: { data: { source: '/srv', path: '/srv', readonly: true } },
        }),
    );
  });
});

describe('Container proxy addresses', () => {
  it.each([
    ['listen', 'tcp:999.0.0.1:80', /999\.0\.0\.1 is not an IPv4 address/],
    ['listen', 'tcp:10.0.0:80', /10\.0\.0 is not an IPv4 address/],
    ['connect', 'tcp:[fd42:::1]:80', /\[fd42:::1\] is not an IPv6 address/],
    ['listen', 'tcp 127.0.0.1:80', /not a proxy address/],
  ])('rejects %s %j', (key, value, reason) => {
    const proxy = { listen: 'tcp:127.0.0.1:8080', connect: 'tcp:127.0.0.1:80', [key]: value };
    expectRejected(
      ({ stack, host }) => new Container(stack, 'web', { host, image: 'busybox', proxies: { http: proxy } }),
      { path: 'lab/web', property: `proxies.http.${key}`, value, reason, fix: /e\.g\.|such as/ },
    );
  });

  it.each(['tcp:0.0.0.0:80', 'tcp:[::]:80', 'tcp:[::1]:80-81', 'udp:localhost:53', 'unix:/run/app.sock'])(
    'accepts %j',
    (listen) => {
      expect(checkProxyAddress(listen)).toBeUndefined();
      expectAccepted(
        ({ stack, host }) =>
          new Container(stack, 'web', {
            host,
            image: 'busybox',
            proxies: { p: { listen, connect: listen.startsWith('unix') ? 'unix:/run/a.sock' : 'tcp:127.0.0.1:80' } },
          }),
      );
    },
  );
});

describe('Container string props with a NUL byte', () => {
  it.each([
    ['description', { description: 'a\0b' }, 'a\0b'],
    ['config.user.note', { config: { 'user.note': 'x\0' } }, 'x\0'],
    ['disks.data.path', { disks: { data: { source: '/srv', path: '/srv\0' } } }, '/srv\0'],
    [
      'proxies.http.connect',
      { proxies: { http: { listen: 'tcp:127.0.0.1:80', connect: 'unix:/run/a\0' } } },
      'unix:/run/a\0',
    ],
  ])('rejects %s', (property, props, value) => {
    expectRejected(({ stack, host }) => new Container(stack, 'web', { host, image: 'busybox', ...props }), {
      path: 'lab/web',
      property,
      value,
      reason: /contains a NUL byte/,
      fix: /remove the NUL byte/,
    });
  });

  it('rejects one passed to addDevice', () => {
    expectRejected(
      ({ stack, host }) =>
        new Container(stack, 'web', { host, image: 'busybox' }).addDevice('gpu', { type: 'gpu', id: '0\0' }),
      { path: 'lab/web', property: 'devices.gpu.id', value: '0\0', reason: /NUL byte/ },
    );
  });
});
