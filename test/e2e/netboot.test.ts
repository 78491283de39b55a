/**
 * Real netboot: QEMU (TCG) PXE ROM -> DHCP from dnsmasq running OUR rendered config ->
 * iPXE -> GET /boot.ipxe -> GET /ipxe?mac=... -> the selected profile's kernel/initrd -> boot,
 * all inside a private network namespace, against the Matchbox stand-in serving OUR rendered data
 * dir as Matchbox v0.11.0 does. Then the data of the two Matchbox examples, served the same way,
 * fetched with curl on every route as a machine would, and the GRUB configs checked by GRUB's own
 * parser (grub-script-check).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFile, spawnSync } from 'child_process';
import { promisify } from 'util';
import { Testing } from '../../constructs/core/cdk';
import { LabStack, LocalHost, MatchboxGroup, MatchboxProfile, MatchboxServer } from '../../index';
import { buildPxeWithLxd, NODE1 } from '../../examples/pxe-with-lxd';
import { buildSeed003 } from '../../examples/seed003-matchbox';
import { renderDnsmasqConfig } from '../../src/dnsmasq/render';
import { macHexhyp } from '../../src/matchbox/mac';
import { DataFile, MatchboxDataSpec } from '../../src/matchbox/model';
import { renderDataDir } from '../../src/matchbox/render';
import { validateMatchbox } from '../../src/matchbox/validate';
import { ignitionDataUrl, matchboxDataOf, withoutEmpty, writeDataDir } from './support/matchbox/data';
import { StandInVersion } from './support/matchbox/standin';
import { MatchboxFixture, startMatchboxFixture } from './support/netboot/matchbox-fixture';
import { createLan, destroyLan, PxeLan } from './support/netboot/netns';
import { Proc, run, start, stop, waitFor } from './support/netboot/procs';
import { PxeMachine, startPxeVm } from './support/netboot/qemu';
import { describeE2E } from './support/prereqs';

const MACHINE: PxeMachine = {
  mac: '52:54:00:12:34:56',
  uuid: '8d1c5b8e-0c5e-4a55-9d0e-2f6f1c7a4b21',
  serial: 'SN-0042',
};
const LEASE_IP = '10.77.0.42';
const HOSTNAME = 'node1';
const HTTP = 'http://10.77.0.1:8080';
/** Debian's `ipxe` package: the first stages dnsmasq serves over TFTP. */
const IPXE_DIR = '/usr/lib/ipxe';

/** The issue's key: a comment in double quotes. */
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBc5X0k7n3yqfQ2Jm0x1m2Qp3wD3n2k9o6W0sH1xY2zQ "ops laptop"';

/** Profiles and groups: a MAC group (written in iPXE's hyphen form), a default group, a label group. */
const DATA: MatchboxDataSpec = {
  profiles: [
    {
      id: 'install',
      name: 'install to disk',
      // The "kernel" is an iPXE script, so `boot` runs it and it reports back over HTTP.
      boot: {
        kernel: '/assets/kernel.ipxe',
        initrd: ['/assets/initrd.img'],
        args: ['console=ttyS0', 'flatcar.first_boot=yes'],
      },
      generic: 'mac={{.mac}} endpoint={{.ignition_endpoint}}\n',
      ignition: {
        users: [{ name: 'core', sshAuthorizedKeys: [KEY] }],
        files: [{ path: '/etc/hostname', contents: 'node1\n' }],
      },
    },
    { id: 'fallback', boot: { kernel: '/assets/wrong-kernel', args: [] } },
    { id: 'installed', boot: { kernel: '/assets/installed-kernel', args: [] } },
  ],
  groups: [
    { id: 'default', profile: 'fallback' },
    {
      id: 'node1',
      profile: 'install',
      selector: { mac: macHexhyp(MACHINE.mac).toUpperCase() },
      metadata: { ignition_endpoint: `${HTTP}/generic` },
    },
    { id: 'installed', profile: 'installed', selector: { os: 'installed' } },
  ],
};

describeE2E(
  'netboot: QEMU PXE -> dnsmasq (rendered) -> iPXE -> Matchbox stand-in',
  () => {
    let tmp = '';
    let lan: PxeLan | undefined;
    let dnsmasq: Proc | undefined;
    let qemu: Proc | undefined;
    let fixture: MatchboxFixture | undefined;
    const netns = `netboot-${process.pid}`;

    const fixtures: MatchboxFixture[] = [];
    const requireLan = (): PxeLan => {
      if (!lan) throw new Error('the PXE LAN was not created');
      return lan;
    };

    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netboot-'));
      // dnsmasq drops root for `nobody` before serving TFTP: the TFTP root must be world-readable.
      fs.chmodSync(tmp, 0o755);
      lan = createLan(netns);
    });

    afterAll(async () => {
      // Always: stop our processes by pid, then remove the namespace and temp files.
      await stop(qemu);
      await stop(dnsmasq);
      await fixture?.close();
      for (const f of fixtures) await f.close();
      if (lan) destroyLan(lan.netns);
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    }, 30000);

    it('boots the VM through DHCP, iPXE and the selected Matchbox profile', async () => {
      // 1. Matchbox data dir and assets from our renderer.
      expect(validateMatchbox(DATA, 'netboot')).toEqual([]);
      const dataDir = path.join(tmp, 'data');
      const assetsDir = path.join(tmp, 'assets');
      for (const f of renderDataDir(DATA)) {
        fs.mkdirSync(path.dirname(path.join(dataDir, f.path)), { recursive: true });
        fs.writeFileSync(path.join(dataDir, f.path), f.contents);
      }
      fs.mkdirSync(assetsDir);
      // The "kernel" fetches its Ignition as Flatcar's would (same labels), then reports back.
      fs.writeFileSync(
        path.join(assetsDir, 'kernel.ipxe'),
        `#!ipxe\nimgfetch ${HTTP}/ignition?uuid=\${uuid}&mac=\${mac:hexhyp} ignition.json\nchain ${HTTP}/booted?mac=\${mac:hexhyp}&ip=\${ip}\n`,
      );
      fs.writeFileSync(path.join(assetsDir, 'initrd.img'), 'not really an initrd\n');

      // TFTP root: the real iPXE first stages when the ipxe package is installed, else stand-ins
      // (QEMU's NIC ROM is iPXE already, so the VM itself never needs them).
      const tftpRoot = path.join(tmp, 'tftp');
      fs.mkdirSync(tftpRoot);
      for (const f of ['undionly.kpxe', 'ipxe.efi']) {
        const real = path.join(IPXE_DIR, f);
        if (fs.existsSync(real)) fs.copyFileSync(real, path.join(tftpRoot, f));
        else fs.writeFileSync(path.join(tftpRoot, f), `stand-in for ${f}: ${Math.random()}\n`.repeat(100));
      }

      // 2. dnsmasq with our rendered config on the LAN, the fixture.
      const lan = requireLan();
      const leaseFile = path.join(tmp, 'dnsmasq.leases');
      const logFile = path.join(tmp, 'dnsmasq.log');
      const conf = renderDnsmasqConfig({
        interface: lan.bridge,
        subnet: lan.cidr,
        range: { start: '10.77.0.100', end: '10.77.0.200', leaseTime: '1h' },
        router: lan.address,
        dnsPort: 0,
        matchboxUrl: HTTP,
        tftpRoot,
        staticLeases: [{ mac: MACHINE.mac, ipv4Address: LEASE_IP, hostname: HOSTNAME }],
        raPrefix: lan.v6Prefix,
        leaseFile,
        pidFile: path.join(tmp, 'dnsmasq.pid'),
        noPing: true,
        log: { dhcp: true, facility: logFile },
      });
      const confFile = path.join(tmp, 'dnsmasq.conf');
      fs.writeFileSync(confFile, conf);
      run('dnsmasq', ['--test', '-C', confFile]);
      dnsmasq = start('dnsmasq', 'ip', ['netns', 'exec', netns, 'dnsmasq', '--keep-in-foreground', '-C', confFile]);
      const dns = dnsmasq;
      await waitFor(
        'dnsmasq to start',
        () =>
          fs.existsSync(logFile) && /started, version/.test(fs.readFileSync(logFile, 'utf8'))
            ? true
            : dns.child.exitCode !== null
              ? fail(dns, logFile)
              : undefined,
        10000,
      );
      fixture = await startMatchboxFixture({
        netns,
        host: lan.address,
        port: 8080,
        dataDir,
        assetsDir,
        socketPath: path.join(tmp, 'matchbox.sock'),
      });

      // 3. TFTP serves the first stage (QEMU's own NIC ROM is iPXE already, so the VM skips it).
      const fetched = path.join(tmp, 'undionly.kpxe');
      run('ip', [
        'netns',
        'exec',
        netns,
        'curl',
        '-sS',
        '--max-time',
        '10',
        `tftp://${lan.address}/undionly.kpxe`,
        '-o',
        fetched,
      ]);
      expect(fs.readFileSync(fetched).equals(fs.readFileSync(path.join(tftpRoot, 'undionly.kpxe')))).toBe(true);

      // 4. Boot the VM and wait until the profile's "kernel" script calls back.
      const t0 = Date.now();
      qemu = startPxeVm(netns, lan.tap, MACHINE);
      const vm = qemu;
      const fx = fixture;
      await waitFor(
        'the VM to run the profile',
        () =>
          fx.requests.some((r) => r.url.startsWith('/booted'))
            ? true
            : vm.child.exitCode !== null
              ? fail(vm)
              : undefined,
        120000,
        200,
      );
      const seconds = (Date.now() - t0) / 1000;

      console.log(
        `netboot: PXE -> /booted in ${seconds.toFixed(1)} s; requests: ${fx.requests.map((r) => `${r.status} ${r.url}`).join(' | ')}`,
      );

      // 5. HTTP side: the request chain, with the VM's identity as Matchbox labels.
      const urls = fx.requests.map((r) => new URL(r.url, HTTP));
      expect(urls.map((u) => u.pathname)).toEqual([
        '/boot.ipxe',
        '/ipxe',
        '/assets/kernel.ipxe',
        '/assets/initrd.img',
        '/ignition',
        '/booted',
      ]);
      const labels = urls[1].searchParams;
      expect(labels.get('mac')).toBe(macHexhyp(MACHINE.mac));
      expect(labels.get('uuid')).toBe(MACHINE.uuid);
      expect(labels.get('serial')).toBe(MACHINE.serial);
      expect(labels.get('hostname')).toBe(HOSTNAME); // from dnsmasq's dhcp-host line
      expect(fx.requests[1]).toMatchObject({ status: 200, group: 'node1' });
      // The machine got its raw Ignition as Matchbox v0.11.0 serves it: spec 3.4.0, the key intact.
      expect(fx.requests[4]).toMatchObject({ status: 200, group: 'node1' });
      expect(urls[4].searchParams.get('uuid')).toBe(MACHINE.uuid);
      const ignition = JSON.parse(fx.requests[4].body!);
      expect(withoutEmpty(ignition)).toEqual({
        ignition: { version: '3.4.0' },
        passwd: { users: [{ name: 'core', sshAuthorizedKeys: [KEY] }] },
        storage: {
          files: [{ path: '/etc/hostname', mode: 420, overwrite: true, contents: { source: 'data:,node1%0A' } }],
        },
      });
      expect(urls[5].searchParams.get('mac')).toBe(macHexhyp(MACHINE.mac));
      expect(urls[5].searchParams.get('ip')).toBe(LEASE_IP);
      expect(new Set(fx.peers())).toEqual(new Set([LEASE_IP]));

      // 6. dnsmasq side: the static lease was handed out.
      expect(fs.readFileSync(leaseFile, 'utf8')).toMatch(
        new RegExp(`^\\d+ ${MACHINE.mac} ${LEASE_IP.replace(/\./g, '\\.')} ${HOSTNAME} `, 'm'),
      );
      const log = fs.readFileSync(logFile, 'utf8');
      expect(log).toContain(`DHCPACK(${lan.bridge}) ${LEASE_IP} ${MACHINE.mac} ${HOSTNAME}`);
      expect(log).toMatch(/tags: known, ipxe, bios/);
      expect(log).toContain(`bootfile-name  ${HTTP}/boot.ipxe`);
    }, 180000);

    /** Serves `files` on `port` of the LAN like `version`, and a GET from inside the namespace with curl. */
    async function serveOnLan(
      name: string,
      port: number,
      files: DataFile[],
      version: string,
    ): Promise<(url: string) => Promise<Reply>> {
      const dataDir = writeDataDir(path.join(tmp, name), files);
      const lan = requireLan();
      fixtures.push(
        await startMatchboxFixture({
          netns,
          host: lan.address,
          port,
          dataDir,
          assetsDir: dataDir,
          socketPath: path.join(tmp, `${name}.sock`),
          version: version as StandInVersion,
        }),
      );
      return (url) => curl(netns, `http://${lan.address}:${port}${url}`, path.join(tmp, `${name}.body`));
    }

    it("serves the examples' data on every route like Matchbox v0.11.0, to curl on the LAN", async () => {
      const seedApp = Testing.app();
      buildSeed003(seedApp, { sshKey: KEY, matchboxSha256: 'b'.repeat(64) });
      const seed = matchboxDataOf(seedApp);
      expect(seed.version).toBe('v0.11.0');
      const get = await serveOnLan('seed003', 8081, seed.files, seed.version);
      const mac = macHexhyp(MACHINE.mac);

      // seed003: the live system's generic Ignition (3.3.0, valid JSON, key and installer intact).
      const live = await get(`/generic?uuid=${MACHINE.uuid}&mac=${mac}`);
      expect(live).toMatchObject({ status: 200, contentType: 'text/plain; charset=utf-8' });
      const ign = JSON.parse(live.body);
      expect(ign.ignition.version).toBe('3.3.0');
      expect(ign.passwd.users[0].sshAuthorizedKeys).toEqual([KEY]);
      const script = ignitionDataUrl(ign.storage.files[0].contents.source);
      expect(script).toContain(
        "curl --fail --retry 10 'http://192.168.0.1:8080/generic?os=installed' -o ignition.json\n",
      );
      expect(script).toContain("-b 'http://192.168.0.1:8080/assets/flatcar'\n");
      // What the installer fetches next, and the metadata route.
      expect(JSON.parse((await get('/generic?os=installed')).body)).toEqual({
        ignition: { version: '3.3.0' },
        passwd: { users: [{ name: 'core', sshAuthorizedKeys: [KEY] }] },
      });
      const metadata = await get(`/metadata?mac=${mac}`);
      expect(metadata).toMatchObject({ status: 200, contentType: 'plain/text' });
      expect(metadata.body.split('\n')).toEqual(
        expect.arrayContaining([
          'IGNITION_ENDPOINT=http://192.168.0.1:8080/generic',
          `SSH_AUTHORIZED_KEY=${KEY}`,
          `REQUEST_QUERY_MAC=${MACHINE.mac}`,
        ]),
      );
      expect((await get(`/ignition?mac=${mac}`)).status).toBe(404);
      expect((await get('/cloud?os=installed')).status).toBe(404);
      // /grub renders, but this iPXE profile is no GRUB profile: GRUB's parser refuses its args (& and ${mac:hexhyp}).
      const seedGrub = await get(`/grub?mac=${mac}`);
      expect(seedGrub.body).toContain('initrd  "/assets/flatcar/current/flatcar_production_pxe_image.cpio.gz"\n');
      expect(grubScriptCheck(seedGrub.body, path.join(tmp, 'seed.cfg')).ok).toBe(false);

      // pxe-with-lxd: raw Ignition re-serialized as 3.4.0, the config the builder made.
      const pxeApp = Testing.app();
      buildPxeWithLxd(pxeApp, { sshKey: KEY, matchboxSha256: 'b'.repeat(64) });
      const pxe = matchboxDataOf(pxeApp);
      const getPxe = await serveOnLan('pxe', 8082, pxe.files, pxe.version);
      const node1 = await getPxe(`/ignition?uuid=u&mac=${NODE1.mac.replace(/:/g, '-')}`);
      expect(node1).toMatchObject({ status: 200, contentType: 'application/json' });
      const written = JSON.parse(pxe.files.find((f) => f.path === 'ignition/flatcar-node1.ign')!.contents);
      expect(written.ignition.version).toBe('3.4.0');
      expect(withoutEmpty(JSON.parse(node1.body))).toEqual(written);
      expect(JSON.parse(node1.body)).toMatchObject({
        kernelArguments: {},
        storage: { files: [{ group: {}, user: {}, path: '/etc/hostname' }] },
      });
      expect((await getPxe(`/metadata?mac=${NODE1.mac}`)).body.split('\n')).toContain(`MAC=${NODE1.mac}`);
      expect((await getPxe(`/generic?mac=${mac}`)).status).toBe(404);

      // A GRUB profile (grub: true): what /grub serves passes GRUB's own parser.
      const grubApp = Testing.app();
      const stack = new LabStack(grubApp, 'grub');
      const server = new MatchboxServer(stack, 'mb', {
        host: new LocalHost(stack, 'h'),
        address: requireLan().address,
        sha256: 'b'.repeat(64),
      });
      const profile = new MatchboxProfile(stack, 'efi', {
        server,
        grub: true,
        kernel: '/assets/vmlinuz',
        initrd: ['/assets/initrd.img', '/assets/extra.cpio'],
        args: [
          'console=ttyS0',
          `"flatcar.config.url=http://${requireLan().address}:8083/ignition?mac=\${net_default_mac}&os=installed"`,
        ],
      });
      new MatchboxGroup(stack, 'g', { profile });
      const getGrub = await serveOnLan('grub', 8083, matchboxDataOf(grubApp).files, 'v0.11.0');
      const grub = await getGrub(`/grub?mac=${mac}`);
      expect(grub.status).toBe(200);
      expect(grub.body).toContain('initrd  "/assets/initrd.img" "/assets/extra.cpio"\n');
      expect(grubScriptCheck(grub.body, path.join(tmp, 'grub.cfg'))).toEqual({ ok: true, output: '' });
    }, 60000);
  },
  ['qemu-system-x86_64', 'curl', 'grub-script-check'],
);

const execFileAsync = promisify(execFile);

/** One HTTP answer as curl saw it. */
interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** GET `url` with curl inside `netns` (the body goes through `bodyFile`); asynchronous, as the stand-in answers from this process. */
async function curl(netns: string, url: string, bodyFile: string): Promise<Reply> {
  const { stdout } = await execFileAsync('ip', [
    'netns',
    'exec',
    netns,
    'curl',
    '-sS',
    '--max-time',
    '10',
    '-o',
    bodyFile,
    '-w',
    '%{http_code} %{content_type}',
    url,
  ]);
  const [status, ...type] = stdout.split(' ');
  return { status: Number(status), contentType: type.join(' '), body: fs.readFileSync(bodyFile, 'utf8') };
}

/** GRUB's own script parser on a config. */
function grubScriptCheck(config: string, file: string): { ok: boolean; output: string } {
  fs.writeFileSync(file, config);
  const r = spawnSync('grub-script-check', [file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

function fail(proc: Proc, logFile?: string): never {
  const log = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  throw new Error(
    `${proc.name} exited early (${proc.child.exitCode}):\n${proc.output().slice(-3000)}${log.slice(-3000)}`,
  );
}
