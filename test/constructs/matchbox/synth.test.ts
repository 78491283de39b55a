/**
 * Synthesized content of MatchboxServer, MatchboxProfile and MatchboxGroup: rendered files, atomic
 * writes, own-files-only destroy, one object per profile/group, secrets, outputs, scripts' syntax.
 */
import { runnerOf } from '../../../constructs/core/host';
import * as fs from 'fs';
import { spawnSync } from 'child_process';
import { TerraformResource, TerraformVariable, Testing } from '../../../constructs/core/cdk';
import {
  HostReference,
  LabStack,
  LocalHost,
  MatchboxGroup,
  MatchboxProfile,
  MatchboxServer,
  MultipassVm,
} from '../../../index';
import { renderDnsmasqConfig } from '../../../src/dnsmasq/render';
import { tlsDelete, tlsWrite } from '../../../src/matchbox/scripts';
import { renderDataDir } from '../../../src/matchbox/render';
import { recordDelete, recordFileName } from '../../../src/lifecycle/scripts';
import { SEED003, SEED003_DNSMASQ } from '../../src/matchbox/seed003.fixture';
import { tmpDir } from '../../helpers';
import { byPath, declareData, labWithServer, scriptsOf, SHA, synth } from '../../helpers';

const PEM = (kind: string, body: string) => `-----BEGIN ${kind}-----\n${body}\n-----END ${kind}-----\n`;
const TLS = {
  caCert: PEM('CERTIFICATE', 'Q0FDRVJUCg=='),
  serverCert: PEM('CERTIFICATE', 'U0VSVkVSQ0VSVAo='),
  serverKey: PEM('PRIVATE KEY', 'U0VSVkVSS0VZU0VDUkVUCg=='),
  clientCert: PEM('CERTIFICATE', 'Q0xJRU5UQ0VSVAo='),
  clientKey: PEM('PRIVATE KEY', 'Q0xJRU5US0VZU0VDUkVUCg=='),
};

describe('profiles and groups', () => {
  it('each converge script writes its files as renderDataDir renders them, atomically', () => {
    const { stack, server } = labWithServer();
    const { profiles, groups } = declareData(server, SEED003);
    const json = synth(stack);
    const expected = renderDataDir(SEED003);
    for (const p of profiles.values()) {
      const { converge, destroy } = scriptsOf(json, `lab/${p.node.id}/files`);
      const own = expected.filter((f) => f.path.endsWith(`/${p.profileId}`) || f.path.includes(`/${p.profileId}.`));
      expect(p.files()).toEqual(own);
      for (const f of own) {
        // The contents travel in a quoted here-document into a temporary file, then `mv` replaces the target.
        expect(converge).toContain(
          `cat > "$tmp" <<'CDKTF_EOF'\n${f.contents}CDKTF_EOF\nchmod 0644 "$tmp"\nmv -f "$tmp" /var/lib/matchbox/${f.path}\n`,
        );
        expect(converge).not.toMatch(new RegExp(`> /var/lib/matchbox/${f.path}`));
      }
      expect(converge).toContain('tmp=$(mktemp /var/lib/matchbox/.cdktf-tmp/.write.XXXXXX)');
      // ... then records the object on its host (for prune), and destroy removes the record last
      const name = `/var/lib/matchbox/${p.profileId}`;
      expect(converge).toContain(`"$dir"/${recordFileName('matchbox-profile', name)}\n}\n`);
      expect(converge.indexOf(recordFileName('matchbox-profile', name))).toBeGreaterThan(
        converge.lastIndexOf('mv -f "$tmp"'),
      );
      expect(destroy).toBe(
        `{\nset -euf\nrm -f ${own.map((f) => `/var/lib/matchbox/${f.path}`).join(' ')}\n}\n${recordDelete('lab', 'matchbox-profile', name)}`,
      );
    }
    for (const g of groups.values()) {
      const { converge, destroy } = scriptsOf(json, `lab/${g.node.id}/file`);
      const f = expected.find((x) => x.path === `groups/${g.groupId}.json`)!;
      expect(converge).toContain(
        `${f.contents}CDKTF_EOF\nchmod 0644 "$tmp"\nmv -f "$tmp" /var/lib/matchbox/groups/${g.groupId}.json`,
      );
      const name = `/var/lib/matchbox/${g.groupId}`;
      expect(converge).toContain(`"$dir"/${recordFileName('matchbox-group', name)}\n}\n`);
      expect(destroy).toBe(
        `{\nset -euf\nrm -f /var/lib/matchbox/groups/${g.groupId}.json\n}\n${recordDelete('lab', 'matchbox-group', name)}`,
      );
    }
  });

  it('keeps ${...} and %{...} in configs literal for Terraform', () => {
    const { stack: s2, server } = labWithServer();
    new MatchboxProfile(s2, 'p', { server, kernel: '/assets/k', args: ['u=${uuid}', 'x=%{y}'] });
    const text = JSON.stringify(synth(s2));
    expect(text).toContain('u=$${uuid}');
    expect(text).toContain('x=%%{y}');
  });

  it("changing one profile changes only that profile's resources; renaming it replaces its object", () => {
    const build = (args: string[], id = 'simple') => {
      const { stack, server } = labWithServer();
      const a = new MatchboxProfile(stack, 'a', { server, id, kernel: '/assets/k', args });
      new MatchboxProfile(stack, 'b', { server, kernel: '/assets/k' });
      new MatchboxGroup(stack, 'g', { profile: a });
      return synth(stack);
    };
    const before = byPath(build(['x=1']));
    const after = byPath(build(['x=2']));
    const changed = [...before.keys()].filter((k) => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k)));
    expect(changed).toEqual(['lab/a/files/converge']);
    const renamed = byPath(build(['x=1'], 'other'));
    const identity = (m: Map<string, Record<string, unknown>>) => m.get('lab/a/files/object')!.triggers_replace;
    expect(identity(renamed)).not.toEqual(identity(before));
    expect((identity(renamed) as { files: string[] }).files).toEqual(['profiles/other.json']);
  });

  it('groups depend on their profile and on the server; profiles on the installed server', () => {
    const { stack, server } = labWithServer();
    const p = new MatchboxProfile(stack, 'p', { server, kernel: '/assets/k' });
    new MatchboxGroup(stack, 'g', { profile: p });
    const r = byPath(synth(stack));
    expect(r.get('lab/g/file/object')!.depends_on).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^terraform_data\.matchbox_converge_/),
        expect.stringMatching(/^terraform_data\.p_files_converge_/),
      ]),
    );
    expect(r.get('lab/p/files/object')!.depends_on).toEqual(
      expect.arrayContaining([expect.stringMatching(/^terraform_data\.matchbox_converge_/)]),
    );
  });
});

describe('server', () => {
  it('installs matchbox after verifying the checksum, with systemd when present', () => {
    const { stack } = labWithServer({ version: 'v0.11.0' });
    const { converge, destroy } = scriptsOf(synth(stack), 'lab/matchbox/matchbox');
    const verify = converge.indexOf(`if [ "$got" != ${SHA} ]; then`);
    const install = converge.indexOf('mv -f /usr/local/bin/matchbox.new /usr/local/bin/matchbox');
    expect(verify).toBeGreaterThan(0);
    expect(install).toBeGreaterThan(verify);
    expect(converge).toContain(
      'fetch https://github.com/poseidon/matchbox/releases/download/v0.11.0/matchbox-v0.11.0-linux-amd64.tar.gz "$work/download"',
    );
    expect(converge).toContain('if [ -d /run/systemd/system ]; then');
    expect(converge).toContain(
      'ExecStart=/usr/local/bin/matchbox -address=0.0.0.0:8080 -rpc-address=0.0.0.0:8081 -data-path=/var/lib/matchbox -assets-path=/var/lib/matchbox/assets -cert-file=/etc/matchbox/server.crt -key-file=/etc/matchbox/server.key -ca-file=/etc/matchbox/ca.crt -log-level=info',
    );
    // Generated TLS keeps what exists: every openssl step is guarded by a test for the file.
    expect(converge).toContain('if [ ! -s /etc/matchbox/ca.crt ] || [ ! -s /etc/matchbox/ca.key ]; then');
    expect(converge).toContain('subjectAltName=IP:192.168.0.1,DNS:localhost,IP:127.0.0.1');
    expect(destroy).toContain('rm -f /usr/local/bin/matchbox /etc/matchbox/.binary-sha256');
  });

  it('given TLS material is sensitive and never in a command line; outputs are sensitive', () => {
    const { stack } = labWithServer({ tls: TLS, grpcAddress: '203.0.113.10' });
    const json = synth(stack);
    const text = JSON.stringify(json);
    const tls = byPath(json).get('lab/matchbox/tls/converge')!;
    const exec = tls.provisioner[0]['local-exec'];
    expect(exec.environment.CDKTF_LAB_SCRIPT).toMatch(/^\$\{sensitive\("/);
    expect(tls.triggers_replace.settings).toMatch(/^\$\{sensitive\(jsondecode\("/);
    for (const r of Object.values(json.resource.terraform_data) as Record<string, any>[]) {
      for (const p of r.provisioner ?? []) expect(p['local-exec'].command).not.toMatch(/BEGIN|U0VSVkVSS0VZ/);
    }
    // Every occurrence of the server key is inside a sensitive() expression or a sensitive output.
    const key = 'U0VSVkVSS0VZU0VDUkVUCg==';
    const strings: string[] = [];
    const walk = (v: unknown) =>
      typeof v === 'string' ? strings.push(v) : v && typeof v === 'object' && Object.values(v).forEach(walk);
    walk(json.resource);
    expect(strings.filter((s) => s.includes(key)).every((s) => s.startsWith('${sensitive('))).toBe(true);
    expect(text.split(key).length - 1).toBe(2);
    const out = json.output;
    expect(out.matchbox_grpc_endpoint).toEqual(
      expect.objectContaining({ value: '203.0.113.10:8081', sensitive: false }),
    );
    expect(out.matchbox_http_endpoint.value).toBe('http://192.168.0.1:8080');
    for (const k of ['ca_cert', 'client_cert', 'client_key']) expect(out[`matchbox_${k}`].sensitive).toBe(true);
    expect(out.matchbox_client_key.value).toBe(TLS.clientKey);
    // The install waits for the TLS files.
    expect(byPath(json).get('lab/matchbox/matchbox/object')!.depends_on).toEqual(
      expect.arrayContaining([expect.stringMatching(/^terraform_data\.matchbox_tls_converge_/)]),
    );
  });

  it('TLS from Terraform variables stays a reference inside sensitive()', () => {
    const app = Testing.app();
    const s = new LabStack(app, 'lab');
    const key = new TerraformVariable(s, 'server_key', { type: 'string', sensitive: true });
    new MatchboxServer(s, 'matchbox', {
      host: new LocalHost(s, 'h'),
      address: '10.0.0.1',
      sha256: SHA,
      tls: { ...TLS, serverKey: key.stringValue },
    });
    const json = synth(s);
    const env = byPath(json).get('lab/matchbox/tls/converge')!.provisioner[0]['local-exec'].environment
      .CDKTF_LAB_SCRIPT as string;
    expect(env).toMatch(/^\$\{sensitive\(".*\$\{var\.server_key\}/s);
  });

  it('generated client credentials are fetched to a local directory and exposed as sensitive outputs', () => {
    const { stack } = labWithServer({ credentialsDir: 'creds/mb' });
    const json = synth(stack);
    const fetch = byPath(json).get('lab/matchbox/credentials')!;
    const [create, destroy] = fetch.provisioner.map((p: Record<string, any>) => p['local-exec']);
    expect(create.command).toContain(
      "printf '%s\\n' '{\nset -euf\ncat /etc/matchbox/client.key\n}\n' | sh -s > creds/mb/client.key.tmp && mv -f creds/mb/client.key.tmp creds/mb/client.key",
    );
    expect(create.command.startsWith('umask 077 && ')).toBe(true);
    expect(destroy).toEqual({
      when: 'destroy',
      command: 'rm -f creds/mb/ca.crt creds/mb/client.crt creds/mb/client.key',
    });
    expect(json.output.matchbox_client_key.sensitive).toBe(true);
    expect(json.output.matchbox_client_key.value).toMatch(
      /fileexists\("\$\{substr\(terraform_data\.matchbox_credentials_[0-9A-F]+\.id, 0, 0\)\}creds\/mb\/client\.key"\)/,
    );
  });

  it('renders dnsmasq with src/dnsmasq, writes it atomically after dnsmasq --test, restarts only on change', () => {
    const { stack, server } = labWithServer({ dnsmasq: SEED003_DNSMASQ, nat: { outInterface: 'eth0' } });
    const config = renderDnsmasqConfig(SEED003_DNSMASQ);
    expect(server.dnsmasqConfig).toBe(config);
    expect(config).toContain('dhcp-boot=tag:ipxe,http://192.168.0.1:8080/boot.ipxe');
    const json = synth(stack);
    const { converge, destroy } = scriptsOf(json, 'lab/matchbox/dnsmasq');
    expect(converge).toContain(`cat > "$tmp" <<'CDKTF_EOF'\n${config}CDKTF_EOF\n`);
    expect(converge).toContain('dnsmasq --test --conf-file="$tmp" >/dev/null 2>&1 || { rm -f "$tmp";');
    expect(converge).toContain(
      'if cmp -s "$tmp" /etc/dnsmasq.d/matchbox.conf; then rm -f "$tmp"; else mv -f "$tmp" /etc/dnsmasq.d/matchbox.conf; changed=1; fi',
    );
    expect(converge).toMatch(
      /if \[ "\$changed" = 1 \]; then\n {2}if \[ -d \/run\/systemd\/system \]; then systemctl restart dnsmasq;/,
    );
    expect(destroy).toContain(
      'rm -f /etc/dnsmasq.d/matchbox.conf /var/lib/tftpboot/undionly.kpxe /var/lib/tftpboot/ipxe.efi',
    );
    const nat = scriptsOf(json, 'lab/matchbox/nat');
    expect(nat.converge).toContain('sysctl -w net.ipv4.ip_forward=1');
    expect(nat.converge).toContain(
      "iptables -t nat -C POSTROUTING -s 192.168.0.0/24 '!' -d 192.168.0.0/24 -o eth0 -j MASQUERADE 2>/dev/null || iptables -t nat -A POSTROUTING",
    );
    expect(nat.destroy).toContain('iptables -t nat -D POSTROUTING');
  });

  it('the rendered dnsmasq configurations pass dnsmasq --test', () => {
    if (spawnSync('sh', ['-c', 'command -v dnsmasq']).status !== 0) return;
    const dir = tmpDir('mbx-dnsmasq-');
    const confs = [
      labWithServer({ dnsmasq: SEED003_DNSMASQ }).server.dnsmasqConfig!,
      labWithServer({ dnsmasq: { interface: 'eth0', subnet: '10.20.0.2/24', mode: 'proxy', dnsPort: 0 } }).server
        .dnsmasqConfig!,
    ];
    confs.forEach((c, i) => {
      fs.writeFileSync(`${dir}/${i}.conf`, c);
      const r = spawnSync('dnsmasq', ['--test', `--conf-file=${dir}/${i}.conf`], { encoding: 'utf8' });
      expect(`${r.status} ${r.stderr}`).toMatch(/^0 .*syntax check OK/s);
    });
  });

  it('prefetches Flatcar and Fedora CoreOS assets into the assets dir, skipping present files', () => {
    const { stack, server } = labWithServer({
      prefetch: [
        { os: 'flatcar', channel: 'beta', version: '3815.1.0' },
        { os: 'fedora-coreos', version: '40.20240416.3.1' },
      ],
    });
    const { converge, destroy } = scriptsOf(synth(stack), 'lab/matchbox/assets');
    expect(converge).toContain(
      'if [ ! -s /var/lib/matchbox/assets/flatcar/3815.1.0/flatcar_production_pxe.vmlinuz ]; then',
    );
    expect(converge).toContain(
      'fetch https://beta.release.flatcar-linux.net/amd64-usr/3815.1.0/flatcar_production_pxe_image.cpio.gz "$tmp"',
    );
    expect(converge).toContain(
      'fetch https://builds.coreos.fedoraproject.org/prod/streams/stable/builds/40.20240416.3.1/x86_64/fedora-coreos-40.20240416.3.1-live-kernel.x86_64 "$tmp"',
    );
    expect(server.assetFiles.map((f) => f.path)).toContain(
      'fedora-coreos/fedora-coreos-40.20240416.3.1-live-kernel-x86_64',
    );
    expect(destroy.split(' ').filter((w) => w.startsWith('/var/lib/matchbox/assets/'))).toHaveLength(
      server.assetFiles.length,
    );
  });

  it('every synthesized script parses with sh -n', () => {
    const { stack, server } = labWithServer({
      dnsmasq: SEED003_DNSMASQ,
      nat: { outInterface: 'eth0' },
      prefetch: [{ os: 'flatcar' }],
      tls: TLS,
    });
    declareData(server, SEED003);
    const { stack: s2 } = labWithServer({}, Testing.app(), 'lab');
    const scripts: string[] = [];
    for (const st of [stack, s2]) {
      const json = synth(st);
      for (const [p] of byPath(json)) {
        if (p.endsWith('/converge') && !p.includes('/tls/')) {
          const { converge, destroy } = scriptsOf(json, p.slice(0, -'/converge'.length));
          scripts.push(converge, destroy);
        }
      }
    }
    scripts.push(tlsWrite(TLS), tlsDelete()); // sensitive in the JSON
    expect(scripts.length).toBeGreaterThan(10);
    for (const s of scripts) {
      const r = spawnSync('sh', ['-n'], { input: s, encoding: 'utf8' });
      expect({ status: r.status, stderr: r.stderr, script: r.status ? s : '' }).toEqual({
        status: 0,
        stderr: '',
        script: '',
      });
    }
  });
});

describe('HostReference', () => {
  it("in the host's own stack it is the host; in another stack an anchor referencing its objects", () => {
    const app = Testing.app();
    const lab = new LabStack(app, 'lab');
    const host = new MultipassVm(lab, 'vm');
    const same = new HostReference(lab, 'same', { host });
    expect(same.ready).toEqual(host.ready);
    expect(runnerOf(same)).toBe(runnerOf(host));
    const other = new LabStack(app, 'other');
    const ref = new HostReference(other, 'vm', { host });
    expect(ref.ready).toHaveLength(1);
    expect((ref.ready[0] as TerraformResource).node.path).toBe('other/vm/ready');
    expect((ref.ready[0] as TerraformResource).terraformResourceType).toBe('terraform_data');
    expect(ref.generation).toBeDefined();
  });
});
