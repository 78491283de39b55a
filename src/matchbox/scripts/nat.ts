/** Gateway: IPv4 forwarding and masquerade (seed 003's server_enable_forward). */
import { script } from '../../lxd/cli';
import { shellCommand, shq } from '../../shell/quote';
import { atomicWrite, HELPERS } from './helpers';

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
    '[Unit]',
    'Description=Masquerade for the Matchbox PXE network (cdktf-lxd-matchbox)',
    'After=network.target',
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    `ExecStart=/bin/sh -c ${shq(`iptables -t nat -C ${rule} 2>/dev/null || iptables -t nat -A ${rule}`)}`,
    `ExecStop=/bin/sh -c ${shq(`iptables -t nat -D ${rule} 2>/dev/null || true`)}`,
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
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
