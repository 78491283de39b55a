/**
 * Seed 000's cloud-config path: the VM's cloud-init (its lxd module, run for real by the
 * stand-in) creates lxdbr0 with NAT on and no IPv6, then a container gets its static address.
 * Storage is `dir` instead of the seed's 80 GB zfs loop, which this kernel cannot create.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Bridge, CloudConfig, Container, LabStack, MultipassVm } from '../../index';
import { newStandinHome, purgeAll, readCalls, standinEnv, vmInfo, vmLxc } from './support/multipass-standin';
import { describeE2E } from './support/prereqs';
import { synthStack, waitFor } from './support/terraform';

const VM = `seed0${process.pid % 100000}`;

describeE2E('seed 000: lxdbr0 from cloud-init with NAT', () => {
  const paths = { home: newStandinHome('mpst-seed0-') };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seed0-'));

  afterAll(async () => {
    await purgeAll(paths, { removeHome: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('creates lxdbr0 with ipv4.nat on and no IPv6, and u1 gets 192.168.255.2', async () => {
    const tf = await synthStack(
      path.join(tmp, 'out'),
      'seed0',
      (app) => {
        const stack = new LabStack(app, 'seed0', { localStatePath: path.join(tmp, 'state.tfstate') });
        const vm = new MultipassVm(stack, 'primary', {
          name: VM,
          cpus: 2,
          memory: '4G',
          disk: '100G',
          cloudConfig: new CloudConfig({
            locale: 'en_US.utf8',
            timezone: 'Asia/Tokyo',
            packageUpgrade: true,
            packageRebootIfRequired: true,
            aptPrimary: [{ arches: ['amd64', 'default'], uri: 'http://jp.archive.ubuntu.com/ubuntu/' }],
            lxd: {
              init: { storageBackend: 'dir' },
              bridge: {
                mode: 'new',
                name: 'lxdbr0',
                ipv4Address: '192.168.255.1',
                ipv4Netmask: 24,
                ipv4Nat: true,
                ipv6Address: 'none',
                domain: 'my-lxd.test',
              },
            },
          }),
        });
        const lxdbr0 = Bridge.fromName(stack, 'lxdbr0', vm, 'lxdbr0', '192.168.255.1/24');
        new Container(stack, 'u1', {
          host: vm,
          image: 'busybox',
          nics: [{ bridge: lxdbr0, ipv4Address: '192.168.255.2' }],
        });
      },
      standinEnv(paths),
    );
    await tf.ok(['apply', '-auto-approve']);

    const launch = readCalls(paths).find((c) => c.argv[0] === 'launch');
    expect(launch?.argv).toEqual(
      expect.arrayContaining(['--cpus', '2', '--memory', '4G', '--disk', '100G', '--cloud-init']),
    );
    expect(vmInfo(VM, paths)?.cloudInit).toBe('done');
    const get = async (...a: string[]) => (await vmLxc(VM, a, paths)).stdout.trim();
    expect(await get('network', 'get', 'lxdbr0', 'ipv4.nat')).toBe('true');
    expect(await get('network', 'get', 'lxdbr0', 'ipv6.address')).toBe('none');
    expect(await get('network', 'get', 'lxdbr0', 'dns.domain')).toBe('my-lxd.test');
    const ip = await waitFor('u1 lease', async () => {
      const r = await vmLxc(VM, ['exec', 'u1', '--', 'cat', '/tmp/ip'], paths);
      return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
    });
    expect(ip).toBe('192.168.255.2');
    await tf.ok(['destroy', '-auto-approve']);
    expect(vmInfo(VM, paths)).toBeUndefined();
  });
});
