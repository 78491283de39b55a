/** dnsmasq for PXE: the package, the iPXE first stage in the TFTP root, and the configuration. */
import { script } from '../../lxd/cli';
import { shq } from '../../shell/quote';
import { atomicWrite, dirOf, HELPERS, unique } from './helpers';

/** Everything the dnsmasq script needs. */
export interface DnsmasqInstallModel {
  /** Rendered configuration (src/dnsmasq). */
  readonly config: string;
  /** Configuration file, e.g. `/etc/dnsmasq.d/matchbox.conf`. */
  readonly confPath: string;
  /** TFTP root holding the iPXE first stage. */
  readonly tftpRoot: string;
  /** Boot files to provide in the TFTP root (`undionly.kpxe`, `ipxe.efi`). */
  readonly bootFiles: string[];
  /** Where to download a boot file the `ipxe` package does not provide, e.g. `https://boot.ipxe.org`. */
  readonly ipxeBaseUrl: string;
  /** Install dnsmasq and iPXE through the package manager when missing. */
  readonly installPackages: boolean;
}

const DNSMASQ_RESTART =
  'if [ -d /run/systemd/system ]; then systemctl restart dnsmasq; elif need rc-service; then rc-service dnsmasq restart; else service dnsmasq restart; fi';

/**
 * Installs dnsmasq and the iPXE first stage, writes the configuration atomically after
 * `dnsmasq --test` accepted it, and restarts dnsmasq only when the configuration changed.
 */
export function dnsmasqConverge(d: DnsmasqInstallModel): string {
  const candidates = (f: string) =>
    unique([
      `/usr/lib/ipxe/${f}`,
      `/usr/share/ipxe/${f}`,
      ...(f === 'ipxe.efi' ? ['/usr/share/ipxe/ipxe-x86_64.efi', '/usr/lib/ipxe/ipxe-x86_64.efi'] : []),
    ]);
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
    ...atomicWrite(d.confPath, d.config, {
      tmpDir: confDir,
      onlyIfChanged: true,
      check: 'dnsmasq --test --conf-file="$tmp" >/dev/null 2>&1',
    }),
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
