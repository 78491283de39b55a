import { buildIgnition, checkIgnition, renderIgnition } from '../../../src/ignition/builder';
import { dataUrl, decodeDataUrl } from '../../../src/ignition/dataurl';
import { installToDisk } from '../../../src/ignition/install';
import { templateReferences, templateVariables } from '../../../src/ignition/template';
import { ValidationError } from '../../../src/validation/errors';

describe('templateVariables / templateReferences', () => {
  it('finds top-level keys and keeps nested fields to their root', () => {
    expect(templateVariables('a {{.ssh_authorized_key}} b {{ .request.query.mac }} {{- .x -}}')).toEqual([
      'request',
      'ssh_authorized_key',
      'x',
    ]);
  });

  it('treats `if index . "k"` guards as optional (missingkey=error does not fire)', () => {
    const refs = templateReferences('install {{if index . "baseurl"}}-b {{.baseurl}}{{end}} {{.ignition_endpoint}}');
    expect(refs).toEqual({ required: ['ignition_endpoint'], optional: ['baseurl'] });
  });

  it('ignores fields of rebound dots in range/with, but counts $.key', () => {
    const refs = templateReferences('{{range .nodes}}{{.name}} {{$.domain}}{{end}}{{with .extra}}{{.inner}}{{end}}');
    expect(refs.required).toEqual(['domain', 'extra', 'nodes']);
  });

  it('skips comments, string literals and $variables', () => {
    expect(templateVariables('{{/* .hidden */}}{{printf "%s.x" .a}}{{$v := .b}}{{$v.c}}')).toEqual(['a', 'b']);
  });

  it('returns nothing for text without actions (and iPXE ${vars} are not Go actions)', () => {
    expect(templateVariables('ignition.config.url=http://m/ignition?mac=${mac:hexhyp}')).toEqual([]);
  });
});

describe('dataUrl', () => {
  it('percent-encodes contents and pipes what template actions write through urlquery', () => {
    const url = dataUrl(
      '#!/bin/sh\ncurl "{{.ignition_endpoint}}?os=installed"{{if index . `b`}} {{- index . `b` -}}{{end}}\n',
    );
    expect(url).toBe(
      'data:,%23!/bin/sh%0Acurl%20%22{{.ignition_endpoint | urlquery}}%3Fos=installed%22{{if index . `b`}}%20{{- index . `b` | urlquery -}}{{end}}%0A',
    );
    expect(decodeDataUrl(url)).toBe(
      '#!/bin/sh\ncurl "{{.ignition_endpoint | urlquery}}?os=installed"{{if index . `b`}} {{- index . `b` | urlquery -}}{{end}}\n',
    );
    // Already escaped for a URL: kept as written.
    expect(dataUrl('{{.x | urlquery}}')).toBe('data:,{{.x | urlquery}}');
  });

  it('encodes UTF-8 bytes and % itself', () => {
    expect(dataUrl('é 100%')).toBe('data:,%C3%A9%20100%25');
  });
});

describe('buildIgnition', () => {
  const props = {
    users: [{ name: 'core', sshAuthorizedKeys: ['{{.ssh_authorized_key}}'], groups: ['sudo'] }],
    units: [
      {
        name: 'a.service',
        enabled: true,
        contents: '[Service]\nExecStart=/bin/true\n',
        dropins: [{ name: '10-env.conf', contents: '[Service]\nEnvironment=A=1\n' }],
      },
    ],
    files: [
      { path: '/etc/motd', contents: 'hi\n' },
      { path: '/opt/x', mode: 0o500, contents: 'x', overwrite: false },
    ],
  };

  it('emits Ignition 3.3.0 with spec field names', () => {
    const cfg = buildIgnition(props);
    expect(Object.keys(cfg)).toEqual(['ignition', 'passwd', 'storage', 'systemd']);
    expect(cfg.ignition).toEqual({ version: '3.3.0' });
    expect(cfg.passwd!.users[0]).toEqual({
      name: 'core',
      sshAuthorizedKeys: ['{{.ssh_authorized_key | js}}'],
      groups: ['sudo'],
    });
    expect(cfg.storage!.files).toEqual([
      { path: '/etc/motd', mode: 420, overwrite: true, contents: { source: 'data:,hi%0A' } },
      { path: '/opt/x', mode: 320, overwrite: false, contents: { source: 'data:,x' } },
    ]);
    expect(cfg.systemd!.units[0]).toEqual({
      name: 'a.service',
      enabled: true,
      contents: '[Service]\nExecStart=/bin/true\n',
      dropins: [{ name: '10-env.conf', contents: '[Service]\nEnvironment=A=1\n' }],
    });
  });

  it('omits empty sections and honours version 3.4.0', () => {
    expect(buildIgnition({ version: '3.4.0' })).toEqual({ ignition: { version: '3.4.0' } });
  });

  it('renders deterministic JSON; what an action writes into a JSON string goes through js', () => {
    const a = renderIgnition(props);
    expect(a).toBe(renderIgnition(JSON.parse(JSON.stringify(props))));
    expect(a.endsWith('}\n')).toBe(true);
    expect(a).toContain('"{{.ssh_authorized_key | js}}"');
    expect(templateVariables(a)).toEqual(['ssh_authorized_key']);
  });

  it('pipes only actions that write text, keeps trim markers, and leaves js/urlquery pipelines alone', () => {
    const unit = (contents: string) =>
      buildIgnition({ units: [{ name: 'a.service', contents }] }).systemd!.units[0].contents;
    expect(
      unit('A={{- .a -}} B={{index . `b`}}{{if .c}}C={{.c.d}}{{else}}-{{end}}{{/* note */}}{{$x := .e}}{{$x}}'),
    ).toBe(
      'A={{- .a | js -}} B={{index . `b` | js}}{{if .c}}C={{.c.d | js}}{{else}}-{{end}}{{/* note */}}{{$x := .e}}{{$x | js}}',
    );
    expect(unit('{{.a | js}} {{js .b}} {{.c | urlquery}} {{printf `%s-%s` .d .e}}')).toBe(
      '{{.a | js}} {{js .b}} {{.c | urlquery}} {{printf `%s-%s` .d .e | js}}',
    );
  });
});

describe('checkIgnition', () => {
  const problems = (p: Parameters<typeof checkIgnition>[0]) =>
    checkIgnition(p, 'lab/ign').map((x) => `${x.property}: ${x.reason}`);

  it('accepts good input', () => {
    expect(
      checkIgnition(
        { users: [{ name: 'core' }], units: [{ name: 'x@1.service' }], files: [{ path: '/a', contents: '' }] },
        'p',
      ),
    ).toEqual([]);
  });

  it('reports bad names, paths, modes and duplicates with the caller path', () => {
    const found = checkIgnition(
      {
        users: [{ name: 'Core User' }],
        units: [
          { name: 'installer', dropins: [{ name: 'x.txt', contents: '' }] },
          { name: 'a.service' },
          { name: 'a.service' },
        ],
        files: [
          { path: 'relative', contents: '' },
          { path: '/b', mode: 0o10000, contents: '' },
        ],
      },
      'lab/ign',
    );
    expect(found.every((p) => p.path === 'lab/ign')).toBe(true);
    expect(found.map((p) => p.property)).toEqual([
      'users[0].name',
      'units[0].name',
      'units[0].dropins[0].name',
      'units[].name',
      'files[0].path',
      'files[1].mode',
    ]);
  });

  it('rejects " inside template actions (JSON would escape it and break the Go template)', () => {
    expect(problems({ files: [{ path: '/a', contents: '{{if index . "baseurl"}}x{{end}}' }] })).toEqual([
      expect.stringMatching(/^files\[0\]\.contents: JSON escaping/),
    ]);
    expect(problems({ files: [{ path: '/a', contents: '{{if index . `baseurl`}}x{{end}}' }] })).toEqual([]);
  });

  it('renderIgnition throws a ValidationError listing every problem', () => {
    expect(() => renderIgnition({ units: [{ name: 'bad' }] }, 'lab/ign')).toThrow(ValidationError);
    expect(() => renderIgnition({ units: [{ name: 'bad' }] }, 'lab/ign')).toThrow(/\[lab\/ign\] units\[0\]\.name/);
  });
});

describe('installToDisk', () => {
  it('flatcar: seed 003 script with the optional baseurl guard', () => {
    const parts = installToDisk({ flavor: 'flatcar', device: '/dev/vda', baseUrlVariable: 'baseurl' });
    expect(parts.units).toEqual([expect.objectContaining({ name: 'installer.service', enabled: true })]);
    expect(parts.units[0].contents).toContain('ExecStart=/opt/installer\n');
    expect(parts.units[0].contents).toContain('After=network-online.target\n');
    expect(parts.files[0]).toMatchObject({ path: '/opt/installer', mode: 0o500 });
    expect(parts.files[0].contents.split('\n')).toEqual([
      '#!/bin/bash -ex',
      "curl --fail --retry 10 '{{.ignition_endpoint}}?os=installed' -o ignition.json",
      "flatcar-install -d /dev/vda -C stable -i ignition.json {{if index . `baseurl`}}-b '{{.baseurl}}'{{end}}",
      'udevadm settle',
      'systemctl reboot',
      '',
    ]);
    const refs = templateReferences(parts.files[0].contents);
    expect(refs).toEqual({ required: ['ignition_endpoint'], optional: ['baseurl'] });
    // And the builder accepts it (backquotes survive JSON).
    expect(checkIgnition({ ...parts }, 'p')).toEqual([]);
  });

  it('fcos: coreos-installer with a fixed URL, shell-quoted', () => {
    const parts = installToDisk({ flavor: 'fcos', ignitionUrl: 'http://m:8080/ignition?os=installed&x=1' });
    expect(parts.files[0].contents).toContain(
      "curl --fail --retry 10 'http://m:8080/ignition?os=installed&x=1' -o ignition.json\n",
    );
    expect(parts.files[0].contents).toContain('coreos-installer install /dev/sda --ignition-file ignition.json\n');
  });

  it('refuses a bad variable name: at once with a path, else where the parts are rendered', () => {
    expect(() => installToDisk({ flavor: 'flatcar', baseUrlVariable: 'x}}{{' }, 'lab/p')).toThrow(
      /\[lab\/p\] baseUrlVariable = .*template variable/,
    );
    const parts = installToDisk({ flavor: 'flatcar', baseUrlVariable: 'x}}{{' });
    expect(() => renderIgnition({ ...parts })).toThrow(
      /\[ignition\] files\[0\]\.installToDisk\.baseUrlVariable = .*template variable/,
    );
  });
});
