import { MatchboxGroupSpec } from '../../../src/matchbox/model';
import { groupMatches, labelsFromQuery, orderGroups, selectGroup, selectorString } from '../../../src/matchbox/select';
import { SEED003 } from './seed003.fixture';

const g = (id: string, selector?: Record<string, string>): MatchboxGroupSpec => ({ id, profile: 'p', selector });

describe('selectorString', () => {
  it('sorts k=v pairs and normalizes mac', () => {
    expect(selectorString({ os: 'installed', mac: '52-54-00-89-D8-10' })).toBe('mac=52:54:00:89:d8:10,os=installed');
    expect(selectorString(undefined)).toBe('');
  });
});

describe('orderGroups (sort.Reverse(ByReqs))', () => {
  it('most selector pairs first, then the selector string that sorts last, default group last', () => {
    const groups = [
      g('default'),
      g('a', { a: 'b' }),
      g('ac', { a: 'b', c: 'd' }),
      g('ad', { a: 'd', c: 'd' }),
      g('z', { z: '1' }),
      g('B', { B: 'x' }),
    ];
    // ByReqs doc: {a:b,c:d} sorts after {a:b} and before {a:d,c:d}; reversed here.
    expect(orderGroups(groups).map((x) => x.id)).toEqual(['ad', 'ac', 'z', 'a', 'B', 'default']);
  });

  it('compares like Go strings (byte order: upper-case before lower-case)', () => {
    expect(orderGroups([g('lower', { k: 'a' }), g('upper', { k: 'Z' })]).map((x) => x.id)).toEqual(['lower', 'upper']);
  });
});

describe('labelsFromQuery', () => {
  it('takes all parameters, first value only, and normalizes mac (dropping a bad one)', () => {
    expect(labelsFromQuery('?uuid=u1&mac=52-54-00-89-D8-10&os=installed&os=other&hostname=')).toEqual({
      uuid: 'u1',
      mac: '52:54:00:89:d8:10',
      os: 'installed',
      hostname: '',
    });
    expect(labelsFromQuery('mac=not-a-mac&x=1')).toEqual({ x: '1' });
    expect(labelsFromQuery('MAC=52-54-00-89-d8-10')).toEqual({ MAC: '52:54:00:89:d8:10' });
  });
});

describe('selectGroup', () => {
  const groups = [
    g('default'),
    g('mac', { mac: '52:54:00:89:d8:10' }),
    g('installed', { os: 'installed' }),
    g('both', { mac: '52-54-00-89-d8-10', os: 'installed' }),
  ];

  it('the most specific matching group wins; extra labels are ignored', () => {
    const labels = labelsFromQuery('uuid=x&mac=52-54-00-89-d8-10&domain=&hostname=&serial=&arch=i386');
    expect(selectGroup(groups, labels)?.id).toBe('mac');
    expect(selectGroup(groups, { ...labels, os: 'installed' })?.id).toBe('both');
    expect(selectGroup(groups, { os: 'installed' })?.id).toBe('installed');
    expect(selectGroup(groups, { mac: '00:00:00:00:00:01' })?.id).toBe('default');
  });

  it('keys and values are case-sensitive, no globbing', () => {
    expect(groupMatches(g('x', { os: 'installed' }), { OS: 'installed' })).toBe(false);
    expect(groupMatches(g('x', { os: 'installed' }), { os: 'Installed' })).toBe(false);
    expect(groupMatches(g('x', { os: 'inst*' }), { os: 'installed' })).toBe(false);
  });

  it('no match without a default group', () => {
    expect(selectGroup([g('a', { a: '1' })], {})).toBeUndefined();
  });

  it("seed 003: PXE requests get coreos-install, the installer's ?os=installed gets simple", () => {
    expect(selectGroup(SEED003.groups, labelsFromQuery('uuid=u&mac=52-54-00-00-00-01'))?.profile).toBe(
      'coreos-install',
    );
    expect(selectGroup(SEED003.groups, labelsFromQuery('os=installed'))?.profile).toBe('simple');
  });
});
