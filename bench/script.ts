/**
 * The deploy benchmark's baseline: the same objects as {@link buildEnvironment}, created by a
 * shell script with plain `lxc` commands, as one would write it by hand. `serial` runs every
 * command in turn; `parallel` creates the pool, bridges and profiles, then every container in
 * a background job, and waits. (Descriptions are left out: plain `lxc launch` has no flag.)
 */
import { shq } from '../src/shell/quote';
import { ContainerSpec, EnvSpec } from './env';

const kv = (o: Readonly<Record<string, string>>) =>
  Object.entries(o)
    .map(([k, v]) => shq(`${k}=${v}`))
    .join(' ');

function containerLines(c: ContainerSpec): string[] {
  const flags = [
    ...c.profiles.map((p) => `-p ${shq(p)}`),
    ...Object.entries({
      ...(c.limits ? { 'limits.cpu': String(c.limits.cpu), 'limits.memory': c.limits.memory } : {}),
      ...c.config,
    }).map(([k, v]) => `-c ${shq(`${k}=${v}`)}`),
    // eth0 comes from the base profile on the first bridge; override its network and address.
    `-d ${shq(`eth0,network=${c.bridge}`)} -d ${shq(`eth0,ipv4.address=${c.ipv4Address}`)}`,
  ].join(' ');
  if (!c.proxy && !c.disk) return [`lxc launch ${shq(c.image)} ${shq(c.name)} ${flags} >/dev/null`];
  return [
    `lxc init ${shq(c.image)} ${shq(c.name)} ${flags} >/dev/null`,
    ...(c.proxy ? [`lxc config device add ${shq(c.name)} http proxy ${kv(c.proxy)} >/dev/null`] : []),
    ...(c.disk
      ? [
          `lxc config device add ${shq(c.name)} shared disk ${kv({ source: c.disk.source, path: c.disk.path, readonly: String(c.disk.readonly) })} >/dev/null`,
        ]
      : []),
    `lxc start ${shq(c.name)}`,
  ];
}

/** The script creating `spec`; `parallel` puts each container in a background job. */
export function shellScript(spec: EnvSpec, mode: 'serial' | 'parallel'): string {
  const lines = ['#!/bin/sh', 'set -eu'];
  lines.push(
    `lxc storage create ${shq(spec.pool.name)} ${spec.pool.driver}${spec.pool.size ? ` size=${spec.pool.size}` : ''} >/dev/null`,
  );
  for (const b of spec.bridges) {
    const raw = b.leases.map((l) => `dhcp-host=${l.mac ?? l.hostname},${l.ipv4Address}`).join('\n');
    lines.push(
      `lxc network create ${shq(b.name)} ${kv({
        'ipv4.address': b.ipv4Address,
        'ipv4.nat': 'true',
        'ipv4.dhcp.ranges': `${b.dhcpRange.start}-${b.dhcpRange.end}`,
        'ipv6.address': 'none',
        'dns.domain': b.dnsDomain,
        'raw.dnsmasq': raw,
      })} >/dev/null`,
    );
  }
  for (const p of spec.profiles) {
    lines.push(`lxc profile create ${shq(p.name)} >/dev/null`);
    lines.push(`lxc profile set ${shq(p.name)} ${kv(p.config)}`);
    if (p.rootAndNic) {
      lines.push(`lxc profile device add ${shq(p.name)} root disk path=/ pool=${shq(spec.pool.name)} >/dev/null`);
      lines.push(
        `lxc profile device add ${shq(p.name)} eth0 nic network=${shq(spec.bridges[0].name)} name=eth0 >/dev/null`,
      );
    }
  }
  for (const c of spec.containers) {
    const body = containerLines(c);
    lines.push(mode === 'serial' ? body.join('\n') : `( ${body.join(' && ')} ) & pids="$pids $!"`);
  }
  if (mode === 'parallel') lines.splice(2, 0, 'pids=');
  if (mode === 'parallel') lines.push('fail=0; for p in $pids; do wait "$p" || fail=1; done; exit $fail');
  return `${lines.join('\n')}\n`;
}
