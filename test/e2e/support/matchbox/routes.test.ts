/**
 * What each Matchbox route returns for the data the two Matchbox examples write, served by the
 * stand-in as Matchbox v0.11.0 (the release the library installs) serves it: valid JSON Ignition
 * of the expected spec, the expected metadata, and the GRUB config.
 */
import { Testing } from '../../../../constructs/core/cdk';
import { buildPxeWithLxd, NODE1 } from '../../../../examples/pxe-with-lxd';
import { buildSeed003 } from '../../../../examples/seed003-matchbox';
import { ignitionDataUrl, matchboxDataOf, withoutEmpty, writeDataDir } from './data';
import { serveMatchbox, StandInVersion } from './standin';
import { tmpDir } from '../../../helpers';

/** The key of the issue: a comment with double quotes, which the JSON string must carry. */
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBc5X0k7n3yqfQ2Jm0x1m2Qp3wD3n2k9o6W0sH1xY2zQ "ops laptop"';
const MAC = '52-54-00-12-34-56';

/** The examples' data directory on disk and a GET against it. */
function served(build: (app: ReturnType<typeof Testing.app>) => void) {
  const app = Testing.app();
  build(app);
  const { files, version } = matchboxDataOf(app);
  const dataDir = writeDataDir(tmpDir('mbx-routes-'), files);
  return (url: string) => serveMatchbox({ dataDir, version: version as StandInVersion }, url);
}

describe('seed003 (generic Ignition, install to disk) on Matchbox v0.11.0', () => {
  const get = served((app) =>
    buildSeed003(app, { sshKey: KEY, matchboxSha256: 'b'.repeat(64), hostAddress: '203.0.113.10' }),
  );
  const HTTP = 'http://192.168.0.1:8080';

  it("/ipxe boots the default group's profile, the live Flatcar that installs", () => {
    expect(get(`/ipxe?uuid=u&mac=${MAC}`)).toMatchObject({ status: 200, group: 'default' });
    expect(String(get(`/ipxe?mac=${MAC}`).body)).toBe(
      [
        '#!ipxe',
        `kernel /assets/flatcar/current/flatcar_production_pxe.vmlinuz initrd=flatcar_production_pxe_image.cpio.gz flatcar.config.url=${HTTP}/generic?uuid=\${uuid}&mac=\${mac:hexhyp} flatcar.first_boot=yes ipv6.disable=1 console=tty0 console=ttyS0`,
        'initrd /assets/flatcar/current/flatcar_production_pxe_image.cpio.gz',
        'boot',
        '',
      ].join('\n'),
    );
  });

  it('/generic: valid Ignition 3.3.0 with the key intact and the installer script with its URLs', () => {
    const r = get(`/generic?uuid=u&mac=${MAC}`);
    expect(r).toMatchObject({ status: 200, group: 'default' });
    const ign = JSON.parse(String(r.body));
    expect(ign.ignition.version).toBe('3.3.0');
    expect(ign.passwd.users).toEqual([{ name: 'core', sshAuthorizedKeys: [KEY] }]);
    expect(ign.systemd.units.map((u: { name: string }) => u.name)).toEqual(['installer.service']);
    expect(ign.storage.files).toHaveLength(1);
    expect(ignitionDataUrl(ign.storage.files[0].contents.source)).toBe(
      [
        '#!/bin/bash -ex',
        `curl --fail --retry 10 '${HTTP}/generic?os=installed' -o ignition.json`,
        `flatcar-install -d /dev/vda -C stable -i ignition.json -b '${HTTP}/assets/flatcar'`,
        'udevadm settle',
        'systemctl reboot',
        '',
      ].join('\n'),
    );
  });

  it("/generic?os=installed (what the installer fetches): the installed system's Ignition", () => {
    const r = get('/generic?os=installed');
    expect(r).toMatchObject({ status: 200, group: 'node1' });
    expect(JSON.parse(String(r.body))).toEqual({
      ignition: { version: '3.3.0' },
      passwd: { users: [{ name: 'core', sshAuthorizedKeys: [KEY] }] },
    });
  });

  it("/metadata: the group's metadata, selectors and request as KEY=value", () => {
    expect(String(get(`/metadata?mac=${MAC}`).body).split('\n')).toEqual([
      `BASEURL=${HTTP}/assets/flatcar`,
      `IGNITION_ENDPOINT=${HTTP}/generic`,
      'REQUEST_QUERY_MAC=52:54:00:12:34:56',
      `REQUEST_RAW_QUERY=mac=${MAC}`,
      `SSH_AUTHORIZED_KEY=${KEY}`,
      '',
    ]);
    expect(String(get('/metadata?os=installed').body).split('\n')).toEqual([
      'OS=installed',
      'REQUEST_QUERY_OS=installed',
      'REQUEST_RAW_QUERY=os=installed',
      `SSH_AUTHORIZED_KEY=${KEY}`,
      '',
    ]);
  });

  it('/grub: the GRUB config Matchbox renders from the iPXE-oriented boot (not a GRUB profile)', () => {
    const linux = `"/assets/flatcar/current/flatcar_production_pxe.vmlinuz" initrd=flatcar_production_pxe_image.cpio.gz flatcar.config.url=${HTTP}/generic?uuid=\${uuid}&mac=\${mac:hexhyp} flatcar.first_boot=yes ipv6.disable=1 console=tty0 console=ttyS0`;
    const initrd = ' "/assets/flatcar/current/flatcar_production_pxe_image.cpio.gz"';
    expect(get(`/grub?mac=${MAC}`)).toMatchObject({ status: 200, group: 'default' });
    expect(String(get(`/grub?mac=${MAC}`).body)).toBe(
      [
        'default=0',
        'fallback=1',
        'timeout=1',
        'menuentry "CoreOS (EFI)" {',
        'echo "Loading kernel"',
        `linuxefi ${linux}`,
        'echo "Loading initrd"',
        `initrdefi ${initrd}`,
        '}',
        'menuentry "CoreOS (BIOS)" {',
        'echo "Loading kernel"',
        `linux ${linux}`,
        'echo "Loading initrd"',
        `initrd ${initrd}`,
        '}',
        '',
      ].join('\n'),
    );
    // The installed profile has no boot: nothing to render.
    expect(get('/grub?os=installed').status).toBe(404);
  });

  it('/ignition and /cloud: the profiles have neither (404)', () => {
    expect(get(`/ignition?mac=${MAC}`)).toMatchObject({ status: 404, group: 'default' });
    expect(get('/cloud?os=installed')).toMatchObject({ status: 404, group: 'node1' });
  });
});

describe('pxe-with-lxd (raw Ignition on /ignition) on Matchbox v0.11.0', () => {
  const get = served((app) => buildPxeWithLxd(app, { sshKey: KEY, matchboxSha256: 'b'.repeat(64) }));
  const node1 = `mac=${NODE1.mac.replace(/:/g, '-')}`;
  const HTTP = 'http://10.20.0.2:8080';

  it('/ipxe: node1 by its MAC, any other machine the live default', () => {
    expect(get(`/ipxe?${node1}`)).toMatchObject({ status: 200, group: 'node1' });
    expect(String(get(`/ipxe?${node1}`).body)).toContain(
      `flatcar.config.url=${HTTP}/ignition?uuid=\${uuid}&mac=\${mac:hexhyp}`,
    );
    expect(get(`/ipxe?mac=${MAC}`)).toMatchObject({ status: 200, group: 'default' });
  });

  it('/ignition: Ignition 3.4.0 as Go re-serializes it, the config the builder made', () => {
    const r = get(`/ignition?uuid=u&${node1}`);
    expect(r).toMatchObject({ status: 200, group: 'node1', headers: { 'Content-Type': 'application/json' } });
    expect(r.body).toBe(
      '{"ignition":{"config":{"replace":{"verification":{}}},"proxy":{},"security":{"tls":{}},"timeouts":{},"version":"3.4.0"},"kernelArguments":{},' +
        `"passwd":{"users":[{"name":"core","sshAuthorizedKeys":[${JSON.stringify(KEY)}]}]},` +
        '"storage":{"files":[{"group":{},"overwrite":true,"path":"/etc/hostname","user":{},"contents":{"source":"data:,node1%0A","verification":{}},"mode":420}]},"systemd":{}}',
    );
    const served = JSON.parse(String(r.body));
    expect(ignitionDataUrl(served.storage.files[0].contents.source)).toBe('node1\n');
    // Apart from the empty objects Go writes, it is the file the builder wrote.
    const app = Testing.app();
    buildPxeWithLxd(app, { sshKey: KEY, matchboxSha256: 'b'.repeat(64) });
    const written = matchboxDataOf(app).files.find((f) => f.path === 'ignition/flatcar-node1.ign')!;
    expect(withoutEmpty(served)).toEqual(JSON.parse(written.contents));
  });

  it('/ignition for the default group: the live system, no files', () => {
    const served = JSON.parse(String(get(`/ignition?mac=${MAC}`).body));
    expect(withoutEmpty(served)).toEqual({
      ignition: { version: '3.4.0' },
      passwd: { users: [{ name: 'core', sshAuthorizedKeys: [KEY] }] },
    });
  });

  it('/metadata: the selector and the request', () => {
    expect(String(get(`/metadata?${node1}`).body).split('\n')).toEqual([
      `MAC=${NODE1.mac}`,
      `REQUEST_QUERY_MAC=${NODE1.mac}`,
      `REQUEST_RAW_QUERY=${node1}`,
      '',
    ]);
  });

  it('/grub for node1, and /generic, /cloud: none in these profiles (404)', () => {
    const grub = String(get(`/grub?${node1}`).body);
    expect(grub).toContain(
      `linux "/assets/flatcar/current/flatcar_production_pxe.vmlinuz" initrd=flatcar_production_pxe_image.cpio.gz flatcar.config.url=${HTTP}/ignition?uuid=\${uuid}&mac=\${mac:hexhyp} flatcar.first_boot=yes console=ttyS0\n`,
    );
    expect(grub).toContain('initrd  "/assets/flatcar/current/flatcar_production_pxe_image.cpio.gz"\n}\n');
    expect(get(`/generic?${node1}`).status).toBe(404);
    expect(get(`/cloud?${node1}`).status).toBe(404);
  });
});
