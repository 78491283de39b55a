/**
 * MatchboxProfile: a templated raw Ignition names the template actions as its value, and
 * installToDisk reports a quote in a templated URL as a problem with path, property, value and fix.
 */
import { installToDisk, MatchboxProfile, MatchboxServer, renderIgnition } from '../../../index';
import { checkInstallToDisk } from '../../../src/ignition/install';
import { expectAccepted, expectRejected, expectProblem, validationErrorOf } from '../../helpers';

const SHA = 'a'.repeat(64);

describe('MatchboxProfile raw ignition with template actions', () => {
  it('names the actions, even when they sit past the start of a long config', () => {
    const units = Array.from({ length: 5 }, (_, i) => ({
      name: `unit-${i}.service`,
      contents: `[Service]\nExecStart=/bin/true ${i}\n`,
    }));
    expectRejected(
      ({ stack, host }) => {
        const server = new MatchboxServer(stack, 'mb', { host, address: '192.168.0.1', sha256: SHA });
        new MatchboxProfile(stack, 'p', {
          server,
          ignition: {
            units,
            users: [{ name: 'core', sshAuthorizedKeys: ['{{.ssh_authorized_key}}', '{{ .other }}'] }],
          },
        });
      },
      {
        path: 'lab/p',
        property: 'ignition',
        value: '{{.ssh_authorized_key}} {{ .other }}',
        reason: /machines would get \{\{\.ssh_authorized_key\}\} literally/,
        fix: /as `generic`/,
      },
    );
  });

  it('names them in a raw JSON string too', () => {
    expectRejected(
      ({ stack, host }) => {
        const server = new MatchboxServer(stack, 'mb', { host, address: '192.168.0.1', sha256: SHA });
        new MatchboxProfile(stack, 'p', {
          server,
          ignition: '{"ignition":{"version":"3.3.0"},"passwd":{"users":[{"name":"{{.user}}"}]}}',
        });
      },
      { path: 'lab/p', property: 'ignition', value: '{{.user}}', fix: /generic/ },
    );
  });

  it('accepts the same config as generic', () => {
    expectAccepted(({ stack, host }) => {
      const server = new MatchboxServer(stack, 'mb', { host, address: '192.168.0.1', sha256: SHA });
      new MatchboxProfile(stack, 'p', {
        server,
        generic: { users: [{ name: 'core', sshAuthorizedKeys: ['{{.ssh_authorized_key}}'] }] },
      });
    });
  });
});

describe('installToDisk', () => {
  const url = "http://matchbox:8080/ignition?{{.request.raw_query}}&note='x'";

  it('reports a quote in a templated ignitionUrl as a ValidationError naming path, property, value and fix', () => {
    const err = validationErrorOf(() => installToDisk({ flavor: 'flatcar', ignitionUrl: url }, 'lab/p'));
    expectProblem(err, { path: 'lab/p', property: 'ignitionUrl', value: url, reason: /single quote/, fix: /%27/ });
    expect(err.problems).toHaveLength(1);
  });

  it('without a path, the profile that uses the parts reports the problems with its own construct path', () => {
    const parts = installToDisk({ flavor: 'flatcar', ignitionUrl: url, baseUrlVariable: 'x}}{{' });
    const err = expectRejected(
      ({ stack, host }) => {
        const server = new MatchboxServer(stack, 'mb', { host, address: '192.168.0.1', sha256: SHA });
        new MatchboxProfile(stack, 'install', { server, generic: { users: [{ name: 'core' }], ...parts } });
      },
      {
        path: 'lab/install',
        property: 'generic.files[0].installToDisk.ignitionUrl',
        value: url,
        reason: /single quote/,
        fix: /%27/,
      },
    );
    expectProblem(err, {
      path: 'lab/install',
      property: 'generic.files[0].installToDisk.baseUrlVariable',
      value: 'x}}{{',
      reason: /not a template variable name/,
      fix: /baseurl/,
    });
    // Rendered on its own, the Ignition config reports them against the renderer's path.
    expectProblem(
      validationErrorOf(() => renderIgnition({ ...parts })),
      { path: 'ignition', property: 'files[0].installToDisk.ignitionUrl', value: url },
    );
  });

  it('writes nothing: the error comes before any profile exists', () => {
    expectRejected(
      ({ stack, host }) => {
        const server = new MatchboxServer(stack, 'mb', { host, address: '192.168.0.1', sha256: SHA });
        new MatchboxProfile(stack, 'p', {
          server,
          generic: { ...installToDisk({ flavor: 'fcos', ignitionUrl: url }, 'lab/p') },
        });
      },
      { path: 'lab/p', property: 'ignitionUrl', value: url, fix: /percent-encode/ },
    );
  });

  it('accepts a quote in a plain URL (it is shell-quoted) and a templated URL without one', () => {
    expect(checkInstallToDisk({ flavor: 'fcos', ignitionUrl: "http://m:8080/ignition?a='b'" })).toEqual([]);
    expect(
      checkInstallToDisk({
        flavor: 'flatcar',
        ignitionUrl: 'http://m:8080/ignition?{{.request.raw_query}}%27',
        baseUrlVariable: 'baseurl',
      }),
    ).toEqual([]);
  });
});

describe('installToDisk with a NUL byte', () => {
  it('is reported by the profile that uses the parts, with its path', () => {
    expectRejected(
      ({ stack, host }) => {
        const server = new MatchboxServer(stack, 'mb', { host, address: '192.168.0.1', sha256: SHA });
        new MatchboxProfile(stack, 'install', {
          server,
          generic: { ...installToDisk({ flavor: 'fcos', device: '/dev/vda\0' }) },
        });
      },
      {
        path: 'lab/install',
        property: 'generic.files[0].installToDisk.device',
        value: '/dev/vda\0',
        reason: /NUL byte/,
        fix: /remove the NUL byte/,
      },
    );
  });
});
