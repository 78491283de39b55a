/**
 * cdktf-lxd-matchbox: typed constructs for VM hosts, LXD and Matchbox PXE, synthesized to Terraform JSON.
 *
 * The public API: the constructs, their props and interfaces, the enum-like string types, and the
 * documented helpers (CloudConfig, the Ignition and preseed renderers, installToDisk). Everything
 * else (scripts, renderers, validation rules, provider plumbing) is internal and may change.
 */

// Stack
export { LabStack } from './constructs/lab-stack';
export type {
  LabStackProps,
  LabSettings,
  Rendering,
  LxdProviderVersion,
  CommandResourceKind,
} from './constructs/lab-stack';

// Hosts
export type { IHost } from './constructs/core/host';
export { LocalHost } from './constructs/hosts/local-host';
export type { LocalHostProps } from './constructs/hosts/local-host';
export { SshHost } from './constructs/hosts/ssh-host';
export type { SshHostProps } from './constructs/hosts/ssh-host';
export { MultipassVm } from './constructs/hosts/multipass-vm';
export type { MultipassVmProps, MultipassMount } from './constructs/hosts/multipass-vm';
export { HostReference } from './constructs/hosts/host-reference';
export type { HostReferenceProps } from './constructs/hosts/host-reference';
export { ContainerHost } from './constructs/hosts/container-host';
export type { ContainerHostProps } from './constructs/hosts/container-host';
export type { LxdRemote } from './src/hosts/lxd-remote';
export type { BackendName } from './src/lxd/backend';

// LXD objects
export type { IOnHost } from './constructs/core/host';
export { StoragePool } from './constructs/lxd/storage-pool';
export type { IStoragePool, StoragePoolProps } from './constructs/lxd/storage-pool';
export { Bridge } from './constructs/lxd/bridge';
export type { IBridge, BridgeAttributes, BridgeProps } from './constructs/lxd/bridge';
export type { StaticLease } from './src/net/static-lease';
export { Profile } from './constructs/lxd/profile';
export type { IProfile, ProfileProps } from './constructs/lxd/profile';
export { Container } from './constructs/lxd/container';
export type {
  IContainer,
  ContainerProps,
  ContainerNic,
  ContainerLimits,
  ContainerMigrateFrom,
} from './constructs/lxd/container';
export { CachedImage } from './constructs/lxd/cached-image';
export type { CachedImageProps } from './constructs/lxd/cached-image';
export { PublishedImage } from './constructs/lxd/published-image';
export type { PublishedImageProps } from './constructs/lxd/published-image';
export { LxdPreseed } from './constructs/lxd/lxd-preseed';
export type { LxdPreseedProps } from './constructs/lxd/lxd-preseed';
export { LxdCluster } from './constructs/lxd/lxd-cluster';
export type { LxdClusterProps, LxdClusterMember, LxdClusterAttributes } from './constructs/lxd/lxd-cluster';
export type { ILxdCluster } from './constructs/lxd/icluster';
export type { ConfigMap, DeviceMap, InstanceState, MemberObjectConfig, StorageDriver } from './src/lxd/model';
export type { DiskOptions, ProxyOptions } from './src/lxd/devices';
export type { DhcpRange } from './src/net/dhcp-range';

// `lxd init` preseed documents
export { renderPreseed, preseedTree } from './src/lxd/preseed';
export type {
  PreseedDocument,
  PreseedNetwork,
  PreseedStoragePool,
  PreseedStorageVolume,
  PreseedProfile,
  PreseedProject,
  PreseedMemberConfig,
  PreseedCluster,
} from './src/lxd/preseed';

// cloud-init
export { CloudConfig } from './src/cloudinit/cloud-config';
export type { CloudConfigProps, AptMirror, CloudUser, WriteFile, LxdModuleOptions } from './src/cloudinit/cloud-config';
export type { LxdInitOptions, LxdBridgeOptions } from './src/cloudinit/lxd-module';
export type { IncusCloudConfigOptions, IncusHostOs } from './src/cloudinit/incus';

// Matchbox PXE
export type { IMatchboxServer } from './constructs/matchbox/imatchbox-server';
export type { MatchboxCredentials } from './constructs/render/matchbox-target';
export { MatchboxServer } from './constructs/matchbox/matchbox-server';
export type { IMatchboxProfileEntry, IMatchboxGroupEntry } from './constructs/matchbox/imatchbox-server';
export type {
  MatchboxServerProps,
  MatchboxServerAttributes,
  MatchboxTlsProps,
  MatchboxDnsmasqProps,
  MatchboxNatProps,
} from './constructs/matchbox/server-props';
export { MatchboxProfile } from './constructs/matchbox/matchbox-profile';
export type { MatchboxProfileProps } from './constructs/matchbox/matchbox-profile';
export { MatchboxGroup } from './constructs/matchbox/matchbox-group';
export type { MatchboxGroupProps } from './constructs/matchbox/matchbox-group';
export type { DnsmasqPxeOptions, DnsmasqRange, DnsmasqLogSpec } from './src/dnsmasq/model';
export type { DataFile, MatchboxBootSpec, MatchboxGroupSpec, MatchboxProfileSpec } from './src/matchbox/model';
export type { AssetFile, AssetPrefetch, FlatcarAssets, FedoraCoreosAssets } from './src/matchbox/scripts';

// Ignition
export { renderIgnition, DEFAULT_IGNITION_VERSION } from './src/ignition/builder';
export { installToDisk } from './src/ignition/install';
export type { InstallFlavor, InstallToDiskSpec } from './src/ignition/install';
export type {
  IgnitionVersion,
  IgnitionSpec,
  IgnitionUserSpec,
  IgnitionFileSpec,
  IgnitionUnitSpec,
  IgnitionDropinSpec,
} from './src/ignition/types';

// Validation: a bad input throws an Error named 'ValidationError' whose `problems` are Problem[].
export { ValidationErrors } from './src/validation/validation-errors';
export type { Problem, ProblemSubject } from './src/validation/errors';
