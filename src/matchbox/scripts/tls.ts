/** TLS for Matchbox's gRPC API: generated on the host with openssl, or written from given PEM text. */
import { script } from '../../lxd/cli';
import { shq } from '../../shell/quote';
import { atomicWrite, unique } from './helpers';

/** Where the host keeps Matchbox's TLS material. */
export const MATCHBOX_TLS_DIR = '/etc/matchbox';
/** TLS file names in {@link MATCHBOX_TLS_DIR} (Matchbox's defaults, plus the client pair). */
export const TLS_FILES = {
  ca: 'ca.crt',
  caKey: 'ca.key',
  serverCert: 'server.crt',
  serverKey: 'server.key',
  clientCert: 'client.crt',
  clientKey: 'client.key',
} as const;

/** A SAN entry: `IP:` for addresses, `DNS:` for names. */
export function subjectAltName(name: string): string {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(':') ? `IP:${name}` : `DNS:${name}`;
}

/**
 * Lines (of the install script) that generate the CA, the server pair and the client pair with
 * openssl, keeping existing ones. They set `restart=1` when a certificate was (re)made.
 */
export function tlsGenerate(g: { readonly serverNames: string[]; readonly days: number }): string[] {
  const d = MATCHBOX_TLS_DIR;
  const f = (name: string) => shq(`${d}/${name}`);
  const san = unique(g.serverNames.map(subjectAltName)).join(',');
  const sign = (name: 'server' | 'client', usage: string, subject: string, marker: string) => [
    `if [ ! -s ${f(`${name}.crt`)} ] || [ ! -s ${f(`${name}.key`)} ] || [ "$(cat ${f(`.${name}.names`)} 2>/dev/null || true)" != ${shq(marker)} ]; then`,
    `  openssl genrsa -out ${f(`${name}.key`)} 2048 2>/dev/null`,
    `  openssl req -new -key ${f(`${name}.key`)} -subj ${shq(subject)} -out ${f(`${name}.csr`)}`,
    `  printf '%s\\n' ${shq(name === 'server' ? `subjectAltName=${san}` : 'subjectAltName=DNS:matchbox-client')} 'basicConstraints=CA:FALSE' 'keyUsage=digitalSignature,keyEncipherment' ${shq(`extendedKeyUsage=${usage}`)} > ${f(`${name}.ext`)}`,
    `  openssl x509 -req -in ${f(`${name}.csr`)} -CA ${f('ca.crt')} -CAkey ${f('ca.key')} -set_serial "0x$(openssl rand -hex 16)" -days ${g.days} -sha256 -extfile ${f(`${name}.ext`)} -out ${f(`${name}.crt`)} 2>/dev/null`,
    `  rm -f ${f(`${name}.csr`)} ${f(`${name}.ext`)}`,
    `  printf '%s\\n' ${shq(marker)} > ${f(`.${name}.names`)}`,
    '  restart=1',
    'fi',
  ];
  return [
    'need openssl || { [ "$install_packages" = 1 ] && pkg_install openssl; }',
    `if [ ! -s ${f('ca.crt')} ] || [ ! -s ${f('ca.key')} ]; then`,
    `  openssl genrsa -out ${f('ca.key')} 4096 2>/dev/null`,
    `  openssl req -x509 -new -key ${f('ca.key')} -sha256 -days ${g.days} -subj /CN=matchbox-ca -out ${f('ca.crt')}`,
    `  rm -f ${f('server.crt')} ${f('client.crt')}`,
    'fi',
    ...sign('server', 'serverAuth', '/CN=matchbox-server', san),
    ...sign('client', 'clientAuth', '/CN=matchbox-client', 'client'),
    `chmod 0600 ${f('ca.key')} ${f('client.key')}`,
  ];
}

/** TLS material given by the user (PEM). */
export interface MatchboxTlsFiles {
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
}

/**
 * Writes given TLS material (read from this script, i.e. from stdin, never from a command line)
 * and restarts a running matchbox when it changed.
 */
export function tlsWrite(tls: MatchboxTlsFiles): string {
  const d = MATCHBOX_TLS_DIR;
  const opts = (mode: string) => ({ tmpDir: d, mode, onlyIfChanged: true });
  return script([
    'umask 077',
    'changed=0',
    `mkdir -p ${shq(d)}`,
    ...atomicWrite(`${d}/${TLS_FILES.ca}`, tls.caCert, opts('0644')),
    ...atomicWrite(`${d}/${TLS_FILES.serverCert}`, tls.serverCert, opts('0644')),
    ...atomicWrite(`${d}/${TLS_FILES.serverKey}`, tls.serverKey, opts('0600')),
    `if getent group matchbox >/dev/null 2>&1 || grep -q '^matchbox:' /etc/group; then chown root:matchbox ${shq(`${d}/${TLS_FILES.serverKey}`)}; chmod 0640 ${shq(`${d}/${TLS_FILES.serverKey}`)}; fi`,
    'if [ "$changed" = 1 ] && [ -d /run/systemd/system ]; then systemctl try-restart matchbox; fi',
  ]);
}

/** Removes TLS material written by {@link tlsWrite}. */
export function tlsDelete(): string {
  return script([
    `rm -f ${[TLS_FILES.ca, TLS_FILES.serverCert, TLS_FILES.serverKey].map((f) => shq(`${MATCHBOX_TLS_DIR}/${f}`)).join(' ')}`,
  ]);
}

/** The script (run on the host) that prints one TLS file, for fetching client credentials. */
export function tlsPrint(file: string): string {
  return script([`cat ${shq(`${MATCHBOX_TLS_DIR}/${file}`)}`]);
}
