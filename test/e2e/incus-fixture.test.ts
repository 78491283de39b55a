/**
 * The Incus fixture against a real incusd (6.0 from bookworm-backports): a preseed with a dir pool and
 * a NAT bridge, a busybox container with a static DHCP address, a proxy device, an in-place config
 * change, delete. Also pins down, by their exact messages, the LXD features Incus 6.0 rejects
 * (what the library's synth checks must refuse for an Incus host).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cleanupAllIncus, startIncus, type IncusDaemon } from './support/incus-daemon';
import { describeE2E } from './support/prereqs';
import { waitFor } from './support/terraform';

describeE2E(
  'Incus fixture: incusd in its own netns',
  () => {
    let d: IncusDaemon;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ixfix-'));
    const poolDir = path.join(tmp, 'pool');

    beforeAll(async () => {
      d = await startIncus({ name: 'fixture' });
    });
    afterAll(async () => {
      await cleanupAllIncus();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('starts a daemon that answers as Incus, inside its own network namespace', async () => {
      expect(d.env.INCUS_DIR).toBe(d.incusDir);
      expect(d.startMs).toBeGreaterThan(0);
      expect(d.startMs).toBeLessThan(30000);
      const server = await d.incusJson<{ environment: { server: string; server_version: string } }>('/1.0');
      expect(server.environment.server).toBe('incus');
      expect(server.environment.server_version).toMatch(/^6\./);
      // The daemon's netns has only lo until the preseed makes a bridge.
      const links = await d.inNetns('ip', ['-o', 'link']);
      expect(links.stdout).toMatch(/\blo\b/);
      expect(links.stdout).not.toMatch(/ixbr0/);
    });

    it('applies `incus admin init --preseed` (dir pool, NAT bridge, default profile)', async () => {
      fs.mkdirSync(poolDir);
      const preseed = [
        'storage_pools:',
        '- name: default',
        '  driver: dir',
        `  config: {source: ${poolDir}}`,
        'networks:',
        '- name: ixbr0',
        '  type: bridge',
        '  config: {ipv4.address: 10.231.7.1/24, ipv4.nat: "true", ipv6.address: none}',
        'profiles:',
        '- name: default',
        '  devices:',
        '    root: {type: disk, path: /, pool: default}',
        '    eth0: {type: nic, name: eth0, network: ixbr0}',
        '',
      ].join('\n');
      await d.incusOk(['admin', 'init', '--preseed'], { input: preseed });
      const net = await d.incusJson<{ managed: boolean; config: Record<string, string> }>('/1.0/networks/ixbr0');
      expect(net.managed).toBe(true);
      expect(net.config).toMatchObject({ 'ipv4.address': '10.231.7.1/24', 'ipv4.nat': 'true', 'ipv6.address': 'none' });
      const dump = await d.incusOk(['admin', 'init', '--dump']);
      expect(dump).toContain('name: ixbr0');
      // Re-applying the same preseed converges.
      await d.incusOk(['admin', 'init', '--preseed'], { input: preseed });
    });

    it('imports the LXD fixture busybox tarball unchanged', async () => {
      await d.importBusybox();
      await d.importBusybox(); // idempotent
      const img = await d.incusJson<{ type: string; properties: Record<string, string> }>(
        '/1.0/images/aliases/busybox',
      );
      expect(img).toBeTruthy();
      const list = JSON.parse(await d.incusOk(['image', 'list', '--format', 'json'])) as Array<{
        type: string;
        aliases: Array<{ name: string }>;
      }>;
      expect(list.find((i) => i.aliases.some((a) => a.name === 'busybox'))?.type).toBe('container');
    });

    it('gives a container its static ipv4.address by DHCP, serves through a proxy, changes config in place, deletes', async () => {
      await d.incusOk(['init', 'busybox', 'c1', '-d', 'eth0,ipv4.address=10.231.7.60']);
      await d.incusOk([
        'config',
        'device',
        'add',
        'c1',
        'http',
        'proxy',
        'listen=tcp:127.0.0.1:8080',
        'connect=tcp:127.0.0.1:80',
      ]);
      await d.incusOk(['start', 'c1']);
      const ip = await waitFor('c1 lease', async () => {
        const r = await d.incus(['exec', 'c1', '--', 'cat', '/tmp/ip']);
        return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
      });
      expect(ip).toBe('10.231.7.60');
      const leases = JSON.parse(await d.incusOk(['network', 'list-leases', 'ixbr0', '--format', 'json'])) as Array<{
        hostname: string;
        address: string;
        type: string;
      }>;
      expect(leases).toEqual(
        expect.arrayContaining([expect.objectContaining({ hostname: 'c1', address: '10.231.7.60', type: 'static' })]),
      );
      // Unlike LXD (dnsmasq.hosts/<instance>), Incus writes one file per NIC: dnsmasq.hosts/<instance>.<nic>.
      const hosts = path.join(d.incusDir, 'networks/ixbr0/dnsmasq.hosts');
      expect(fs.readdirSync(hosts)).toEqual(['c1.eth0']);
      expect(fs.readFileSync(path.join(hosts, 'c1.eth0'), 'utf8')).toMatch(/^[0-9a-f:]{17},10\.231\.7\.60,c1$/m);

      // Proxy: the daemon's netns 127.0.0.1:8080 -> busybox httpd on the container's :80 (no wget -T: busybox 1.35 segfaults).
      const page = await waitFor('proxy answer', async () => {
        const r = await d.inNetns('busybox', ['wget', '-q', '-O', '-', 'http://127.0.0.1:8080/']);
        return r.code === 0 ? r.stdout : undefined;
      });
      expect(page).toContain('hello from c1');

      // In place: a config change on the running container keeps it running, with its data and pid 1.
      // (limits.memory cannot be enforced live on this machine's cgroups, as with LXD: "setting cgroup
      // item for the container failed"; limits.cpu can.)
      await d.incusOk(['exec', 'c1', '--', 'sh', '-c', 'echo kept > /root/marker']);
      const pid1 = (await d.incusJson<{ pid: number }>('/1.0/instances/c1/state')).pid;
      await d.incusOk(['config', 'set', 'c1', 'user.role=web', 'limits.cpu=1']);
      expect((await d.incusOk(['config', 'get', 'c1', 'limits.cpu'])).trim()).toBe('1');
      expect((await d.incusOk(['config', 'get', 'c1', 'user.role'])).trim()).toBe('web');
      const state = await d.incusJson<{ status: string; pid: number }>('/1.0/instances/c1/state');
      expect(state).toMatchObject({ status: 'Running', pid: pid1 });
      expect((await d.incusOk(['exec', 'c1', '--', 'cat', '/root/marker'])).trim()).toBe('kept');

      await d.incusOk(['delete', '--force', 'c1']);
      expect((await d.incus(['info', 'c1'])).code).not.toBe(0);
      expect(fs.readdirSync(hosts)).toEqual([]);
    });

    describe('LXD features Incus 6.0 rejects', () => {
      it('core.trust_password (in a preseed and by config set)', async () => {
        const r = await d.incus(['admin', 'init', '--preseed'], { input: 'config:\n  core.trust_password: s3cret\n' });
        expect(r.code).not.toBe(0);
        expect(r.stderr.trim()).toBe(
          "Error: Failed to update server configuration: cannot set 'core.trust_password' to 's3cret': unknown key",
        );
        const s = await d.incus(['config', 'set', 'core.trust_password', 's3cret']);
        expect(s.stderr.trim()).toBe("Error: cannot set 'core.trust_password' to 's3cret': unknown key");
      });

      it('a fan bridge (bridge.mode=fan)', async () => {
        const r = await d.incus(['admin', 'init', '--preseed'], {
          input: 'networks:\n- name: fan0\n  type: bridge\n  config:\n    bridge.mode: fan\n',
        });
        expect(r.code).not.toBe(0);
        expect(r.stderr.trim()).toBe(
          'Error: Failed to create local member network "fan0" in project "default": Invalid option for network "fan0" option "bridge.mode"',
        );
        const c = await d.incus(['network', 'create', 'fan1', 'bridge.mode=fan']);
        expect(c.stderr.trim()).toBe('Error: Invalid option for network "fan1" option "bridge.mode"');
        // The preseed is atomic: nothing of it is left.
        expect((await d.incus(['network', 'show', 'fan0'])).code).not.toBe(0);
      });

      it('the ubuntu: remote (only images: and local exist)', async () => {
        const remotes = JSON.parse(await d.incusOk(['remote', 'list', '--format', 'json'])) as Record<
          string,
          { Addr: string; Protocol: string }
        >;
        expect(Object.keys(remotes).sort()).toEqual(['images', 'local']);
        expect(remotes.images.Protocol).toBe('simplestreams');
        const r = await d.incus(['init', 'ubuntu:22.04', 'u1']);
        expect(r.code).not.toBe(0);
        expect(r.stderr.trim()).toBe('Error: The remote "ubuntu" doesn\'t exist');
      });
    });

    it('reset empties the daemon and stop tears it down', async () => {
      expect(await d.reset()).toEqual([]);
      expect(await d.incusJson('/1.0/networks?recursion=0')).not.toContain('/1.0/networks/ixbr0');
      expect(await d.incusJson('/1.0/storage-pools')).toEqual([]);
      const incusDir = d.incusDir;
      expect(await d.stop()).toEqual([]);
      expect(fs.existsSync(`/run/netns/${d.netns}`)).toBe(false);
      expect(fs.existsSync(incusDir)).toBe(false);
      expect(await d.stop()).toEqual([]); // idempotent
    });
  },
  ['incus'],
);
