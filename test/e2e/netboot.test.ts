/**
 * Real netboot: QEMU (TCG) PXE ROM -> DHCP from dnsmasq running OUR rendered config ->
 * iPXE -> GET /boot.ipxe -> GET /ipxe?mac=... -> the selected profile's kernel/initrd -> boot,
 * all inside a private network namespace, against a Matchbox fixture serving OUR rendered data dir.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { renderDnsmasqConfig } from '../../src/dnsmasq/render';
import { macHexhyp } from '../../src/matchbox/mac';
import { MatchboxDataSpec } from '../../src/matchbox/model';
import { renderDataDir } from '../../src/matchbox/render';
import { validateMatchbox } from '../../src/matchbox/validate';
import { MatchboxFixture, startMatchboxFixture } from './support/netboot/matchbox-fixture';
import { createLan, destroyLan, PxeLan } from './support/netboot/netns';
import { Proc, run, start, stop, waitFor } from './support/netboot/procs';
import { PxeMachine, startPxeVm } from './support/netboot/qemu';
import { describeE2E } from './support/prereqs';

const MACHINE: PxeMachine = { mac: '52:54:00:12:34:56', uuid: '8d1c5b8e-0c5e-4a55-9d0e-2f6f1c7a4b21', serial: 'SN-0042' };
const LEASE_IP = '10.77.0.42';
const HOSTNAME = 'node1';
const HTTP = 'http://10.77.0.1:8080';
/** Debian's `ipxe` package: the first stages dnsmasq serves over TFTP. */
const IPXE_DIR = '/usr/lib/ipxe';

/** Profiles and groups: a MAC group (written in iPXE's hyphen form), a default group, a label group. */
const DATA: MatchboxDataSpec = {
  profiles: [
    {
      id: 'install',
      name: 'install to disk',
      // The "kernel" is an iPXE script, so `boot` runs it and it reports back over HTTP.
      boot: { kernel: '/assets/kernel.ipxe', initrd: ['/assets/initrd.img'], args: ['console=ttyS0', 'flatcar.first_boot=yes'] },
      generic: 'mac={{.mac}} endpoint={{.ignition_endpoint}}\n',
    },
    { id: 'fallback', boot: { kernel: '/assets/wrong-kernel', args: [] } },
    { id: 'installed', boot: { kernel: '/assets/installed-kernel', args: [] } },
  ],
  groups: [
    { id: 'default', profile: 'fallback' },
    { id: 'node1', profile: 'install', selector: { mac: macHexhyp(MACHINE.mac).toUpperCase() }, metadata: { ignition_endpoint: `${HTTP}/generic` } },
    { id: 'installed', profile: 'installed', selector: { os: 'installed' } },
  ],
};

describeE2E('netboot: QEMU PXE -> dnsmasq (rendered) -> iPXE -> matchbox fixture', () => {
  let tmp = '';
  let lan: PxeLan | undefined;
  let dnsmasq: Proc | undefined;
  let qemu: Proc | undefined;
  let fixture: MatchboxFixture | undefined;
  const netns = `netboot-${process.pid}`;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netboot-'));
    // dnsmasq drops root for `nobody` before serving TFTP: the TFTP root must be world-readable.
    fs.chmodSync(tmp, 0o755);
  });

  afterAll(async () => {
    // Always: stop our processes by pid, then remove the namespace and temp files.
    await stop(qemu);
    await stop(dnsmasq);
    await fixture?.close();
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
    fs.writeFileSync(path.join(assetsDir, 'kernel.ipxe'), `#!ipxe\nchain ${HTTP}/booted?mac=\${mac:hexhyp}&ip=\${ip}\n`);
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

    // 2. The LAN, dnsmasq with our rendered config, the fixture.
    lan = createLan(netns);
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
    await waitFor('dnsmasq to start', () => (fs.existsSync(logFile) && /started, version/.test(fs.readFileSync(logFile, 'utf8')) ? true : dns.child.exitCode !== null ? fail(dns, logFile) : undefined), 10000);
    fixture = await startMatchboxFixture({ netns, host: lan.address, port: 8080, dataDir, assetsDir, socketPath: path.join(tmp, 'matchbox.sock') });

    // 3. TFTP serves the first stage (QEMU's own NIC ROM is iPXE already, so the VM skips it).
    const fetched = path.join(tmp, 'undionly.kpxe');
    run('ip', ['netns', 'exec', netns, 'curl', '-sS', '--max-time', '10', `tftp://${lan.address}/undionly.kpxe`, '-o', fetched]);
    expect(fs.readFileSync(fetched).equals(fs.readFileSync(path.join(tftpRoot, 'undionly.kpxe')))).toBe(true);

    // 4. Boot the VM and wait until the profile's "kernel" script calls back.
    const t0 = Date.now();
    qemu = startPxeVm(netns, lan.tap, MACHINE);
    const vm = qemu;
    const fx = fixture;
    await waitFor('the VM to run the profile', () => (fx.requests.some((r) => r.url.startsWith('/booted')) ? true : vm.child.exitCode !== null ? fail(vm) : undefined), 120000, 200);
    const seconds = (Date.now() - t0) / 1000;
     
    console.log(`netboot: PXE -> /booted in ${seconds.toFixed(1)} s; requests: ${fx.requests.map((r) => `${r.status} ${r.url}`).join(' | ')}`);

    // 5. HTTP side: the request chain, with the VM's identity as Matchbox labels.
    const urls = fx.requests.map((r) => new URL(r.url, HTTP));
    expect(urls.map((u) => u.pathname)).toEqual(['/boot.ipxe', '/ipxe', '/assets/kernel.ipxe', '/assets/initrd.img', '/booted']);
    const labels = urls[1].searchParams;
    expect(labels.get('mac')).toBe(macHexhyp(MACHINE.mac));
    expect(labels.get('uuid')).toBe(MACHINE.uuid);
    expect(labels.get('serial')).toBe(MACHINE.serial);
    expect(labels.get('hostname')).toBe(HOSTNAME); // from dnsmasq's dhcp-host line
    expect(fx.requests[1]).toMatchObject({ status: 200, group: 'node1' });
    expect(urls[4].searchParams.get('mac')).toBe(macHexhyp(MACHINE.mac));
    expect(urls[4].searchParams.get('ip')).toBe(LEASE_IP);
    expect(new Set(fx.peers())).toEqual(new Set([LEASE_IP]));

    // 6. dnsmasq side: the static lease was handed out.
    expect(fs.readFileSync(leaseFile, 'utf8')).toMatch(new RegExp(`^\\d+ ${MACHINE.mac} ${LEASE_IP.replace(/\./g, '\\.')} ${HOSTNAME} `, 'm'));
    const log = fs.readFileSync(logFile, 'utf8');
    expect(log).toContain(`DHCPACK(${lan.bridge}) ${LEASE_IP} ${MACHINE.mac} ${HOSTNAME}`);
    expect(log).toMatch(/tags: known, ipxe, bios/);
    expect(log).toContain(`bootfile-name  ${HTTP}/boot.ipxe`);
  }, 180000);
}, ['qemu-system-x86_64', 'curl']);

function fail(proc: Proc, logFile?: string): never {
  const log = logFile && fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  throw new Error(`${proc.name} exited early (${proc.child.exitCode}):\n${proc.output().slice(-3000)}${log.slice(-3000)}`);
}
