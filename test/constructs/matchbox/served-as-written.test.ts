/**
 * Issue 19, one block per finding: what Matchbox serves is what the library promised. Each value
 * the library accepts reaches the machine intact (checked by serving the written data directory
 * with the Matchbox stand-in and reading it as the machine does), and each one it cannot carry is
 * refused at synth with the construct path, the property, the value and a fix.
 */
import { App, TerraformVariable, Testing } from '../../../constructs/core/cdk';
import {
  IgnitionSpec,
  installToDisk,
  LabStack,
  LocalHost,
  MatchboxGroup,
  MatchboxProfile,
  MatchboxServer,
  MatchboxServerProps,
} from '../../../index';
import { ignitionDataUrl, matchboxDataOf, withoutEmpty, writeDataDir } from '../../e2e/support/matchbox/data';
import { renderGoTemplate } from '../../e2e/support/matchbox/go-template';
import { serveMatchbox, StandInVersion } from '../../e2e/support/matchbox/standin';
import { expectAppSynthRejected, expectProblem, tmpDir, validationErrorOf } from '../../helpers';
import { SHA } from '../../helpers';

const core = (key = '{{.ssh_authorized_key}}'): IgnitionSpec => ({
  users: [{ name: 'core', sshAuthorizedKeys: [key] }],
});

/** A stack with a server (`lab/mb`), for `declare` to add profiles and groups to. */
function lab(app: App, server: Partial<MatchboxServerProps> = {}) {
  const stack = new LabStack(app, 'lab');
  const mb = new MatchboxServer(stack, 'mb', {
    host: new LocalHost(stack, 'host'),
    address: '192.168.0.1',
    sha256: SHA,
    ...server,
  });
  return { stack, mb };
}

/** Synthesizes what `declare` adds, then serves the data directory it writes with the stand-in as the server's release. */
function serve(declare: (stack: LabStack, mb: MatchboxServer) => void, server: Partial<MatchboxServerProps> = {}) {
  const app = Testing.app();
  const { stack, mb } = lab(app, server);
  declare(stack, mb);
  Testing.synth(stack, true);
  const { files, version } = matchboxDataOf(stack);
  const dataDir = writeDataDir(tmpDir('mbx-served-'), files);
  return (url: string) => serveMatchbox({ dataDir, version: version as StandInVersion }, url);
}

describe('1. metadata inside JSON strings: escaped for JSON, or refused at synth', () => {
  it.each([
    ['a comment in double quotes', 'ssh-ed25519 AAAAC3Nza "ops laptop"'],
    ['a backslash and a newline', 'ssh-ed25519 AAAA back\\slash\nsecond line'],
    ['<, >, & and =', 'ssh-ed25519 AAAA= <a&b>'],
  ])('%s reaches the machine intact in valid JSON', (_name, key) => {
    const get = serve((stack, mb) => {
      const p = new MatchboxProfile(stack, 'p', { server: mb, kernel: '/assets/k', generic: core() });
      new MatchboxGroup(stack, 'g', { profile: p, metadata: { ssh_authorized_key: key } });
    });
    const body = String(get('/generic').body);
    expect(JSON.parse(body).passwd.users[0].sshAuthorizedKeys).toEqual([key]);
  });

  it('unescaped (as before), the same value makes Matchbox serve invalid JSON', () => {
    const template = '{"passwd":{"users":[{"name":"core","sshAuthorizedKeys":["{{.ssh_authorized_key}}"]}]}}';
    expect(() =>
      JSON.parse(renderGoTemplate(template, { ssh_authorized_key: 'ssh-ed25519 AAAA "ops laptop"' })),
    ).toThrow();
  });

  it("a value js cannot carry (a quote ') is refused: Go writes it as \\', which is not JSON", () => {
    expect(() => JSON.parse(renderGoTemplate('["{{.k | js}}"]', { k: "bob's key" }))).toThrow();
    const err = expectAppSynthRejected((app) => {
      const { stack, mb } = lab(app);
      const p = new MatchboxProfile(stack, 'p', { server: mb, kernel: '/assets/k', generic: core() });
      new MatchboxGroup(stack, 'g', { profile: p, metadata: { ssh_authorized_key: "ssh-ed25519 AAAA bob's laptop" } });
    });
    expectProblem(err, {
      path: 'lab/g',
      property: 'metadata.ssh_authorized_key',
      value: "ssh-ed25519 AAAA bob's laptop",
      reason: /\{\{\.ssh_authorized_key \| js\}\} \(in a JSON string\) escapes ' as \\'/,
      fix: /remove the '/,
    });
  });

  it('a JSON template written by hand that writes a value as it is: values with " \\ or control characters are refused', () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, mb } = lab(app);
      const p = new MatchboxProfile(stack, 'p', {
        server: mb,
        generic:
          '{"ignition":{"version":"3.3.0"},"passwd":{"users":[{"name":"core","sshAuthorizedKeys":["{{.key}}"]}]}}',
      });
      new MatchboxGroup(stack, 'g', { profile: p, metadata: { key: 'ssh-ed25519 AAAA "ops laptop"' } });
    });
    expectProblem(err, {
      path: 'lab/g',
      property: 'metadata.key',
      value: 'ssh-ed25519 AAAA "ops laptop"',
      reason: /writes it as it is inside a JSON string/,
      fix: /\{\{\.key \| js\}\}/,
    });
  });

  it('a request value written as it is into JSON (unknown at synth) is refused on the profile', () => {
    const err = validationErrorOf(() => {
      const { stack, mb } = lab(Testing.app());
      new MatchboxProfile(stack, 'p', { server: mb, generic: '{"host":"{{.request.query.hostname}}"}' });
    });
    expectProblem(err, {
      path: 'lab/p',
      property: 'generic',
      value: '{{.request.query.hostname}}',
      reason: /unknown at synth/,
      fix: /\| js/,
    });
  });

  it('a Terraform value cannot be checked at synth: refused in metadata a template writes', () => {
    const err = validationErrorOf(() => {
      const { stack, mb } = lab(Testing.app());
      const key = new TerraformVariable(stack, 'key', { type: 'string' });
      const p = new MatchboxProfile(stack, 'p', { server: mb, kernel: '/assets/k', generic: core() });
      new MatchboxGroup(stack, 'g', { profile: p, metadata: { ssh_authorized_key: key.stringValue } });
    });
    expectProblem(err, {
      path: 'lab/g',
      property: 'metadata',
      reason: /cannot contain Terraform references/,
      fix: /literal values/,
    });
  });

  it('numbers Go prints in exponent form, and objects, are refused where a template writes them', () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, mb } = lab(app);
      const p = new MatchboxProfile(stack, 'p', {
        server: mb,
        generic: 'size={{.size}} small={{.small}} opts={{.opts}} ok={{.port}}',
      });
      new MatchboxGroup(stack, 'g', {
        profile: p,
        metadata: { size: 1000000, small: 0.00001, opts: { a: 1 }, port: 8080 },
      });
    });
    expectProblem(err, {
      path: 'lab/g',
      property: 'metadata.size',
      value: 1000000,
      reason: /1e\+06/,
      fix: /as a string/,
    });
    expectProblem(err, { path: 'lab/g', property: 'metadata.small', value: 0.00001 });
    expectProblem(err, { path: 'lab/g', property: 'metadata.opts', reason: /Go value/ });
    expect(err.problems.map((p) => p.property)).not.toContain('metadata.port');
    expect(renderGoTemplate('{{.size}}', { size: 1000000 })).toBe('1e+06');
  });
});

describe('2. the Ignition a machine gets on /ignition is what the builder made', () => {
  const ignitionOf = (version: string, ignition: string | IgnitionSpec) => {
    const get = serve(
      (stack, mb) => {
        const p = new MatchboxProfile(stack, 'p', { server: mb, kernel: '/assets/k', ignition });
        new MatchboxGroup(stack, 'g', { profile: p });
      },
      { version },
    );
    return String(get('/ignition').body);
  };
  const props: IgnitionSpec = {
    ...core('ssh-ed25519 AAAA'),
    files: [{ path: '/etc/hostname', contents: 'node1\n' }],
    units: [{ name: 'a.service', enabled: true, contents: '[Service]\n' }],
  };
  const built = (version: string) => ({
    ignition: { version },
    passwd: { users: [{ name: 'core', sshAuthorizedKeys: ['ssh-ed25519 AAAA'] }] },
    storage: { files: [{ path: '/etc/hostname', mode: 420, overwrite: true, contents: { source: 'data:,node1%0A' } }] },
    systemd: { units: [{ name: 'a.service', enabled: true, contents: '[Service]\n' }] },
  });

  it('v0.11.0 (the default): the builder writes spec 3.4.0, the spec Matchbox re-serializes it as', () => {
    const served = JSON.parse(ignitionOf('v0.11.0', props));
    expect(served.ignition.version).toBe('3.4.0');
    expect(withoutEmpty(served)).toEqual(built('3.4.0'));
  });

  it('v0.10.0: spec 3.3.0; v0.9.1: served byte for byte as the builder wrote it (3.3.0 by default)', () => {
    expect(withoutEmpty(JSON.parse(ignitionOf('v0.10.0', props)))).toEqual(built('3.3.0'));
    const app = Testing.app();
    const { stack, mb } = lab(app, { version: 'v0.9.1' });
    const p = new MatchboxProfile(stack, 'p', { server: mb, kernel: '/assets/k', ignition: props });
    const written = p.files().find((f) => f.path === 'ignition/p.ign')!.contents;
    expect(JSON.parse(written)).toEqual(built('3.3.0'));
    expect(ignitionOf('v0.9.1', props)).toBe(written);
  });

  it('another spec than the release serves is refused, for builder props and raw JSON alike', () => {
    const err = validationErrorOf(() => {
      const { stack, mb } = lab(Testing.app());
      new MatchboxProfile(stack, 'p', { server: mb, kernel: '/assets/k', ignition: { ...props, version: '3.3.0' } });
    });
    expectProblem(err, {
      path: 'lab/p',
      property: 'ignition.version',
      value: '3.3.0',
      reason: /v0\.11\.0 serves every \.ign file parsed and re-serialized as Ignition 3\.4\.0/,
      fix: /write spec 3\.4\.0 .*Ignition 2\.15 .*`generic`/,
    });
    const raw = validationErrorOf(() => {
      const { stack, mb } = lab(Testing.app(), { version: 'v0.10.0' });
      new MatchboxProfile(stack, 'p', {
        server: mb,
        kernel: '/assets/k',
        ignition: '{"ignition":{"version":"3.4.0"}}',
      });
    });
    expectProblem(raw, {
      path: 'lab/p',
      property: 'ignition.ignition.version',
      value: '3.4.0',
      reason: /3\.3\.0 \(a spec it cannot parse becomes an empty config\)/,
    });
  });

  it("generic is served as written: the builder's 3.3.0 reaches Flatcar with older Ignition", () => {
    const get = serve((stack, mb) => {
      const p = new MatchboxProfile(stack, 'p', { server: mb, kernel: '/assets/k', generic: props });
      new MatchboxGroup(stack, 'g', { profile: p });
    });
    expect(JSON.parse(String(get('/generic').body))).toEqual(built('3.3.0'));
  });
});

describe("3. values in the installer's data: URL reach the script intact, or are refused", () => {
  const installer = (metadata: Record<string, unknown>) =>
    serve((stack, mb) => {
      const p = new MatchboxProfile(stack, 'p', {
        server: mb,
        kernel: '/assets/k',
        generic: { ...installToDisk({ flavor: 'flatcar', baseUrlVariable: 'baseurl' }) },
      });
      new MatchboxGroup(stack, 'g', { profile: p, metadata });
    });
  const script = (get: (url: string) => { body: string | Buffer }) =>
    ignitionDataUrl(JSON.parse(String(get('/generic').body)).storage.files[0].contents.source);

  it('%20, # and & in the URLs come out as written (urlquery in the data URL)', () => {
    const endpoint = 'http://m:8080/generic?a=x%20y&b=1#frag';
    const base = 'http://m:8080/assets/flat%2Fcar';
    const text = script(installer({ ignition_endpoint: endpoint, baseurl: base }));
    expect(text).toContain(`curl --fail --retry 10 '${endpoint}?os=installed' -o ignition.json\n`);
    expect(text).toContain(`flatcar-install -d /dev/sda -C stable -i ignition.json -b '${base}'\n`);
    // Without baseurl, the guard leaves -b out.
    expect(script(installer({ ignition_endpoint: endpoint }))).toContain(
      'flatcar-install -d /dev/sda -C stable -i ignition.json \nudevadm settle\n',
    );
  });

  it('written as it is (as before), Ignition would decode %20 and refuse # in the data URL', () => {
    const raw = `data:,curl%20'${'http://m/x?a=x%20y#frag'}'`;
    expect(() => ignitionDataUrl(raw)).toThrow(/invalid data character "#"/);
    expect(ignitionDataUrl("data:,curl%20'http://m/x?a=x%20y'")).toBe("curl 'http://m/x?a=x y'");
  });

  it("a space (urlquery writes +) or a quote (ends the script's single quotes) is refused", () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, mb } = lab(app);
      const p = new MatchboxProfile(stack, 'p', {
        server: mb,
        kernel: '/assets/k',
        generic: { ...installToDisk({ flavor: 'flatcar', baseUrlVariable: 'baseurl' }) },
      });
      new MatchboxGroup(stack, 'g', {
        profile: p,
        metadata: { ignition_endpoint: "http://m/it's", baseurl: 'http://m/a b' },
      });
    });
    expectProblem(err, {
      path: 'lab/g',
      property: 'metadata.ignition_endpoint',
      value: "http://m/it's",
      reason: /between single quotes in a script, which a ' would end/,
      fix: /%27/,
    });
    expectProblem(err, {
      path: 'lab/g',
      property: 'metadata.baseurl',
      value: 'http://m/a b',
      reason: /writes a space as \+/,
      fix: /remove the spaces/,
    });
  });

  it('a data: URL template written by hand that writes a value as it is: refused unless URL-safe', () => {
    const err = expectAppSynthRejected((app) => {
      const { stack, mb } = lab(app);
      const p = new MatchboxProfile(stack, 'p', {
        server: mb,
        generic: '{"storage":{"files":[{"path":"/x","contents":{"source":"data:,{{.u}}"}}]}}',
      });
      new MatchboxGroup(stack, 'g', { profile: p, metadata: { u: 'a%20b#c' } });
    });
    expectProblem(err, {
      path: 'lab/g',
      property: 'metadata.u',
      reason: /as it is into a data: URL/,
      fix: /\{\{\.u \| urlquery\}\}/,
    });
  });

  it("a Terraform value in the installer's URL is refused (it cannot be checked at synth)", () => {
    const err = validationErrorOf(() => {
      const { stack, mb } = lab(Testing.app());
      const url = new TerraformVariable(stack, 'url', { type: 'string' });
      new MatchboxProfile(stack, 'p', {
        server: mb,
        kernel: '/assets/k',
        generic: { ...installToDisk({ flavor: 'fcos', ignitionUrl: url.stringValue }) },
      });
    });
    expectProblem(err, { path: 'lab/p', property: 'generic', reason: /cannot contain Terraform references/ });
  });
});

describe('4. /grub: correct for every initrd form a GRUB profile accepts', () => {
  const grubProfile =
    (initrd: string[], args: string[] = ['console=ttyS0'], kernel = '/assets/vmlinuz') =>
    (stack: LabStack, mb: MatchboxServer) => {
      const p = new MatchboxProfile(stack, 'p', { server: mb, kernel, initrd, args, grub: true });
      new MatchboxGroup(stack, 'g', { profile: p });
    };

  it('plain initrd paths: one quoted path each', () => {
    const get = serve(
      grubProfile(
        ['/assets/initrd.img', '/assets/extra.cpio'],
        ['console=ttyS0', '"flatcar.config.url=http://m/ignition?mac=${net_default_mac}&os=installed"'],
      ),
    );
    const grub = String(get('/grub').body);
    expect(grub).toContain(
      'linux "/assets/vmlinuz" console=ttyS0 "flatcar.config.url=http://m/ignition?mac=${net_default_mac}&os=installed"\n',
    );
    expect(grub).toContain('initrd  "/assets/initrd.img" "/assets/extra.cpio"\n');
  });

  it('the iPXE form --name main URL is refused for a GRUB profile (and kept for iPXE-only ones)', () => {
    const err = validationErrorOf(() => serve(grubProfile(['--name main /assets/initrd.img'])));
    expectProblem(err, {
      path: 'lab/p',
      property: 'initrd[0]',
      value: '--name main /assets/initrd.img',
      reason: /one quoted word, so GRUB would open a file named "--name main \/assets\/initrd\.img"/,
      fix: /path alone/,
    });
    const get = serve(
      (stack, mb) =>
        new MatchboxGroup(stack, 'g', {
          profile: new MatchboxProfile(stack, 'p', {
            server: mb,
            kernel: '/assets/k',
            initrd: ['--name main /assets/i'],
            args: ['initrd=main'],
          }),
        }),
    );
    expect(String(get('/ipxe').body)).toContain('initrd --name main /assets/i\n');
  });

  it('URLs, GRUB-special characters in paths, and args that are not one GRUB word are refused', () => {
    const err = validationErrorOf(() =>
      serve(
        grubProfile(
          ['/assets/a$b'],
          ['flatcar.config.url=http://m/x?uuid=${uuid}&mac=${mac:hexhyp}', 'two words'],
          'http://m:8080/assets/k',
        ),
      ),
    );
    expectProblem(err, {
      path: 'lab/p',
      property: 'kernel',
      value: 'http://m:8080/assets/k',
      reason: /GRUB double quotes/,
    });
    expectProblem(err, { path: 'lab/p', property: 'initrd[0]', value: '/assets/a$b' });
    expectProblem(err, {
      path: 'lab/p',
      property: 'args[0]',
      reason: /mac:hexhyp\} is a GRUB syntax error/,
      fix: /one GRUB word/,
    });
    expectProblem(err, { path: 'lab/p', property: 'args[1]', value: 'two words' });
  });

  it('grub needs a kernel', () => {
    const err = validationErrorOf(() => {
      const { stack, mb } = lab(Testing.app());
      new MatchboxProfile(stack, 'p', { server: mb, grub: true, generic: 'x' });
    });
    expectProblem(err, { path: 'lab/p', property: 'grub', value: true, fix: /set kernel/ });
  });
});

describe('5. version: modelled or refused', () => {
  it.each(['v0.9.0', 'v0.12.0', 'latest', 'v0.11.0-rc1'])(
    '%s is refused with the releases the library models',
    (version) => {
      const err = validationErrorOf(() => lab(Testing.app(), { version }));
      expectProblem(err, {
        path: 'lab/mb',
        property: 'version',
        value: version,
        reason: /models what Matchbox v0\.9\.1, v0\.10\.0, v0\.11\.0 serve/,
        fix: /use one of v0\.9\.1, v0\.10\.0, v0\.11\.0/,
      });
      const imported = validationErrorOf(() =>
        MatchboxServer.fromServerAttributes(new LabStack(Testing.app(), 'lab'), 'pxe', {
          host: new LocalHost(new LabStack(Testing.app(), 'x'), 'h'),
          address: '10.0.0.1',
          version,
        }),
      );
      expectProblem(imported, { path: 'lab/pxe', property: 'version', value: version });
    },
  );

  it('an arch selector is refused before v0.11.0, whose /boot.ipxe is the first to send arch', () => {
    const declare = (stack: LabStack, mb: MatchboxServer) => {
      const p = new MatchboxProfile(stack, 'p', { server: mb, kernel: '/assets/k' });
      new MatchboxGroup(stack, 'efi', { profile: p, selector: { arch: 'x86_64' } });
    };
    for (const version of ['v0.9.1', 'v0.10.0']) {
      const err = validationErrorOf(() => serve(declare, { version }));
      expectProblem(err, {
        path: 'lab/efi',
        property: 'selector.arch',
        value: 'x86_64',
        reason: new RegExp(`${version.replace(/\./g, '\\.')}'s /boot.ipxe sends no arch label`),
        fix: /v0\.11\.0/,
      });
    }
    expect(() => serve(declare)).not.toThrow();
  });

  it('the chain /boot.ipxe sends: the arch group matches on v0.11.0, never on v0.10.0', () => {
    // iPXE fills in the variables of the chain URL (an x86-64 EFI build: buildarch x86_64).
    const ipxe = {
      uuid: 'u',
      'mac:hexhyp': '52-54-00-12-34-56',
      domain: '',
      hostname: 'n',
      serial: 's',
      'buildarch:uristring': 'x86_64',
    } as Record<string, string>;
    const chainOf = (bootIpxe: string) =>
      `/${/^chain (.*)$/m.exec(bootIpxe)![1].replace(/\$\{([^}]+)\}/g, (_m, v: string) => ipxe[v])}`;
    const data = writeDataDir(tmpDir('mbx-arch-'), [
      { path: 'profiles/efi.json', contents: '{"id":"efi","boot":{"kernel":"/assets/efi","initrd":[],"args":[]}}' },
      { path: 'profiles/any.json', contents: '{"id":"any","boot":{"kernel":"/assets/any","initrd":[],"args":[]}}' },
      { path: 'groups/efi.json', contents: '{"id":"efi","profile":"efi","selector":{"arch":"x86_64"}}' },
      { path: 'groups/any.json', contents: '{"id":"any","profile":"any"}' },
    ]);
    for (const [version, group] of [
      ['v0.11.0', 'efi'],
      ['v0.10.0', 'any'],
    ] as const) {
      const chain = chainOf(String(serveMatchbox({ dataDir: data, version }, '/boot.ipxe').body));
      expect(serveMatchbox({ dataDir: data, version }, chain).group).toBe(group);
    }
  });
});
