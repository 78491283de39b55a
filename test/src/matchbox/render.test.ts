import { decodeDataUrl } from '../../../src/ignition/dataurl';
import { templateReferences } from '../../../src/ignition/template';
import { BOOT_IPXE, renderBootIpxe, renderProfileIpxe } from '../../../src/matchbox/ipxe';
import { macHexhyp, parseMatchboxMac } from '../../../src/matchbox/mac';
import { renderDataDir, renderGroupJson, renderProfileJson } from '../../../src/matchbox/render';
import { SEED003, SSH_KEY } from './seed003.fixture';

/** Keys (and types) of storagepb.Profile / RichGroup json tags, from the reference sections 2 and 3. */
const PROFILE_KEYS = ['id', 'name', 'boot', 'ignition_id', 'cloud_id', 'generic_id'];
const BOOT_KEYS = ['kernel', 'initrd', 'args'];
const GROUP_KEYS = ['id', 'name', 'profile', 'selector', 'metadata'];

describe('profile JSON', () => {
  it('reproduces matchbox examples/profiles/fedora-coreos.json field by field', () => {
    const json = renderProfileJson({
      id: 'fedora-coreos',
      name: 'Fedora CoreOS',
      boot: {
        kernel: '/assets/fedora-coreos/fedora-coreos-36.20220906.3.2-live-kernel-x86_64',
        initrd: ['--name main /assets/fedora-coreos/fedora-coreos-36.20220906.3.2-live-initramfs.x86_64.img'],
        args: [
          'initrd=main',
          'coreos.live.rootfs_url=http://matchbox.example.com:8080/assets/fedora-coreos/fedora-coreos-36.20220906.3.2-live-rootfs.x86_64.img',
          'ignition.firstboot',
          'ignition.platform.id=metal',
          'ignition.config.url=http://matchbox.example.com:8080/ignition?uuid=${uuid}&mac=${mac:hexhyp}',
        ],
      },
      ignition: { users: [{ name: 'core' }] },
    });
    // Verbatim from the reference (section 6).
    expect(JSON.parse(json)).toEqual({
      id: 'fedora-coreos',
      name: 'Fedora CoreOS',
      boot: {
        kernel: '/assets/fedora-coreos/fedora-coreos-36.20220906.3.2-live-kernel-x86_64',
        initrd: ['--name main /assets/fedora-coreos/fedora-coreos-36.20220906.3.2-live-initramfs.x86_64.img'],
        args: [
          'initrd=main',
          'coreos.live.rootfs_url=http://matchbox.example.com:8080/assets/fedora-coreos/fedora-coreos-36.20220906.3.2-live-rootfs.x86_64.img',
          'ignition.firstboot',
          'ignition.platform.id=metal',
          'ignition.config.url=http://matchbox.example.com:8080/ignition?uuid=${uuid}&mac=${mac:hexhyp}',
        ],
      },
      ignition_id: 'fedora-coreos.ign',
    });
    expect(Object.keys(JSON.parse(json))).toEqual(['id', 'name', 'boot', 'ignition_id']);
  });

  it('uses generic_id / cloud_id and always emits initrd/args arrays', () => {
    const p = JSON.parse(
      renderProfileJson({ id: 'g', boot: { kernel: 'http://x/k' }, generic: 'x', cloud: '#cloud-config\n' }),
    );
    expect(p).toEqual({
      id: 'g',
      boot: { kernel: 'http://x/k', initrd: [], args: [] },
      generic_id: 'g',
      cloud_id: 'g',
    });
  });

  it('only uses reference field names (no camelCase such as ignitionId)', () => {
    for (const profile of SEED003.profiles) {
      const p = JSON.parse(renderProfileJson(profile));
      for (const k of Object.keys(p)) expect(PROFILE_KEYS).toContain(k);
      if (p.boot) {
        expect(Object.keys(p.boot)).toEqual(BOOT_KEYS);
        expect(typeof p.boot.kernel).toBe('string');
        expect(p.boot.initrd.every((s: unknown) => typeof s === 'string')).toBe(true);
      }
    }
  });
});

describe('group JSON', () => {
  it('reproduces examples/groups/fedora-coreos/default.json', () => {
    expect(JSON.parse(renderGroupJson({ id: 'default', name: 'Fedora CoreOS', profile: 'fedora-coreos' }))).toEqual({
      id: 'default',
      name: 'Fedora CoreOS',
      profile: 'fedora-coreos',
      selector: {},
      metadata: {},
    });
  });

  it('normalizes a mac selector like Go net.ParseMAC and sorts keys deterministically', () => {
    const text = renderGroupJson({
      id: 'node1',
      profile: 'etcd',
      selector: { os: 'installed', mac: '52-54-00-89-D8-10' },
      metadata: { z: 1, a: { y: 2, b: 3 } },
    });
    expect(JSON.parse(text)).toEqual({
      id: 'node1',
      profile: 'etcd',
      selector: { mac: '52:54:00:89:d8:10', os: 'installed' },
      metadata: { a: { b: 3, y: 2 }, z: 1 },
    });
    expect(Object.keys(JSON.parse(text))).toEqual(['id', 'profile', 'selector', 'metadata']);
    expect(text).toBe(
      renderGroupJson({
        id: 'node1',
        profile: 'etcd',
        selector: { mac: '52:54:00:89:d8:10', os: 'installed' },
        metadata: { a: { b: 3, y: 2 }, z: 1 },
      }),
    );
  });
});

describe('parseMatchboxMac (Go net.ParseMAC)', () => {
  it.each([
    ['52:54:00:89:D8:10', '52:54:00:89:d8:10'],
    ['52-54-00-89-d8-10', '52:54:00:89:d8:10'],
    ['5254.0089.d810', '52:54:00:89:d8:10'],
    ['02:00:5e:10:00:00:00:01', '02:00:5e:10:00:00:00:01'],
  ])('%s -> %s', (input, out) => expect(parseMatchboxMac(input)).toBe(out));

  it.each(['52:54:00:89:d8', '52:54-00:89:d8:10', '5:54:00:89:d8:10', '52:54:00:89:d8:1g', 'zz', '525400.89d810'])(
    'rejects %s',
    (input) => {
      expect(parseMatchboxMac(input)).toBeUndefined();
    },
  );

  it('macHexhyp gives iPXE ${mac:hexhyp} form', () => expect(macHexhyp('52:54:00:AB:cd:10')).toBe('52-54-00-ab-cd-10'));
});

describe('iPXE scripts', () => {
  it('boot.ipxe is matchbox http/ipxe.go verbatim', () => {
    expect(renderBootIpxe()).toBe(BOOT_IPXE);
    expect(BOOT_IPXE).toBe(
      '#!ipxe\nchain ipxe?uuid=${uuid}&mac=${mac:hexhyp}&domain=${domain}&hostname=${hostname}&serial=${serial}&arch=${buildarch:uristring}\n',
    );
  });

  it('renders a profile the way the Go template does', () => {
    expect(
      renderProfileIpxe({
        kernel: '/assets/k',
        initrd: ['/assets/a', '--name main /assets/b'],
        args: ['initrd=main', 'x=${uuid}'],
      }),
    ).toBe('#!ipxe\nkernel /assets/k initrd=main x=${uuid}\ninitrd /assets/a\ninitrd --name main /assets/b\nboot\n');
    expect(renderProfileIpxe({ kernel: '/assets/k' })).toBe('#!ipxe\nkernel /assets/k\nboot\n');
  });
});

describe('renderDataDir with seed 003', () => {
  const files = renderDataDir(SEED003);
  const byPath = new Map(files.map((f) => [f.path, f.contents]));

  it('lists exactly the files Matchbox reads, sorted', () => {
    expect(files.map((f) => f.path)).toEqual([
      'generic/coreos-install',
      'generic/simple',
      'groups/default.json',
      'groups/node1.json',
      'profiles/coreos-install.json',
      'profiles/simple.json',
    ]);
  });

  it('profiles reference their generic file by id', () => {
    const install = JSON.parse(byPath.get('profiles/coreos-install.json')!);
    expect(install.generic_id).toBe('coreos-install');
    expect(install.boot.kernel).toBe('/assets/flatcar/current/flatcar_production_pxe.vmlinuz');
    expect(install.boot.args).toContain(
      'flatcar.config.url=http://192.168.0.1:8080/generic?uuid=${uuid}&mac=${mac:hexhyp}',
    );
    expect(JSON.parse(byPath.get('profiles/simple.json')!)).toEqual({
      id: 'simple',
      name: 'simple',
      generic_id: 'simple',
    });
  });

  it('groups: a default group and os=installed with the metadata of the post', () => {
    const def = JSON.parse(byPath.get('groups/default.json')!);
    expect(def).toEqual({
      id: 'default',
      name: 'default',
      profile: 'coreos-install',
      selector: {},
      metadata: {
        baseurl: 'http://192.168.0.1:8080/assets/coreos',
        ignition_endpoint: 'http://192.168.0.1:8080/generic',
        ssh_authorized_key: SSH_KEY,
      },
    });
    for (const f of files.filter((x) => x.path.startsWith('groups/'))) {
      for (const k of Object.keys(JSON.parse(f.contents))) expect(GROUP_KEYS).toContain(k);
    }
    expect(JSON.parse(byPath.get('groups/node1.json')!).selector).toEqual({ os: 'installed' });
  });

  it('the generic Ignition keeps Go template actions for Matchbox to render', () => {
    const ign = JSON.parse(byPath.get('generic/coreos-install')!);
    expect(ign.ignition.version).toBe('3.3.0');
    expect(ign.passwd.users).toEqual([{ name: 'core', sshAuthorizedKeys: ['{{.ssh_authorized_key | js}}'] }]);
    expect(ign.systemd.units[0].name).toBe('installer.service');
    const script = decodeDataUrl(ign.storage.files[0].contents.source);
    expect(script).toContain(
      "curl --fail --retry 10 '{{.ignition_endpoint | urlquery}}?os=installed' -o ignition.json",
    );
    expect(script).toContain("{{if index . `baseurl`}}-b '{{.baseurl | urlquery}}'{{end}}");
    expect(templateReferences(byPath.get('generic/coreos-install')!)).toEqual({
      required: ['ignition_endpoint', 'ssh_authorized_key'],
      optional: ['baseurl'],
    });
  });
});
