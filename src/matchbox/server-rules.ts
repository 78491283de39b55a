import { checkConfPath } from '../dnsmasq/validate';
import { allOf, Rule, rule } from '../validation/rule';
import { isPlainWord, isPort, oneOf, relativePath } from '../validation/rules';

/** Rule: a directory of the server (`-data-path`, the binary's path...): absolute, without a trailing slash. */
export const checkServerDirectory: Rule<unknown> = allOf(
  checkConfPath,
  rule(
    (v) => v !== '/' && !(v as string).endsWith('/'),
    'not a directory path without a trailing slash',
    'use e.g. /var/lib/matchbox',
  ),
);

/** Rule: the binary's path inside the release tarball. */
export const checkArchiveMember: Rule<unknown> = relativePath(
  'not a relative path inside the tarball',
  'use e.g. matchbox-v0.11.0-linux-amd64/matchbox',
);

/** Rule: the HTTP or gRPC port of a server that runs already. */
export const checkServerPort: Rule<unknown> = rule(isPort, 'not a TCP port', 'use 1 to 65535, e.g. 8080');

/** Rule: Matchbox's log level. */
export const checkLogLevel: Rule<unknown> = oneOf(['debug', 'info', 'warn', 'error'], 'log level');

/** Rule: the OS of an image prefetch. */
export const checkPrefetchOs: Rule<unknown> = oneOf(['flatcar', 'fedora-coreos'], 'OS');

/** Rule: a word of an image prefetch (`key`: channel, stream, version or arch) for `os`. */
export function checkPrefetchWord(key: string, os: string): Rule<unknown> {
  return rule(
    isPlainWord,
    `not a ${key}`,
    os === 'flatcar' ? 'use e.g. stable / current or 3815.2.5' : 'use e.g. stable / 40.20240416.3.1',
  );
}
