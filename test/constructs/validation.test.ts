/**
 * Validation: every bad input fails at construction or at synth, naming the construct path,
 * the property, the bad value and a fix, and nothing is written.
 */
import { App, Testing } from '../../constructs/core/cdk';
import {
  Bridge,
  CloudConfig,
  Container,
  LabStack,
  LocalHost,
  MultipassVm,
  Profile,
  SshHost,
  StoragePool,
} from '../../index';
import { expectAppSynthRejected, expectProblem, synthJson, validationErrorOf } from '../helpers';

/** A LabStack with one local host in a throwaway app. */
function lab(app: App = Testing.app(), id = 'lab') {
  const stack = new LabStack(app, id);
  const host = new LocalHost(stack, 'host');
  return { app, stack, host };
}

describe('instance names', () => {
  it.each([
    ['1web', 'digit start'],
    ['-web', 'hyphen start'],
    ['web-', 'hyphen end'],
    ['a'.repeat(64), 'longer than 63'],
    ['web_1', 'underscore'],
    ['web.1', 'dot'],
    ['', 'empty'],
  ])('rejects %j (%s) for Container and MultipassVm', (name) => {
    const { stack, host } = lab();
    expectProblem(
      validationErrorOf(() => new Container(stack, 'c', { host, image: 'busybox', name })),
      { path: 'lab/c', property: 'name', value: name, reason: /instance name/, fix: /starting with a letter/ },
    );
    expectProblem(
      validationErrorOf(() => new MultipassVm(stack, 'vm', { name })),
      { path: 'lab/vm', property: 'name', value: name, fix: /letters, digits and hyphens/ },
    );
  });

  it('accepts a 63-character name and a construct-id default', () => {
    const { stack, host } = lab();
    new Container(stack, 'c', { host, image: 'busybox', name: `a${'b'.repeat(61)}c` });
    new Container(stack, 'web-1', { host, image: 'busybox' });
    expect(() => synthJson(stack)).not.toThrow();
  });

  it('rejects bad network, pool and profile names', () => {
    const { stack, host } = lab();
    expectProblem(
      validationErrorOf(() => new Bridge(stack, 'b', { host, name: 'bridge-name-too-long0' })),
      { path: 'lab/b', property: 'name', value: 'bridge-name-too-long0', fix: /1-15/ },
    );
    expectProblem(
      validationErrorOf(() => new StoragePool(stack, 'p', { host, driver: 'dir', name: 'a b' })),
      { path: 'lab/p', property: 'name', value: 'a b' },
    );
    expectProblem(
      validationErrorOf(() => new Profile(stack, 'pr', { host, name: '-x' })),
      { path: 'lab/pr', property: 'name', value: '-x' },
    );
  });
});

describe('duplicate names on one host (reported at synth, nothing written)', () => {
  it('two containers with the same name', () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, host } = lab(app);
      new Container(stack, 'a', { host, image: 'busybox', name: 'same' });
      new Container(stack, 'b', { host, image: 'busybox', name: 'same' });
      void stack;
    });
    expectProblem(err, { path: 'lab/b', property: 'name', value: 'same', reason: /lab\/a/, fix: /own name/ });
  });

  it('two bridges and two pools with the same name', () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, host } = lab(app);
      new Bridge(stack, 'br1', { host, name: 'br0' });
      new Bridge(stack, 'br2', { host, name: 'br0' });
      new StoragePool(stack, 'p1', { host, driver: 'dir', name: 'data' });
      new StoragePool(stack, 'p2', { host, driver: 'btrfs', name: 'data' });
    });
    expectProblem(err, { path: 'lab/br2', property: 'name', value: 'br0', reason: /another network/ });
    expectProblem(err, { path: 'lab/p2', property: 'name', value: 'data', reason: /another storage pool/ });
    expect(err.problems).toHaveLength(2);
  });

  it('is also reported by Testing.synth(stack, true)', () => {
    const { stack, host } = lab();
    new Profile(stack, 'p1', { host, name: 'web' });
    new Profile(stack, 'p2', { host, name: 'web' });
    expectProblem(
      validationErrorOf(() => Testing.synth(stack, true)),
      { path: 'lab/p2', property: 'name', value: 'web' },
    );
  });

  it('the same name on two different hosts is fine', () => {
    const app = Testing.app();
    const stack = new LabStack(app, 'lab');
    const h1 = new SshHost(stack, 'h1', { address: '10.0.0.1' });
    const h2 = new SshHost(stack, 'h2', { address: '10.0.0.2' });
    const vm = new MultipassVm(stack, 'vm');
    for (const [i, host] of [h1, h2, vm].entries()) {
      new Container(stack, `c${i}`, { host, image: 'busybox', name: 'web' });
      new Bridge(stack, `b${i}`, { host, name: 'br0' });
      new StoragePool(stack, `p${i}`, { host, driver: 'dir', name: 'data' });
    }
    const data = synthJson(stack).resource.terraform_data;
    // the VM, three objects on each of three hosts, and a before/after prune per host (and the deploying machine's, for the VM)
    expect(Object.keys(data)).toHaveLength(2 + 3 * 3 * 2 + 4 * 2);
    // each host's prune declares the same names: they are different objects
    const declared = Object.entries(data)
      .filter(([k]) => /^lifecycle_.*_before_/.test(k) && !k.startsWith('lifecycle_local_'))
      .map(([, r]: [string, any]) => r.triggers_replace.declared);
    expect(declared).toEqual([0, 1, 2].map(() => ({ instance: ['web'], network: ['br0'], pool: ['data'] })));
  });
});

describe('addresses', () => {
  it('rejects malformed IPv4, CIDR and MAC at construction', () => {
    const { stack, host } = lab();
    ['10.0.0.1', '10.0.0.256/24', '10.0.0.1/33', '10.0.0/24', '010.0.0.1/24', '10.0.0.1 /24'].forEach((bad, i) => {
      expectProblem(
        validationErrorOf(() => new Bridge(stack, `b${i}`, { host, ipv4Address: bad })),
        { path: `lab/b${i}`, property: 'ipv4Address', value: bad, fix: /10\.0\.0\.1\/24/ },
      );
    });
    const br = new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' });
    expectProblem(
      validationErrorOf(
        () => new Container(stack, 'c1', { host, image: 'busybox', nics: [{ bridge: br, ipv4Address: '10.0.0.300' }] }),
      ),
      { path: 'lab/c1', property: 'nics.eth0.ipv4Address', value: '10.0.0.300', fix: /dotted quad/ },
    );
    expectProblem(
      validationErrorOf(
        () => new Container(stack, 'c2', { host, image: 'busybox', nics: [{ bridge: br, hwaddr: '52:54:00:12:34' }] }),
      ),
      { path: 'lab/c2', property: 'nics.eth0.hwaddr', value: '52:54:00:12:34', fix: /52:54:00:12:34:56/ },
    );
    expectProblem(
      validationErrorOf(() => br.addStaticLease({ mac: 'zz:54:00:12:34:56', ipv4Address: '10.0.0.5' })),
      { path: 'lab/br', property: 'addStaticLease.mac', value: 'zz:54:00:12:34:56' },
    );
    expectProblem(
      validationErrorOf(() => br.addStaticLease({ hostname: 'x', ipv4Address: '10.0.0' })),
      { path: 'lab/br', property: 'addStaticLease.ipv4Address', value: '10.0.0' },
    );
    expectProblem(
      validationErrorOf(() => new Bridge(stack, 'net', { host, ipv4Address: '10.0.0.0/24' })),
      {
        path: 'lab/net',
        property: 'ipv4Address',
        value: '10.0.0.0/24',
        reason: /network or broadcast/,
        fix: /10\.0\.0\.1\/24/,
      },
    );
  });

  it.each([
    ['10.0.1.5', /outside the subnet 10\.0\.0\.1\/24/],
    ['10.0.0.1', /bridge's own address/],
    ['10.0.0.0', /network or broadcast/],
    ['10.0.0.255', /network or broadcast/],
  ])('rejects static IP %s at synth', (ip, reason) => {
    const err = expectAppSynthRejected((app) => {
      const { stack, host } = lab(app);
      const bridge = new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' });
      new Container(stack, 'web', { host, image: 'busybox', nics: [{ bridge, ipv4Address: ip }] });
    });
    expectProblem(err, {
      path: 'lab/web',
      property: 'nics.eth0.ipv4Address',
      value: ip,
      reason,
      fix: /10\.0\.0\.1-10\.0\.0\.254/,
    });
  });

  it('rejects a lease address outside the subnet', () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, host } = lab(app);
      new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' }).addStaticLease({
        hostname: 'printer',
        ipv4Address: '192.168.0.5',
      });
    });
    expectProblem(err, {
      path: 'lab/br',
      property: 'addStaticLease(printer)',
      value: '192.168.0.5',
      reason: /outside/,
    });
  });

  it('rejects two containers or leases with the same IP or MAC on one bridge', () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, host } = lab(app);
      const bridge = new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24' });
      new Container(stack, 'a', {
        host,
        image: 'busybox',
        nics: [{ bridge, ipv4Address: '10.0.0.10', hwaddr: '52:54:00:00:00:01' }],
      });
      new Container(stack, 'b', { host, image: 'busybox', nics: [{ bridge, ipv4Address: '10.0.0.10' }] });
      new Container(stack, 'c', {
        host,
        image: 'busybox',
        nics: [{ bridge, ipv4Address: '10.0.0.12', hwaddr: '52:54:00:00:00:01' }],
      });
      bridge.addStaticLease({ mac: '52:54:00:00:00:01', ipv4Address: '10.0.0.20' });
      bridge.addStaticLease({ hostname: 'printer', ipv4Address: '10.0.0.10' });
    });
    expectProblem(err, {
      path: 'lab/b',
      property: 'nics.eth0.ipv4Address',
      value: '10.0.0.10',
      reason: /IPv4 address already claimed .* by lab\/a/,
    });
    expectProblem(err, {
      path: 'lab/c',
      property: 'nics.eth0.hwaddr',
      value: '52:54:00:00:00:01',
      reason: /MAC address already claimed .* by lab\/a nics\.eth0\.hwaddr/,
    });
    expectProblem(err, {
      path: 'lab/br',
      property: 'addStaticLease(52:54:00:00:00:01)',
      value: '52:54:00:00:00:01',
      reason: /MAC/,
    });
    expectProblem(err, { path: 'lab/br', property: 'addStaticLease(printer)', value: '10.0.0.10', reason: /IPv4/ });
  });

  it('accepts the same IP on two different bridges', () => {
    const { stack, host } = lab();
    const b1 = new Bridge(stack, 'br1', { host, ipv4Address: '10.0.0.1/24' });
    const b2 = new Bridge(stack, 'br2', { host, ipv4Address: '10.0.0.1/24' });
    new Container(stack, 'a', { host, image: 'busybox', nics: [{ bridge: b1, ipv4Address: '10.0.0.10' }] });
    new Container(stack, 'b', { host, image: 'busybox', nics: [{ bridge: b2, ipv4Address: '10.0.0.10' }] });
    expect(() => synthJson(stack)).not.toThrow();
  });

  it.each([
    [{ start: '10.0.1.100', end: '10.0.1.199' }, /outside the usable addresses/, /10\.0\.0\.1-10\.0\.0\.254/],
    [{ start: '10.0.0.0', end: '10.0.0.50' }, /outside/, /within/],
    [{ start: '10.0.0.100', end: '10.0.0.255' }, /outside/, /within/],
    [{ start: '10.0.0.199', end: '10.0.0.100' }, /reversed/, /10\.0\.0\.100-10\.0\.0\.199/],
    [{ start: '10.0.0.x', end: '10.0.0.100' }, /not a range/, /start/],
  ])('rejects DHCP range %j', (range, reason, fix) => {
    const err = expectAppSynthRejected((app) => {
      const { host, stack } = lab(app);
      new Bridge(stack, 'br', { host, ipv4Address: '10.0.0.1/24', ipv4DhcpRanges: [range] });
    });
    expectProblem(err, {
      path: 'lab/br',
      property: 'ipv4DhcpRanges[0]',
      value: `${range.start}-${range.end}`,
      reason,
      fix,
    });
  });

  it('rejects DHCP ranges without a known subnet', () => {
    const { stack, host } = lab();
    expectProblem(
      validationErrorOf(
        () => new Bridge(stack, 'br', { host, ipv4DhcpRanges: [{ start: '10.0.0.2', end: '10.0.0.9' }] }),
      ),
      { path: 'lab/br', property: 'ipv4DhcpRanges', fix: /ipv4Address/ },
    );
  });
});

describe('storage', () => {
  it('rejects an unknown driver', () => {
    const { stack, host } = lab();
    expectProblem(
      validationErrorOf(() => new StoragePool(stack, 'p', { host, driver: 'ext4' as never })),
      {
        path: 'lab/p',
        property: 'driver',
        value: 'ext4',
        reason: /unknown storage driver/,
        fix: /dir, btrfs, lvm, zfs, ceph/,
      },
    );
  });

  it('rejects an option the driver does not take', () => {
    const { stack, host } = lab();
    expectProblem(
      validationErrorOf(() => new StoragePool(stack, 'p', { host, driver: 'lvm', zfsPoolName: 'tank' })),
      {
        path: 'lab/p',
        property: 'config.zfs.pool_name',
        value: 'zfs.pool_name',
        reason: /lvm driver does not take/,
        fix: /lvm.vg_name/,
      },
    );
    expectProblem(
      validationErrorOf(() => new StoragePool(stack, 'q', { host, driver: 'dir', size: '10GiB' })),
      { path: 'lab/q', property: 'size', value: 'size', reason: /dir driver/ },
    );
    expectProblem(
      validationErrorOf(() => new StoragePool(stack, 'r', { host, driver: 'btrfs', config: { 'lvm.vg_name': 'vg' } })),
      { path: 'lab/r', property: 'config.lvm.vg_name', value: 'lvm.vg_name' },
    );
    new StoragePool(stack, 'ok', {
      host,
      driver: 'zfs',
      zfsPoolName: 'tank',
      config: { 'user.note': 'x', 'volume.size': '5GiB' },
    });
  });

  it.each(['10 GiB', '10G', 'ten', '-1GiB', '10gib', ''])('rejects size %j', (size) => {
    const { stack, host } = lab();
    expectProblem(
      validationErrorOf(() => new StoragePool(stack, 'p', { host, driver: 'btrfs', size })),
      { path: 'lab/p', property: 'size', value: size, fix: /10GiB/ },
    );
    const pool = new StoragePool(stack, 'ok', { host, driver: 'btrfs' });
    expectProblem(
      validationErrorOf(
        () => new Container(stack, 'c', { host, image: 'busybox', storagePool: pool, rootSize: size || ' ' }),
      ),
      { path: 'lab/c', property: 'rootSize', fix: /GiB/ },
    );
    expectProblem(
      validationErrorOf(() => new Container(stack, 'd', { host, image: 'busybox', limits: { memory: size || ' ' } })),
      { path: 'lab/d', property: 'limits.memory', fix: /512MiB/ },
    );
  });
});

describe('cross-host references (at synth)', () => {
  it('rejects a container using a pool, profile or bridge on another host', () => {
    const err = expectAppSynthRejected((app) => {
      const stack = new LabStack(app, 'lab');
      const a = new SshHost(stack, 'a', { address: 'lxd01' });
      const b = new SshHost(stack, 'b', { address: 'lxd02' });
      const pool = new StoragePool(stack, 'pool', { host: b, driver: 'dir' });
      const bridge = new Bridge(stack, 'br', { host: b });
      const profile = new Profile(stack, 'prof', { host: b });
      new Container(stack, 'web', {
        host: a,
        image: 'busybox',
        storagePool: pool,
        profiles: [profile],
        nics: [{ bridge }],
      });
      new Profile(stack, 'p2', { host: a, rootPool: pool, network: bridge });
    });
    for (const property of ['storagePool', 'profiles', 'nics.eth0.bridge']) {
      expectProblem(err, {
        path: 'lab/web',
        property,
        reason: /it is on ssh lxd02:22, not on ssh lxd01:22/,
        fix: /same host/,
      });
    }
    expectProblem(err, { path: 'lab/p2', property: 'rootPool', value: 'lab/pool' });
    expectProblem(err, { path: 'lab/p2', property: 'network', value: 'lab/br' });
  });
});

describe('multipass VM settings', () => {
  it.each([
    ['memory', { memory: '127M' }, '127M', /at least 128M/],
    ['memory', { memory: '4 G' }, '4 G', /not a multipass size/],
    ['memory', { memory: '4GB1' }, '4GB1', /not a multipass size/],
    ['disk', { disk: '511M' }, '511M', /at least 512M/],
    ['disk', { disk: 'big' }, 'big', /not a multipass size/],
    ['cpus', { cpus: 0 }, 0, /whole number/],
    ['cpus', { cpus: 1.5 }, 1.5, /whole number/],
  ])('rejects %s %j', (property, props, value, reason) => {
    const { stack } = lab();
    expectProblem(
      validationErrorOf(() => new MultipassVm(stack, 'vm', props)),
      { path: 'lab/vm', property, value, reason },
    );
  });

  it('accepts the minimums', () => {
    const { stack } = lab();
    new MultipassVm(stack, 'vm', { memory: '128M', disk: '512M', cpus: 1 });
    new MultipassVm(stack, 'vm2', { memory: '1GiB', disk: '0.5G', cpus: 16 });
    expect(() => synthJson(stack)).not.toThrow();
  });

  it('rejects an image that would be read as an option, and relative mounts', () => {
    const { stack } = lab();
    expectProblem(
      validationErrorOf(() => new MultipassVm(stack, 'vm', { image: '--help' })),
      { path: 'lab/vm', property: 'image', value: '--help', fix: /22\.04/ },
    );
    expectProblem(
      validationErrorOf(() => new MultipassVm(stack, 'vm2', { mounts: [{ source: 'data', target: '/data' }] })),
      { path: 'lab/vm2', property: 'mounts', value: { source: 'data', target: '/data' }, fix: /\/srv\/data/ },
    );
  });

  it('rejects a cloud-init preseed combined with init or bridge', () => {
    const { stack } = lab();
    const cloudConfig = new CloudConfig({ lxd: { preseed: 'config: {}\n', bridge: { mode: 'new' } } });
    expectProblem(
      validationErrorOf(() => new MultipassVm(stack, 'vm', { cloudConfig })),
      {
        path: 'lab/vm',
        property: 'cloudConfig.lxd',
        value: ['preseed', 'bridge'],
        reason: /cannot be combined/,
        fix: /inside the preseed/,
      },
    );
    const withInit = new CloudConfig({ lxd: { preseed: { config: {} }, init: { storageBackend: 'dir' } } });
    expectProblem(
      validationErrorOf(() => new MultipassVm(stack, 'vm2', { cloudConfig: withInit })),
      { path: 'lab/vm2', property: 'cloudConfig.lxd' },
    );
  });
});

describe('multi-stack apps', () => {
  it('a bad input in the second stack writes neither stack', () => {
    const err = expectAppSynthRejected((app) => {
      const first = lab(app, 'first');
      new Container(first.stack, 'ok', { host: first.host, image: 'busybox' });
      const second = lab(app, 'second');
      const bridge = new Bridge(second.stack, 'br', { host: second.host, ipv4Address: '10.0.0.1/24' });
      new Container(second.stack, 'bad', {
        host: second.host,
        image: 'busybox',
        nics: [{ bridge, ipv4Address: '10.9.9.9' }],
      });
    });
    expect(err.problems).toHaveLength(1);
    expectProblem(err, { path: 'second/bad', property: 'nics.eth0.ipv4Address', value: '10.9.9.9' });
  });

  it('collects the problems of every stack in one error', () => {
    const err = expectAppSynthRejected((app) => {
      for (const id of ['one', 'two']) {
        const { stack, host } = lab(app, id);
        new Container(stack, 'a', { host, image: 'busybox', name: 'x' });
        new Container(stack, 'b', { host, image: 'busybox', name: 'x' });
      }
    });
    // Both stacks' hosts reach the same machine, so the second stack's `x` collides with the first's too.
    expect(err.problems.map((p) => p.path).sort()).toEqual(['one/b', 'two/a', 'two/b']);
  });
});
