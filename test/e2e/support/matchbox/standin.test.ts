/**
 * The Matchbox stand-in (test/e2e/support/matchbox) against what Matchbox's own handlers answer
 * (poseidon/matchbox `matchbox/http/*_test.go` at v0.9.1, v0.10.0 and v0.11.0: the same inputs,
 * the answers those tests expect), plus the Go text/template behaviour it relies on.
 */
import { DataFile } from '../../../../src/matchbox/model';
import { goJs, goPrint, goUrlQuery, renderGoTemplate, StandInLimit } from './go-template';
import { reserializeIgnition } from './ignition-v3';
import { serveMatchbox, StandInVersion } from './standin';
import { writeDataDir } from './data';
import { tmpDir } from '../../../helpers';

const json = (v: unknown) => `${JSON.stringify(v)}\n`;
/** A data directory with the given profiles, groups and config files. */
function dataDir(files: Record<string, unknown>): string {
  const list: DataFile[] = Object.entries(files).map(([p, c]) => ({
    path: p,
    contents: typeof c === 'string' ? c : json(c),
  }));
  return writeDataDir(tmpDir('standin-'), list);
}
const get = (dir: string, url: string, version?: StandInVersion) => serveMatchbox({ dataDir: dir, version }, url);
const body = (dir: string, url: string, version?: StandInVersion) => String(get(dir, url, version).body);

describe('routes and status codes', () => {
  const dir = dataDir({
    'profiles/p.json': {
      id: 'p',
      boot: { kernel: '/image/kernel', initrd: ['/image/initrd_a', '/image/initrd_b'], args: ['a=b', 'c'] },
      generic_id: 'p',
      cloud_id: 'p',
      ignition_id: 'p.ign',
    },
    'profiles/bare.json': { id: 'bare' },
    'groups/node.json': {
      id: 'node',
      profile: 'p',
      selector: { mac: '52:54:00:a1:9c:ae' },
      metadata: { service_name: 'etcd2' },
    },
    'groups/nobody.json': { id: 'nobody', profile: 'missing', selector: { os: 'gone' } },
    'groups/bare.json': { id: 'bare', profile: 'bare', selector: { os: 'bare' } },
    'generic/p': '#foo-bar-baz template\nUUID={{.uuid}}\nSERVICE={{.service_name}}\nFOO={{.request.query.foo}}\n',
    'cloud/p': '#cloud-config\nhostname: {{.service_name}}\n',
    'ignition/p.ign': '{"ignition":{"version":"3.1.0"}}',
  });

  it('/ and unknown paths', () => {
    expect(get(dir, '/')).toMatchObject({ status: 200, body: 'matchbox\n' });
    expect(get(dir, '/nope')).toMatchObject({
      status: 404,
      body: '404 page not found\n',
      headers: { 'X-Content-Type-Options': 'nosniff' },
    });
  });

  it('no group, a group whose profile is missing, a profile without boot: 404', () => {
    expect(get(dir, '/generic?mac=52-54-00-00-00-01').status).toBe(404);
    expect(get(dir, '/ipxe?os=gone')).toMatchObject({ status: 404, group: 'nobody' });
    expect(get(dir, '/grub?os=bare')).toMatchObject({ status: 404, group: 'bare' });
    expect(get(dir, '/generic?os=bare')).toMatchObject({ status: 404, group: 'bare' });
    // /metadata needs no profile.
    expect(get(dir, '/metadata?os=gone')).toMatchObject({ status: 200, group: 'nobody' });
  });

  it("/grub renders the boot as Matchbox's GRUB2 template does (TestGrubHandler)", () => {
    expect(get(dir, '/grub?mac=52-54-00-a1-9c-ae')).toMatchObject({ status: 200, group: 'node' });
    expect(body(dir, '/grub?mac=52-54-00-a1-9c-ae')).toBe(
      [
        'default=0',
        'fallback=1',
        'timeout=1',
        'menuentry "CoreOS (EFI)" {',
        'echo "Loading kernel"',
        'linuxefi "/image/kernel" a=b c',
        'echo "Loading initrd"',
        'initrdefi  "/image/initrd_a" "/image/initrd_b"',
        '}',
        'menuentry "CoreOS (BIOS)" {',
        'echo "Loading kernel"',
        'linux "/image/kernel" a=b c',
        'echo "Loading initrd"',
        'initrd  "/image/initrd_a" "/image/initrd_b"',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('/generic renders metadata, selectors and the query (TestGenericHandler)', () => {
    const dir2 = dataDir({
      'profiles/p.json': { id: 'p', generic_id: 'p' },
      'groups/g.json': { id: 'g', profile: 'p', selector: { uuid: 'a1b2c3d4' }, metadata: { service_name: 'etcd2' } },
      'generic/p': '#foo-bar-baz template\nUUID={{.uuid}}\nSERVICE={{.service_name}}\nFOO={{.request.query.foo}}\n',
    });
    expect(get(dir2, '/generic?uuid=a1b2c3d4&foo=some-param')).toMatchObject({
      status: 200,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: '#foo-bar-baz template\nUUID=a1b2c3d4\nSERVICE=etcd2\nFOO=some-param\n',
    });
    // missingkey=error: a key the group does not provide (here .uuid) is a 404.
    expect(get(dir, '/generic?mac=52-54-00-a1-9c-ae&foo=x').status).toBe(404);
  });

  it('/metadata writes KEY=value lines of metadata, selectors and the request (TestMetadataHandler)', () => {
    const dir2 = dataDir({
      'groups/g.json': {
        id: 'g',
        profile: 'p',
        selector: { mac: '52:54:00:a1:9c:ae' },
        metadata: {
          meta: 'data',
          etcd: { name: 'node1' },
          some: { nested: { data: 'some-value' } },
          num: 3,
          big: 1000000,
          yes: true,
          list: [1],
          nothing: null,
        },
      },
    });
    const r = get(dir2, '/metadata?mac=52-54-00-a1-9c-ae&foo=bar&count=3&gate=true');
    expect(r).toMatchObject({ status: 200, headers: { 'Content-Type': 'plain/text' } });
    expect(String(r.body).split('\n')).toEqual([
      'BIG=1e+06',
      'ETCD_NAME=node1',
      'MAC=52:54:00:a1:9c:ae',
      'META=data',
      'NUM=3',
      'REQUEST_QUERY_COUNT=3',
      'REQUEST_QUERY_FOO=bar',
      'REQUEST_QUERY_GATE=true',
      'REQUEST_QUERY_MAC=52:54:00:a1:9c:ae',
      'REQUEST_RAW_QUERY=mac=52-54-00-a1-9c-ae&foo=bar&count=3&gate=true',
      'SOME_NESTED_DATA=some-value',
      'YES=true',
      '',
    ]);
  });

  it('/cloud serves a #cloud-config that parses or a #! script, else 404', () => {
    expect(get(dir, '/cloud?mac=52-54-00-a1-9c-ae')).toMatchObject({
      status: 200,
      body: '#cloud-config\nhostname: etcd2\n',
    });
    const dir2 = dataDir({
      'profiles/a.json': { id: 'a', cloud_id: 'a' },
      'profiles/b.json': { id: 'b', cloud_id: 'b' },
      'profiles/c.json': { id: 'c', cloud_id: 'c' },
      'groups/a.json': { id: 'a', profile: 'a', selector: { k: 'a' } },
      'groups/b.json': { id: 'b', profile: 'b', selector: { k: 'b' } },
      'groups/c.json': { id: 'c', profile: 'c', selector: { k: 'c' } },
      'cloud/a': '#!/bin/sh\necho hi\n',
      'cloud/b': 'hostname: x\n',
      'cloud/c': '#cloud-config\nkey: [unclosed\n',
    });
    expect(get(dir2, '/cloud?k=a').status).toBe(200);
    expect(get(dir2, '/cloud?k=b').status).toBe(404);
    expect(get(dir2, '/cloud?k=c').status).toBe(404);
  });

  it('/boot.ipxe: v0.11.0 sends arch, v0.9.1 and v0.10.0 do not', () => {
    expect(body(dir, '/boot.ipxe')).toBe(
      '#!ipxe\nchain ipxe?uuid=${uuid}&mac=${mac:hexhyp}&domain=${domain}&hostname=${hostname}&serial=${serial}&arch=${buildarch:uristring}\n',
    );
    for (const v of ['v0.9.1', 'v0.10.0'] as const) {
      expect(body(dir, '/boot.ipxe.0', v)).toBe(
        '#!ipxe\nchain ipxe?uuid=${uuid}&mac=${mac:hexhyp}&domain=${domain}&hostname=${hostname}&serial=${serial}\n',
      );
    }
  });
});

describe('/ignition with a raw .ign file, per release', () => {
  const empty = (version: string) =>
    `{"ignition":{"config":{"replace":{"verification":{}}},"proxy":{},"security":{"tls":{}},"timeouts":{},"version":"${version}"},"kernelArguments":{},`;
  const ign = (version: string) =>
    `${empty(version)}"passwd":{"users":[{"name":"core","sshAuthorizedKeys":["key"]}]},"storage":{},"systemd":{"units":[{"enabled":false,"name":"docker.service"}]}}`;
  const zero =
    '{"ignition":{"config":{"replace":{"verification":{}}},"proxy":{},"security":{"tls":{}},"timeouts":{},"version":""},"kernelArguments":{},"passwd":{},"storage":{},"systemd":{}}';

  it('v0.11.0 serves 3.x upgraded to 3.4.0, every struct written (TestIgnitionHandler_v3_1, _v3_4)', () => {
    expect(reserializeIgnition(ign('3.1.0'), '3.4.0')).toBe(ign('3.4.0'));
    expect(reserializeIgnition(ign('3.4.0'), '3.4.0')).toBe(ign('3.4.0'));
    const dir = dataDir({
      'profiles/p.json': { id: 'p', ignition_id: 'p.ign' },
      'groups/g.json': { id: 'g', profile: 'p' },
      'ignition/p.ign': ign('3.1.0'),
    });
    expect(get(dir, '/ignition')).toMatchObject({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: ign('3.4.0'),
    });
    expect(get(dir, '/ignition', 'v0.10.0').body).toBe(ign('3.3.0'));
    expect(get(dir, '/ignition', 'v0.9.1').body).toBe(ign('3.1.0'));
  });

  it('a config the release cannot parse becomes the zero config, still 200', () => {
    expect(reserializeIgnition(ign('3.4.0'), '3.3.0')).toBe(zero);
    expect(reserializeIgnition('{"ignition":', '3.4.0')).toBe(zero);
    expect(reserializeIgnition('{"ignition":{"version":"2.3.0"}}', '3.4.0')).toBe(zero);
    expect(reserializeIgnition('{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"rel"}]}}', '3.4.0')).toBe(
      zero,
    );
    expect(
      reserializeIgnition(
        '{"ignition":{"version":"3.4.0"},"systemd":{"units":[{"name":"a.service","enabled":"yes"}]}}',
        '3.4.0',
      ),
    ).toBe(zero);
  });

  it('files: Node then FileEmbedded1 fields, in Go order; unknown keys dropped; < > & escaped', () => {
    const input = {
      ignition: { version: '3.3.0' },
      unknown: 1,
      storage: { files: [{ path: '/etc/motd', mode: 420, overwrite: true, contents: { source: 'data:,a%26b' } }] },
      systemd: { units: [{ name: 'a.service', contents: '<&>' }] },
    };
    expect(reserializeIgnition(JSON.stringify(input), '3.4.0')).toBe(
      `${empty('3.4.0')}"passwd":{},"storage":{"files":[{"group":{},"overwrite":true,"path":"/etc/motd","user":{},"contents":{"source":"data:,a%26b","verification":{}},"mode":420}]},"systemd":{"units":[{"contents":"\\u003c\\u0026\\u003e","name":"a.service"}]}}`,
    );
    expect(() =>
      reserializeIgnition('{"ignition":{"version":"3.4.0"},"storage":{"disks":[{"device":"/dev/sda"}]}}', '3.4.0'),
    ).toThrow(StandInLimit);
  });
});

describe('Go text/template as Matchbox runs it', () => {
  const data = {
    a: 'x',
    n: 3,
    big: 1000000,
    small: 0.00001,
    f: 1.5,
    t: true,
    o: { k: 'v', z: null },
    l: ['p', 2],
    nil: null,
    empty: '',
  };

  it('prints JSON values with %v', () => {
    expect(renderGoTemplate('{{.a}} {{.n}} {{.big}} {{.small}} {{.f}} {{.t}} {{.o}} {{.l}} {{.nil}}', data)).toBe(
      'x 3 1e+06 1e-05 1.5 true map[k:v z:<nil>] [p 2] <no value>',
    );
    expect(goPrint(123456.5)).toBe('123456.5');
    expect(goPrint(-1234567)).toBe('-1.234567e+06');
  });

  it('missingkey=error, index of a missing key, if/else if/else, trim markers and comments', () => {
    expect(() => renderGoTemplate('{{.missing}}', data)).toThrow(/no entry for key "missing"/);
    expect(() => renderGoTemplate('{{.o.missing}}', data)).toThrow(/no entry/);
    expect(() => renderGoTemplate('{{.nil.x}}', data)).toThrow(/nil pointer/);
    expect(renderGoTemplate('[{{index . `missing`}}]', data)).toBe('[<no value>]');
    expect(
      renderGoTemplate('{{if index . "missing"}}A{{else if .empty}}B{{else}}C{{end}} {{- /* c */ -}}  D', data),
    ).toBe('CD');
    expect(renderGoTemplate('a  {{- .a -}}  b\n{{if .t}}yes{{end}}', data)).toBe('axb\nyes');
  });

  it('js and urlquery as Go 1.22 writes them', () => {
    expect(goJs(`a"b\\c'd<e>f&g=h\ni\u0001j é\u00a0`)).toBe(
      'a\\"b\\\\c\\\'d\\u003Ce\\u003Ef\\u0026g\\u003Dh\\u000Ai\\u0001j é\\u00A0',
    );
    expect(goUrlQuery('a b/c?d=e&f#g%h é+~')).toBe('a+b%2Fc%3Fd%3De%26f%23g%25h+%C3%A9%2B~');
    expect(renderGoTemplate('{{.a | js}}{{js .n}}{{urlquery .a}}{{index . `a` | urlquery}}', data)).toBe('x3xx');
  });

  it("parse errors are Go's (404 in Matchbox); what it does not model is a StandInLimit (500)", () => {
    expect(() => renderGoTemplate('{{nosuch .a}}', data)).toThrow(/function "nosuch" not defined/);
    expect(() => renderGoTemplate('{{if .a}}x', data)).toThrow(/unexpected EOF/);
    for (const t of ['{{range .l}}{{.}}{{end}}', '{{printf "%s" .a}}', '{{$x := .a}}', '{{with .o}}{{.k}}{{end}}']) {
      expect(() => renderGoTemplate(t, data)).toThrow(StandInLimit);
    }
  });
});
