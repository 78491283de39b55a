/**
 * Shell scripts that set up a Matchbox host: the matchbox binary and service, TLS for its gRPC
 * API, dnsmasq for PXE, NAT, asset prefetch, and the file-based data (profiles, groups, configs).
 * Pure: every function returns script text. Every script is idempotent, reads nothing but the
 * host, and writes each file atomically (a temporary file in the same file system, then `mv`).
 */
import { script } from '../lxd/cli';
import { heredoc, shellCommand, shq } from '../shell/quote';
import { DataFile } from './model';

/** Where the host keeps Matchbox's TLS material. */
export const MATCHBOX_TLS_DIR = '/etc/matchbox';
/** TLS file names in {@link MATCHBOX_TLS_DIR} (Matchbox's defaults, plus the client pair). */
export const TLS_FILES = {
  ca: 'ca.crt', caKey: 'ca.key', serverCert: 'server.crt', serverKey: 'server.key', clientCert: 'client.crt', clientKey: 'client.key',
} as const;

/** Temporary files of atomic writes go here (same file system as the target, never read by Matchbox). */
export const tmpDirOf = (dataDir: string): string => `${dataDir}/.cdktf-tmp`;

/** Shared shell helpers: `need CMD`, `pkg_install PKG...`, `fetch URL FILE`, `sha256_of FILE`. */
export const HELPERS: readonly string[] = [
  'need() { command -v "$1" >/dev/null 2>&1; }',
  'pkg_install() {',
  '  if need apt-get; then DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }',
  '  elif need dnf; then dnf install -y -q "$@" >/dev/null',
  '  elif need apk; then apk add -q --no-cache "$@"',
  '  else echo "cannot install $*: no apt-get, dnf or apk" >&2; return 1; fi',
  '}',
  'fetch() { if need curl; then curl -fsSL --retry 3 -o "$2" "$1"; else wget -q -O "$2" "$1"; fi; }',
  'sha256_of() { if need sha256sum; then sha256sum "$1" | cut -d" " -f1; else shasum -a 256 "$1" | cut -d" " -f1; fi; }',
];

/** Lines that put `contents` into the file `$tmp` byte for byte. */
function fillTmp(contents: string): string[] {
  // A here-document needs a final newline; anything else goes through printf, exactly.
  return contents.endsWith('\n') && !contents.includes('\0')
    ? [heredoc('cat > "$tmp"', contents)]
    : [`printf '%s' ${shq(contents)} > "$tmp"`];
}

/** Options of {@link atomicWrite}. */
export interface AtomicWriteOptions {
  /** Directory for the temporary file (same file system as the target). */
  readonly tmpDir: string;
  /** Octal mode, e.g. `0644`. @default '0644' */
  readonly mode?: string;
  /** `user:group` to own the file. @default - the script's user */
  readonly owner?: string;
  /** Only replace the file when its contents differ, and then set `changed=1`. @default false */
  readonly onlyIfChanged?: boolean;
  /** A command that checks the new file (`$tmp`) before it replaces the old one. @default none */
  readonly check?: string;
}

/** Lines that write `contents` to `target` atomically (temporary file + `mv`). */
export function atomicWrite(target: string, contents: string, o: AtomicWriteOptions): string[] {
  const lines = [
    `tmp=$(mktemp ${shq(`${o.tmpDir}/.write.XXXXXX`)})`,
    ...fillTmp(contents),
    `chmod ${o.mode ?? '0644'} "$tmp"`,
    ...(o.owner ? [`chown ${shq(o.owner)} "$tmp"`] : []),
    ...(o.check ? [`${o.check} || { rm -f "$tmp"; echo ${shq(`${target}: the new file failed its check; the old one is kept`)} >&2; exit 1; }`] : []),
  ];
  if (o.onlyIfChanged) {
    lines.push(`if cmp -s "$tmp" ${shq(target)}; then rm -f "$tmp"; else mv -f "$tmp" ${shq(target)}; changed=1; fi`);
  } else {
    lines.push(`mv -f "$tmp" ${shq(target)}`);
  }
  return lines;
}

/** Parent directory of a path. */
const dirOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';
const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

// ---------------------------------------------------------------------------------------------
// File-based data: profiles/<id>.json, groups/<id>.json, ignition/<id>.ign, generic/<id>, cloud/<id>
// ---------------------------------------------------------------------------------------------

/** Writes data files (paths relative to `dataDir`), each atomically; touches no other file. */
export function dataFilesConverge(dataDir: string, files: readonly DataFile[]): string {
  const targets = files.map((f) => `${dataDir}/${f.path}`);
  return script([
    'umask 022',
    `mkdir -p ${unique([tmpDirOf(dataDir), ...targets.map(dirOf)]).map(shq).join(' ')}`,
    ...files.flatMap((f, i) => atomicWrite(targets[i], f.contents, { tmpDir: tmpDirOf(dataDir) })),
  ]);
}

/** Removes exactly the given data files. */
export function dataFilesDelete(dataDir: string, paths: readonly string[]): string {
  return script([`rm -f ${paths.map((p) => shq(`${dataDir}/${p}`)).join(' ')}`]);
}

// ---------------------------------------------------------------------------------------------
// The matchbox binary, user, directories, TLS and service
// ---------------------------------------------------------------------------------------------

/** Everything the matchbox install script needs. */
export interface MatchboxInstallModel {
  /** Release version, e.g. `v0.11.0` (informational; the checksum decides). */
  readonly version: string;
  /** Download URL: a release tarball (`.tar.gz`/`.tgz`) or the bare binary. */
  readonly url: string;
  /** Expected SHA-256 (hex) of the download. */
  readonly sha256: string;
  /** Path of the binary inside the tarball, e.g. `matchbox-v0.11.0-linux-amd64/matchbox`. */
  readonly archiveMember: string;
  /** Where the binary is installed, e.g. `/usr/local/bin/matchbox`. */
  readonly binPath: string;
  readonly dataDir: string;
  readonly assetsDir: string;
  /** `-address`, e.g. `0.0.0.0:8080`. */
  readonly httpListen: string;
  /** `-rpc-address`, e.g. `0.0.0.0:8081`. */
  readonly grpcListen: string;
  /** `-log-level`. */
  readonly logLevel: string;
  /** Generate the CA and certificates (kept when present); otherwise they were written by {@link tlsWrite}. */
  readonly generateTls?: { readonly serverNames: readonly string[]; readonly days: number };
  /** Install curl/openssl through the package manager when missing. */
  readonly installPackages: boolean;
}

/** The matchbox command line (no secrets: only file paths). */
export function matchboxArgs(m: MatchboxInstallModel): string[] {
  return [
    m.binPath,
    `-address=${m.httpListen}`,
    `-rpc-address=${m.grpcListen}`,
    `-data-path=${m.dataDir}`,
    `-assets-path=${m.assetsDir}`,
    `-cert-file=${MATCHBOX_TLS_DIR}/${TLS_FILES.serverCert}`,
    `-key-file=${MATCHBOX_TLS_DIR}/${TLS_FILES.serverKey}`,
    `-ca-file=${MATCHBOX_TLS_DIR}/${TLS_FILES.ca}`,
    `-log-level=${m.logLevel}`,
  ];
}

/** The systemd unit of the matchbox service. */
export function matchboxUnit(m: MatchboxInstallModel): string {
  return [
    '[Unit]',
    'Description=Matchbox network boot and provisioning service (cdktf-lxd-matchbox)',
    'Documentation=https://matchbox.psdn.io',
    'Wants=network-online.target',
    'After=network-online.target',
    '',
    '[Service]',
    'User=matchbox',
    'Group=matchbox',
    `ExecStart=${shellCommand(matchboxArgs(m))}`,
    'Restart=on-failure',
    'ProtectHome=yes',
    'ProtectSystem=full',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

/** A SAN entry: `IP:` for addresses, `DNS:` for names. */
export function subjectAltName(name: string): string {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(':') ? `IP:${name}` : `DNS:${name}`;
}

/** Lines that generate the CA, the server pair and the client pair with openssl, keeping existing ones. */
function tlsGenerate(g: { readonly serverNames: readonly string[]; readonly days: number }): string[] {
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

/**
 * Installs matchbox: verifies the download's SHA-256 before installing anything, creates the
 * `matchbox` user and the data/assets directories, generates TLS material unless given, and runs
 * the service (a systemd unit when systemd is present, else a background process). It restarts
 * matchbox only when the binary, its command line or its certificates changed.
 */
export function matchboxInstall(m: MatchboxInstallModel): string {
  const marker = `${MATCHBOX_TLS_DIR}/.binary-sha256`;
  const archive = /\.(tar\.gz|tgz)$/.test(m.url.split('?')[0]);
  const dirs = [m.dataDir, m.assetsDir, tmpDirOf(m.dataDir), ...['profiles', 'groups', 'ignition', 'generic', 'cloud'].map((d) => `${m.dataDir}/${d}`)];
  const unitPath = '/etc/systemd/system/matchbox.service';
  const runner = `${MATCHBOX_TLS_DIR}/matchbox.cmdline`;
  return script([
    ...HELPERS,
    'umask 022',
    `install_packages=${m.installPackages ? 1 : 0}`,
    'restart=0; changed=0',
    `mkdir -p ${shq(MATCHBOX_TLS_DIR)} ${shq(dirOf(m.binPath))}`,
    `if [ "$(cat ${shq(marker)} 2>/dev/null || true)" != ${shq(m.sha256)} ] || [ ! -x ${shq(m.binPath)} ]; then`,
    '  need curl || need wget || { [ "$install_packages" = 1 ] && pkg_install curl ca-certificates; }',
    '  work=$(mktemp -d)',
    `  fetch ${shq(m.url)} "$work/download"`,
    '  got=$(sha256_of "$work/download")',
    `  if [ "$got" != ${shq(m.sha256)} ]; then`,
    `    rm -rf "$work"; echo ${shq(`matchbox ${m.version}: SHA-256 mismatch for ${m.url}: expected ${m.sha256}, got`)} "$got" '(nothing installed; set sha256 to the checksum of this download)' >&2; exit 1`,
    '  fi',
    ...(archive
      ? [`  tar -xzf "$work/download" -C "$work" ${shq(m.archiveMember)}`, `  src="$work/"${shq(m.archiveMember)}`]
      : ['  src="$work/download"']),
    `  cp "$src" ${shq(`${m.binPath}.new`)} && chmod 0755 ${shq(`${m.binPath}.new`)} && mv -f ${shq(`${m.binPath}.new`)} ${shq(m.binPath)}`,
    `  printf '%s\\n' ${shq(m.sha256)} > ${shq(marker)}`,
    '  rm -rf "$work"',
    '  restart=1',
    'fi',
    'if ! id matchbox >/dev/null 2>&1; then',
    '  if need useradd; then useradd --system --user-group --no-create-home --shell /bin/false matchbox',
    '  else addgroup -S matchbox && adduser -S -D -H -G matchbox -s /bin/false matchbox; fi',
    'fi',
    `mkdir -p ${unique(dirs).map(shq).join(' ')}`,
    // The gRPC API writes profiles and groups as the matchbox user.
    `chown matchbox:matchbox ${[m.dataDir, ...['profiles', 'groups', 'ignition', 'generic', 'cloud'].map((d) => `${m.dataDir}/${d}`)].map(shq).join(' ')}`,
    ...(m.generateTls ? tlsGenerate(m.generateTls) : [
      `for f in ${[TLS_FILES.ca, TLS_FILES.serverCert, TLS_FILES.serverKey].map((x) => shq(`${MATCHBOX_TLS_DIR}/${x}`)).join(' ')}; do`,
      '  [ -s "$f" ] || { echo "matchbox: $f is missing (the tls object writes it)" >&2; exit 1; }',
      'done',
    ]),
    `chown root:matchbox ${shq(`${MATCHBOX_TLS_DIR}/${TLS_FILES.serverKey}`)} && chmod 0640 ${shq(`${MATCHBOX_TLS_DIR}/${TLS_FILES.serverKey}`)}`,
    'if [ -d /run/systemd/system ]; then',
    ...atomicWrite(unitPath, matchboxUnit(m), { tmpDir: dirOf(unitPath), onlyIfChanged: true }).map((l) => `  ${l}`),
    '  if [ "$changed" = 1 ]; then systemctl daemon-reload; restart=1; fi',
    '  systemctl enable matchbox >/dev/null 2>&1',
    '  if [ "$restart" = 1 ]; then systemctl restart matchbox; else systemctl start matchbox; fi',
    'else',
    // No init system to speak of (e.g. a minimal container): a background process, as root.
    ...atomicWrite(runner, `${shellCommand(matchboxArgs(m))}\n`, { tmpDir: MATCHBOX_TLS_DIR, onlyIfChanged: true }).map((l) => `  ${l}`),
    '  pid=$(cat /run/matchbox.pid 2>/dev/null || true)',
    '  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then',
    '    if [ "$changed" = 1 ] || [ "$restart" = 1 ]; then kill "$pid"; sleep 1; pid=; fi',
    '  else pid=; fi',
    `  if [ -z "$pid" ]; then nohup ${shellCommand(matchboxArgs(m))} >>/var/log/matchbox.log 2>&1 </dev/null & echo $! > /run/matchbox.pid; fi`,
    'fi',
  ]);
}

/** Stops and removes the service and the binary; keeps the data directory and the TLS material. */
export function matchboxUninstall(binPath: string): string {
  return script([
    'if [ -d /run/systemd/system ]; then',
    '  systemctl disable --now matchbox >/dev/null 2>&1 || true',
    '  rm -f /etc/systemd/system/matchbox.service',
    '  systemctl daemon-reload',
    'else',
    '  pid=$(cat /run/matchbox.pid 2>/dev/null || true)',
    '  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi',
    `  rm -f /run/matchbox.pid ${shq(`${MATCHBOX_TLS_DIR}/matchbox.cmdline`)}`,
    'fi',
    `rm -f ${shq(binPath)} ${shq(`${MATCHBOX_TLS_DIR}/.binary-sha256`)}`,
  ]);
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
  return script([`rm -f ${[TLS_FILES.ca, TLS_FILES.serverCert, TLS_FILES.serverKey].map((f) => shq(`${MATCHBOX_TLS_DIR}/${f}`)).join(' ')}`]);
}

/** The script (run on the host) that prints one TLS file, for fetching client credentials. */
export function tlsPrint(file: string): string {
  return script([`cat ${shq(`${MATCHBOX_TLS_DIR}/${file}`)}`]);
}

// ---------------------------------------------------------------------------------------------
// dnsmasq for PXE
// ---------------------------------------------------------------------------------------------

/** Everything the dnsmasq script needs. */
export interface DnsmasqInstallModel {
  /** Rendered configuration (src/dnsmasq). */
  readonly config: string;
  /** Configuration file, e.g. `/etc/dnsmasq.d/matchbox.conf`. */
  readonly confPath: string;
  /** TFTP root holding the iPXE first stage. */
  readonly tftpRoot: string;
  /** Boot files to provide in the TFTP root (`undionly.kpxe`, `ipxe.efi`). */
  readonly bootFiles: readonly string[];
  /** Where to download a boot file the `ipxe` package does not provide, e.g. `https://boot.ipxe.org`. */
  readonly ipxeBaseUrl: string;
  /** Install dnsmasq and iPXE through the package manager when missing. */
  readonly installPackages: boolean;
}

const DNSMASQ_RESTART = 'if [ -d /run/systemd/system ]; then systemctl restart dnsmasq; elif need rc-service; then rc-service dnsmasq restart; else service dnsmasq restart; fi';

/**
 * Installs dnsmasq and the iPXE first stage, writes the configuration atomically after
 * `dnsmasq --test` accepted it, and restarts dnsmasq only when the configuration changed.
 */
export function dnsmasqConverge(d: DnsmasqInstallModel): string {
  const candidates = (f: string) => unique([`/usr/lib/ipxe/${f}`, `/usr/share/ipxe/${f}`, ...(f === 'ipxe.efi' ? ['/usr/share/ipxe/ipxe-x86_64.efi', '/usr/lib/ipxe/ipxe-x86_64.efi'] : [])]);
  const confDir = dirOf(d.confPath);
  return script([
    ...HELPERS,
    'umask 022',
    'changed=0',
    `if ! need dnsmasq; then [ ${d.installPackages ? 1 : 0} = 1 ] && pkg_install dnsmasq; fi`,
    `mkdir -p ${shq(d.tftpRoot)} ${shq(confDir)}`,
    ...d.bootFiles.flatMap((f) => [
      `if [ ! -s ${shq(`${d.tftpRoot}/${f}`)} ]; then`,
      `  src=; for c in ${candidates(f).map(shq).join(' ')}; do [ -s "$c" ] && { src=$c; break; }; done`,
      `  if [ -z "$src" ] && [ ${d.installPackages ? 1 : 0} = 1 ]; then { need apt-get && pkg_install ipxe; } || { need dnf && pkg_install ipxe-bootimgs-x86; } || { need apk && pkg_install ipxe; } || true; for c in ${candidates(f).map(shq).join(' ')}; do [ -s "$c" ] && { src=$c; break; }; done; fi`,
      `  tmp=$(mktemp ${shq(`${d.tftpRoot}/.write.XXXXXX`)})`,
      `  if [ -n "$src" ]; then cp "$src" "$tmp"; else fetch ${shq(`${d.ipxeBaseUrl}/${f}`)} "$tmp"; fi`,
      `  chmod 0644 "$tmp" && mv -f "$tmp" ${shq(`${d.tftpRoot}/${f}`)}`,
      'fi',
    ]),
    ...atomicWrite(d.confPath, d.config, { tmpDir: confDir, onlyIfChanged: true, check: 'dnsmasq --test --conf-file="$tmp" >/dev/null 2>&1' }),
    'if [ -d /run/systemd/system ]; then systemctl enable dnsmasq >/dev/null 2>&1 || true; fi',
    'if [ "$changed" = 1 ]; then',
    `  ${DNSMASQ_RESTART}`,
    'elif [ -d /run/systemd/system ]; then systemctl start dnsmasq; fi',
  ]);
}

/** Removes the configuration and the boot files this setup wrote, then restarts dnsmasq. */
export function dnsmasqDelete(confPath: string, tftpRoot: string, bootFiles: readonly string[]): string {
  return script([
    'need() { command -v "$1" >/dev/null 2>&1; }',
    `rm -f ${shq(confPath)} ${bootFiles.map((f) => shq(`${tftpRoot}/${f}`)).join(' ')}`,
    `if need dnsmasq; then ${DNSMASQ_RESTART} || true; fi`,
  ]);
}

// ---------------------------------------------------------------------------------------------
// Gateway: IPv4 forwarding and masquerade (seed 003's server_enable_forward)
// ---------------------------------------------------------------------------------------------

/** The iptables rule arguments (after `-t nat -A|-C|-D`). */
export function masqueradeRule(sourceCidr: string, outInterface: string): string[] {
  return ['POSTROUTING', '-s', sourceCidr, '!', '-d', sourceCidr, '-o', outInterface, '-j', 'MASQUERADE'];
}

const FORWARD_SYSCTL = '/etc/sysctl.d/90-cdktf-matchbox-forward.conf';
const NAT_UNIT = '/etc/systemd/system/cdktf-matchbox-nat.service';

/** Turns on IPv4 forwarding (now and at boot) and masquerades `sourceCidr` out of `outInterface`. */
export function natConverge(sourceCidr: string, outInterface: string): string {
  const rule = shellCommand(masqueradeRule(sourceCidr, outInterface));
  const unit = [
    '[Unit]', 'Description=Masquerade for the Matchbox PXE network (cdktf-lxd-matchbox)', 'After=network.target', '',
    '[Service]', 'Type=oneshot', 'RemainAfterExit=yes',
    `ExecStart=/bin/sh -c ${shq(`iptables -t nat -C ${rule} 2>/dev/null || iptables -t nat -A ${rule}`)}`,
    `ExecStop=/bin/sh -c ${shq(`iptables -t nat -D ${rule} 2>/dev/null || true`)}`, '',
    '[Install]', 'WantedBy=multi-user.target', '',
  ].join('\n');
  return script([
    ...HELPERS,
    'umask 022',
    'changed=0',
    'need iptables || pkg_install iptables',
    ...atomicWrite(FORWARD_SYSCTL, 'net.ipv4.ip_forward = 1\n', { tmpDir: '/etc/sysctl.d', onlyIfChanged: true }),
    'sysctl -w net.ipv4.ip_forward=1 >/dev/null',
    `iptables -t nat -C ${rule} 2>/dev/null || iptables -t nat -A ${rule}`,
    'if [ -d /run/systemd/system ]; then',
    ...atomicWrite(NAT_UNIT, unit, { tmpDir: '/etc/systemd/system', onlyIfChanged: true }).map((l) => `  ${l}`),
    '  systemctl daemon-reload && systemctl enable cdktf-matchbox-nat.service >/dev/null 2>&1',
    'fi',
  ]);
}

/** Removes the masquerade rule, the boot-time unit and the sysctl file (forwarding stays on until reboot). */
export function natDelete(sourceCidr: string, outInterface: string): string {
  return script([
    `iptables -t nat -D ${shellCommand(masqueradeRule(sourceCidr, outInterface))} 2>/dev/null || true`,
    `if [ -d /run/systemd/system ] && [ -f ${shq(NAT_UNIT)} ]; then systemctl disable cdktf-matchbox-nat.service >/dev/null 2>&1 || true; rm -f ${shq(NAT_UNIT)}; systemctl daemon-reload; fi`,
    `rm -f ${shq(FORWARD_SYSCTL)}`,
  ]);
}

// ---------------------------------------------------------------------------------------------
// Assets
// ---------------------------------------------------------------------------------------------

/** One file to prefetch into the assets directory. */
export interface AssetFile {
  /** Download URL. */
  readonly url: string;
  /** Path under the assets directory, e.g. `flatcar/current/flatcar_production_pxe.vmlinuz`. */
  readonly path: string;
  /** Expected SHA-256 (hex). @default none (not checked) */
  readonly sha256?: string;
}

/** Flatcar Container Linux PXE and install images (matchbox's `scripts/get-flatcar` layout). */
export interface FlatcarAssets {
  readonly os: 'flatcar';
  /** `stable`, `beta` or `alpha`. @default 'stable' */
  readonly channel?: string;
  /** A version such as `3815.2.5`, or `current`. @default 'current' */
  readonly version?: string;
}

/** Fedora CoreOS live PXE images (matchbox's `scripts/get-fedora-coreos` layout). */
export interface FedoraCoreosAssets {
  readonly os: 'fedora-coreos';
  /** `stable`, `testing` or `next`. @default 'stable' */
  readonly stream?: string;
  /** A build such as `40.20240416.3.1` (FCOS has no `current` alias). */
  readonly version: string;
  /** @default 'x86_64' */
  readonly arch?: string;
}

/** An OS whose boot images to prefetch. */
export type AssetPrefetch = FlatcarAssets | FedoraCoreosAssets;

/** The files of a prefetch, with the paths Matchbox serves them under (`/assets/<path>`). */
export function prefetchFiles(p: AssetPrefetch): AssetFile[] {
  if (p.os === 'flatcar') {
    const version = p.version ?? 'current';
    const base = `https://${p.channel ?? 'stable'}.release.flatcar-linux.net/amd64-usr/${version}`;
    return [
      'version.txt',
      'flatcar_production_pxe.vmlinuz', 'flatcar_production_pxe.vmlinuz.sig',
      'flatcar_production_pxe_image.cpio.gz', 'flatcar_production_pxe_image.cpio.gz.sig',
      'flatcar_production_image.bin.bz2', 'flatcar_production_image.bin.bz2.sig',
    ].map((f) => ({
      // The PXE kernel's signature is published as flatcar_production_image.vmlinuz.sig.
      url: `${base}/${f === 'flatcar_production_pxe.vmlinuz.sig' ? 'flatcar_production_image.vmlinuz.sig' : f}`,
      path: `flatcar/${version}/${f}`,
    }));
  }
  const arch = p.arch ?? 'x86_64';
  const base = `https://builds.coreos.fedoraproject.org/prod/streams/${p.stream ?? 'stable'}/builds/${p.version}/${arch}`;
  const name = `fedora-coreos-${p.version}`;
  return [
    { url: `${base}/${name}-live-kernel.${arch}`, path: `fedora-coreos/${name}-live-kernel-${arch}` },
    { url: `${base}/${name}-live-initramfs.${arch}.img`, path: `fedora-coreos/${name}-live-initramfs.${arch}.img` },
    { url: `${base}/${name}-live-rootfs.${arch}.img`, path: `fedora-coreos/${name}-live-rootfs.${arch}.img` },
  ];
}

/** Downloads missing assets (checksum-verified when a SHA-256 is given), each atomically. */
export function assetsConverge(assetsDir: string, files: readonly AssetFile[]): string {
  return script([
    ...HELPERS,
    'umask 022',
    `mkdir -p ${unique([`${assetsDir}/.cdktf-tmp`, ...files.map((f) => dirOf(`${assetsDir}/${f.path}`))]).map(shq).join(' ')}`,
    'need curl || need wget || pkg_install curl ca-certificates',
    ...files.flatMap((f) => {
      const target = `${assetsDir}/${f.path}`;
      return [
        `if [ ! -s ${shq(target)} ]; then`,
        `  tmp=$(mktemp ${shq(`${assetsDir}/.cdktf-tmp/.fetch.XXXXXX`)})`,
        `  fetch ${shq(f.url)} "$tmp" || { rm -f "$tmp"; echo ${shq(`cannot download ${f.url}`)} >&2; exit 1; }`,
        ...(f.sha256 ? [`  [ "$(sha256_of "$tmp")" = ${shq(f.sha256)} ] || { rm -f "$tmp"; echo ${shq(`SHA-256 mismatch for ${f.url}`)} >&2; exit 1; }`] : []),
        `  chmod 0644 "$tmp" && mv -f "$tmp" ${shq(target)}`,
        'fi',
      ];
    }),
  ]);
}

/** Removes exactly the prefetched files. */
export function assetsDelete(assetsDir: string, files: readonly AssetFile[]): string {
  return script([`rm -f ${files.map((f) => shq(`${assetsDir}/${f.path}`)).join(' ')}`]);
}
