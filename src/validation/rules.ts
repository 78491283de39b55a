import { checkHostCidr, checkIpv4, parseCidr } from '../net/ipv4';
import { checkIpv6Cidr } from '../net/ipv6';
import { checkMac } from '../net/mac';
import { matching, Rule, rule } from './rule';

/** `a, b or c`. */
export function orList(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** One of `values` (`unknown <what>`; by default the fix lists them: `use a, b or c`). */
export function oneOf(values: readonly string[], what: string, fix = `use ${orList(values)}`): Rule<unknown> {
  return rule((v) => typeof v === 'string' && values.includes(v), `unknown ${what}`, fix);
}

/** A whole number from `min` to `max`. */
export function wholeNumber(min: number, max: number, reason: string, fix: string): Rule<unknown> {
  return rule((v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max, reason, fix);
}

/** True for a TCP/UDP port number, 1-65535. */
export function isPort(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** Rule: a TCP port number. */
export const tcpPort: Rule<unknown> = rule(isPort, 'not a TCP port', 'use 1-65535');

/** Rule: a boolean flag; from JavaScript, `protect: 'no'` would otherwise count as true. `name` is the prop. */
export function booleanFlag(name: string): Rule<unknown> {
  return (value) =>
    value === undefined || typeof value === 'boolean'
      ? undefined
      : {
          reason: `not a boolean but ${value === null ? 'null' : `a ${typeof value}`}, which would count as ${value ? 'true' : 'false'}`,
          fix: `use true or false (or leave ${name} out)`,
        };
}

/** Rule: a non-empty value of one line (no line break, no NUL byte). */
export function singleLine(fix: string): Rule<unknown> {
  return rule(
    (v) => typeof v === 'string' && v.length > 0 && !/[\n\0]/.test(v),
    'must be a non-empty single-line value',
    fix,
  );
}

// Names and paths

/** A letter or digit, then letters, digits, `.`, `_` or `-` (a channel, a version, a release word). */
const PLAIN_WORD = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** True for a plain word: a letter or digit, then letters, digits, `.`, `_` or `-`. */
export function isPlainWord(value: unknown): boolean {
  return typeof value === 'string' && PLAIN_WORD.test(value);
}

/** True for a relative path of plain names (`a/b.c`): no leading `/`, no `..` step, no spaces or quotes. */
export function isRelativePath(value: unknown): boolean {
  return (
    typeof value === 'string' && /^[A-Za-z0-9_.+-][A-Za-z0-9_.+/-]*$/.test(value) && !value.split('/').includes('..')
  );
}

/** Rule: a relative path of plain names (see {@link isRelativePath}). */
export function relativePath(reason: string, fix: string): Rule<unknown> {
  return rule(isRelativePath, reason, fix);
}

/** Rule: a path of letters, digits and `. _ / -` only (it is written into commands unquoted-safe). */
export const plainPath: Rule<unknown> = matching(
  /^[A-Za-z0-9_./-]+$/,
  'not a plain path',
  'use letters, digits and . _ / -',
);

/** Rule: an absolute path (starts with `/`). */
export function absolutePath(reason: string, fix: string): Rule<unknown> {
  return rule((v) => typeof v === 'string' && v.startsWith('/'), reason, fix);
}

// Hosts, addresses and URLs

/** Rule: a DNS domain of dot-separated labels (`my-lxd.test`). */
export const dnsDomain: Rule<unknown> = matching(
  /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/,
  'not a DNS domain',
  'use e.g. my-lxd.test',
);

/** Rule: an IP address or DNS name that machines reach a server at. */
export const hostAddress: Rule<unknown> = matching(
  /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/,
  'not an IP address or DNS name',
  'use e.g. 192.168.0.1 or matchbox.lab.test',
);

/** `[host]:port` (the host may be empty, an IPv6 address in brackets, or a name): the port, or undefined. */
export function listenPort(value: unknown): number | undefined {
  const m = typeof value === 'string' ? /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]*):(\d{1,5})$/.exec(value) : null;
  return m ? Number(m[2]) : undefined;
}

/** Rule: a listen address `[host]:port` with a port in 1-65535. */
export const listenAddress: Rule<unknown> = rule(
  (v) => isPort(listenPort(v)),
  'not a listen address [host]:port',
  'use e.g. 0.0.0.0:8080 or :8080',
);

/** Rule: `host:port` of a gRPC API (any port of up to five digits). */
export const grpcEndpoint: Rule<unknown> = rule(
  (v) => listenPort(v) !== undefined,
  'not a gRPC host:port',
  'use e.g. 192.168.0.1:8081',
);

/** True for an `http://` or `https://` URL of one word (no spaces, quotes or backslashes). */
export function isHttpUrl(value: unknown): boolean {
  return typeof value === 'string' && /^https?:\/\/[^\s'"`\\]+$/.test(value);
}

/** Rule: an http(s) URL (see {@link isHttpUrl}). */
export function httpUrl(fix: string): Rule<unknown> {
  return rule(isHttpUrl, 'not an http(s) URL', fix);
}

/** Rule: an http(s) base URL, without a trailing slash (paths are appended to it). */
export function httpBaseUrl(fix: string): Rule<unknown> {
  return rule((v) => isHttpUrl(v) && !(v as string).endsWith('/'), 'not an http(s) URL without a trailing slash', fix);
}

/** True for `https://HOST[:PORT]`, HOST a name, an IPv4 address or an IPv6 address in brackets. */
export function isHttpsAddress(value: unknown): boolean {
  return typeof value === 'string' && /^https:\/\/(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/.test(value);
}

/** Rule: a dotted-quad IPv4 address (see src/net/ipv4). */
export const ipv4Address: Rule<unknown> = checkIpv4;
/** Rule: an IPv4 CIDR with a usable host address, e.g. a gateway `10.0.0.1/24` (see src/net/ipv4). */
export const hostCidr: Rule<unknown> = checkHostCidr;
/** Rule: any IPv4 CIDR (`192.168.0.0/24`). */
export const ipv4Cidr: Rule<unknown> = rule(
  (v) => typeof v === 'string' && parseCidr(v) !== undefined,
  'not an IPv4 CIDR',
  'use e.g. 192.168.0.0/24',
);
/** Rule: an IPv6 address with prefix (see src/net/ipv6). */
export const ipv6Cidr: Rule<unknown> = checkIpv6Cidr;
/** Rule: a unicast MAC address (see src/net/mac). */
export const macAddress: Rule<unknown> = checkMac;

// Secrets and checksums

/** Rule: a SHA-256 checksum, 64 hex digits. */
export const sha256Hex: Rule<unknown> = matching(
  /^[0-9a-fA-F]{64}$/,
  'not a SHA-256 checksum (64 hex digits)',
  'copy the sha256 of the release tarball',
);

/** The PEM blocks {@link pemBlock} tells apart. */
export type PemKind = 'certificate' | 'private key';
const PEM: Record<PemKind, RegExp> = {
  certificate: /-----BEGIN CERTIFICATE-----/,
  'private key': /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/,
};

/** Rule: PEM text holding a block of `kind`. */
export function pemBlock(kind: PemKind): Rule<unknown> {
  return rule(
    (v) => typeof v === 'string' && PEM[kind].test(v),
    'not a PEM block of the expected kind',
    'pass the PEM text, e.g. fs.readFileSync("ca.crt", "utf8") or a sensitive TerraformVariable',
  );
}
