/** QEMU (TCG, no KVM needed) network-booting from a tap inside a namespace. */
import { Proc, start } from './procs';

/** The machine's identity as iPXE will report it to Matchbox. */
export interface PxeMachine {
  /** NIC MAC, colon form. */
  readonly mac: string;
  /** SMBIOS system UUID (`${uuid}` in iPXE). */
  readonly uuid: string;
  /** SMBIOS serial number (`${serial}` in iPXE). */
  readonly serial: string;
}

/** Starts `qemu-system-x86_64 -accel tcg -nographic -boot n` on `tap` inside `netns`. */
export function startPxeVm(netns: string, tap: string, machine: PxeMachine): Proc {
  return start('qemu', 'ip', [
    'netns',
    'exec',
    netns,
    'qemu-system-x86_64',
    '-accel',
    'tcg',
    '-nographic',
    '-m',
    '128',
    '-boot',
    'n',
    '-uuid',
    machine.uuid,
    '-smbios',
    `type=1,serial=${machine.serial}`,
    '-netdev',
    `tap,id=n0,ifname=${tap},script=no,downscript=no`,
    '-device',
    `virtio-net-pci,netdev=n0,mac=${machine.mac}`,
  ]);
}
