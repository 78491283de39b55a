'use strict';
// Builds an offline ~1 MB LXD image (unified tarball) from the static busybox binary.
// Its /sbin/init: mounts proc/sys, sets the hostname, starts httpd on :80 serving
// /var/www/index.html (contains the hostname), runs udhcpc on eth0 (sending the hostname;
// the lease script sets address + default route and writes the leased IP to /tmp/ip),
// then waits; SIGPWR/SIGTERM (what `lxc stop` sends) make it exit, so a clean stop is quick.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { check, run } = require('./sh');

const IMAGE_VERSION = 3; // bump when the content below changes (cache key)
const BUSYBOX = ['/bin/busybox', '/usr/bin/busybox'].find((p) => fs.existsSync(p)) || '/bin/busybox';
const CACHE_DIR = process.env.LXD_E2E_CACHE || path.join(os.tmpdir(), 'lxe-cache');

const INIT = `#!/bin/sh
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc 2>/dev/null
mount -t sysfs sys /sys 2>/dev/null
mount -t tmpfs tmpfs /run 2>/dev/null
hostname -F /etc/hostname 2>/dev/null
H=$(hostname)
ip link set lo up
mkdir -p /var/www
echo "hello from $H" > /var/www/index.html
httpd -p 80 -h /var/www
# -b: go to background if no lease yet; keeps running to renew the lease.
udhcpc -i eth0 -b -t 10 -T 1 -A 1 -x hostname:"$H" -s /usr/share/udhcpc/default.script >/tmp/udhcpc.log 2>&1
trap 'kill $SLEEPER 2>/dev/null; exit 0' PWR TERM INT
while :; do sleep 3600 & SLEEPER=$!; wait $SLEEPER; done
`;

const DHCP_SCRIPT = `#!/bin/sh
# udhcpc event script: $interface $ip $mask (prefix length) $router $dns
case "$1" in
  deconfig)
    ip link set "$interface" up
    ip -4 addr flush dev "$interface"
    rm -f /tmp/ip
    ;;
  bound|renew)
    if [ "$(cat /tmp/ip 2>/dev/null)" != "$ip" ]; then
      ip -4 addr flush dev "$interface"
      ip addr add "$ip/\${mask:-24}" dev "$interface"
    fi
    ip route del default 2>/dev/null
    for r in $router; do ip route add default via "$r" dev "$interface"; break; done
    : > /etc/resolv.conf
    for d in $dns; do echo "nameserver $d" >> /etc/resolv.conf; done
    echo "$ip" > /tmp/ip
    ;;
esac
exit 0
`;

function metadataYaml() {
  const arch = os.arch() === 'arm64' ? 'aarch64' : 'x86_64';
  return [
    `architecture: ${arch}`,
    `creation_date: ${Math.floor(Date.now() / 1000)}`,
    'properties:',
    '  description: busybox e2e test image',
    '  os: busybox',
    '  release: static',
    'templates:',
    '  /etc/hostname:',
    '    when: [create, copy, start]',
    '    template: hostname.tpl',
    '',
  ].join('\n');
}

function cacheKey() {
  const st = fs.statSync(BUSYBOX);
  return crypto
    .createHash('sha256')
    .update(`${IMAGE_VERSION}|${st.size}|${st.mtimeMs}|${INIT}|${DHCP_SCRIPT}`)
    .digest('hex')
    .slice(0, 12);
}

/** Build the tarball once (cached by busybox binary + content) and return its path. */
function buildBusyboxImageSync() {
  const out = path.join(CACHE_DIR, `busybox-${cacheKey()}.tar.gz`);
  if (fs.existsSync(out)) return out;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const work = fs.mkdtempSync(path.join(CACHE_DIR, 'build-'));
  try {
    const rootfs = path.join(work, 'rootfs');
    for (const d of ['bin', 'sbin', 'usr/bin', 'usr/sbin', 'usr/share/udhcpc', 'etc', 'dev', 'proc', 'sys', 'run', 'tmp', 'root', 'var/www']) {
      fs.mkdirSync(path.join(rootfs, d), { recursive: true });
    }
    fs.chmodSync(path.join(rootfs, 'tmp'), 0o1777);
    fs.copyFileSync(BUSYBOX, path.join(rootfs, 'bin/busybox'));
    fs.chmodSync(path.join(rootfs, 'bin/busybox'), 0o755);
    const applets = check(BUSYBOX, ['--list']).stdout.split('\n').filter((a) => a && a !== 'busybox' && a !== 'init');
    for (const a of applets) fs.symlinkSync('busybox', path.join(rootfs, 'bin', a));
    fs.writeFileSync(path.join(rootfs, 'sbin/init'), INIT, { mode: 0o755 });
    fs.writeFileSync(path.join(rootfs, 'usr/share/udhcpc/default.script'), DHCP_SCRIPT, { mode: 0o755 });
    fs.writeFileSync(path.join(rootfs, 'etc/hostname'), 'busybox\n');
    fs.writeFileSync(path.join(rootfs, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
    fs.writeFileSync(path.join(rootfs, 'etc/group'), 'root:x:0:\n');
    fs.mkdirSync(path.join(work, 'templates'));
    fs.writeFileSync(path.join(work, 'templates/hostname.tpl'), '{{ container.name }}\n');
    fs.writeFileSync(path.join(work, 'metadata.yaml'), metadataYaml());
    const tmp = `${out}.${process.pid}.tmp`;
    check('tar', ['-C', work, '--numeric-owner', '--owner=0', '--group=0', '-czf', tmp, 'metadata.yaml', 'templates', 'rootfs']);
    fs.renameSync(tmp, out); // atomic: parallel builders never see a partial file
    return out;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Import the busybox image into a daemon under `alias` (no-op if the alias exists), with `client`
 * (`lxc`, or `incus`: Incus reads LXD's unified image format unchanged).
 */
function importBusyboxSync(env, alias = 'busybox', client = 'lxc') {
  if (run(client, ['image', 'show', alias], { env }).code === 0) return;
  check(client, ['image', 'import', buildBusyboxImageSync(), '--alias', alias], { env, timeoutMs: 120000 });
}

module.exports = { buildBusyboxImageSync, importBusyboxSync, CACHE_DIR };
