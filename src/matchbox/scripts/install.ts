/** The matchbox binary, user, directories and service. */
import { script } from '../../lxd/cli';
import { shellCommand, shq } from '../../shell/quote';
import { atomicWrite, dirOf, HELPERS, tmpDirOf, unique } from './helpers';
import { MATCHBOX_TLS_DIR, TLS_FILES, tlsGenerate } from './tls';

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
  readonly generateTls?: { readonly serverNames: string[]; readonly days: number };
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

/**
 * Installs matchbox: verifies the download's SHA-256 before installing anything, creates the
 * `matchbox` user and the data/assets directories, generates TLS material unless given, and runs
 * the service (a systemd unit when systemd is present, else a background process). It restarts
 * matchbox only when the binary, its command line or its certificates changed.
 */
export function matchboxInstall(m: MatchboxInstallModel): string {
  const marker = `${MATCHBOX_TLS_DIR}/.binary-sha256`;
  const archive = /\.(tar\.gz|tgz)$/.test(m.url.split('?')[0]);
  const dirs = [
    m.dataDir,
    m.assetsDir,
    tmpDirOf(m.dataDir),
    ...['profiles', 'groups', 'ignition', 'generic', 'cloud'].map((d) => `${m.dataDir}/${d}`),
  ];
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
    ...(m.generateTls
      ? tlsGenerate(m.generateTls)
      : [
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
    ...atomicWrite(runner, `${shellCommand(matchboxArgs(m))}\n`, { tmpDir: MATCHBOX_TLS_DIR, onlyIfChanged: true }).map(
      (l) => `  ${l}`,
    ),
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
