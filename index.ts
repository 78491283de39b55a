/** cdktf-lxd-matchbox: typed constructs for VM hosts, LXD and Matchbox PXE, synthesized to Terraform JSON. */
export * from './constructs/core/lab-stack';
export * from './constructs/core/managed-object';
export * from './constructs/hosts/host';
export * from './constructs/hosts/local-host';
export * from './constructs/hosts/ssh-host';
export * from './constructs/hosts/multipass-vm';
export * from './constructs/lxd/storage-pool';
export * from './constructs/lxd/bridge';
export * from './constructs/lxd/profile';
export * from './constructs/lxd/container';
export * from './constructs/lxd/lxd-preseed';
export * from './src/cloudinit/cloud-config';
export * from './src/cloudinit/lxd-module';
export * from './src/lxd/preseed';
export * from './src/lxd/model';
export * from './src/lxd/devices';
export type { DhcpRange } from './src/lxd/addressing';
export * from './src/validation/errors';
