/**
 * The Incus host cloud-config (src/cloudinit/incus.ts) against a real incusd: the preseed file and the
 * first-boot script it renders, run as cloud-init's runcmd would run them, set up the pool, the NAT bridge
 * and the default profile; a second run does nothing; a container then gets its static address by DHCP.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { incusCloudConfigParts } from '../../src/cloudinit/incus';
import { cleanupAllIncus, startIncus, type IncusDaemon } from './support/incus-daemon';
import { runAsync } from './support/lxd-daemon';
import { describeE2E } from './support/prereqs';
import { waitFor } from './support/terraform';

describeE2E(
  'Incus host cloud-config: the first-boot preseed on a real incusd',
  () => {
    let d: IncusDaemon;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ixci-'));

    beforeAll(async () => {
      d = await startIncus({ name: 'cloudinit' });
    });
    afterAll(async () => {
      await cleanupAllIncus();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('applies the rendered preseed once, and a container gets its static address on the bridge', async () => {
      const poolDir = path.join(tmp, 'pool');
      fs.mkdirSync(poolDir);
      const preseedPath = path.join(tmp, 'incus-preseed.yaml');
      const parts = incusCloudConfigParts({
        os: { distro: 'debian', version: '12' },
        preseedPath,
        preseed: {
          networks: [
            {
              name: 'incusbr0',
              config: { 'ipv4.address': '10.232.9.1/24', 'ipv4.nat': 'true', 'ipv6.address': 'none' },
            },
          ],
          storagePools: [{ name: 'default', driver: 'dir', config: { source: poolDir } }],
          profiles: [
            {
              name: 'default',
              devices: {
                root: { type: 'disk', path: '/', pool: 'default' },
                eth0: { type: 'nic', name: 'eth0', network: 'incusbr0' },
              },
            },
          ],
        },
      });
      // write_files, then the preseed step of runcmd (the apt-get step is for a real VM).
      const file = parts.write_files![0];
      fs.writeFileSync(file.path, file.content, { mode: parseInt(file.permissions, 8) });
      const [cmd, ...args] = parts.runcmd!.find((c) => c[2].includes('incus admin init'))!;
      const first = await runAsync(cmd, args, { env: d.env });
      expect(first).toMatchObject({ code: 0 });
      expect(fs.existsSync(preseedPath)).toBe(false);
      expect(fs.existsSync(`${preseedPath}.done`)).toBe(true);
      expect((await runAsync(cmd, args, { env: d.env })).code).toBe(0); // marker: nothing to do

      const net = await d.incusJson<{ config: Record<string, string> }>('/1.0/networks/incusbr0');
      expect(net.config).toMatchObject({ 'ipv4.address': '10.232.9.1/24', 'ipv4.nat': 'true', 'ipv6.address': 'none' });
      const profile = await d.incusJson<{ devices: Record<string, Record<string, string>> }>('/1.0/profiles/default');
      expect(profile.devices.eth0).toMatchObject({ network: 'incusbr0' });

      await d.importBusybox();
      await d.incusOk(['launch', 'busybox', 'c1', '-d', 'eth0,ipv4.address=10.232.9.20']);
      const ip = await waitFor('c1 lease', async () => {
        const r = await d.incus(['exec', 'c1', '--', 'cat', '/tmp/ip']);
        return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
      });
      expect(ip).toBe('10.232.9.20');
      expect(await d.stop()).toEqual([]);
    });
  },
  ['incus'],
);
