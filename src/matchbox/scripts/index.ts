/**
 * Shell scripts that set up a Matchbox host: the matchbox binary and service, TLS for its gRPC
 * API, dnsmasq for PXE, NAT, asset prefetch, and the file-based data (profiles, groups, configs).
 * Pure: every function returns script text. Every script is idempotent, reads nothing but the
 * host, and writes each file atomically (a temporary file in the same file system, then `mv`).
 *
 * One module per concern; this index exports exactly the public surface (internal building
 * blocks such as `dirOf`, `unique` and `tlsGenerate` stay module-private to the folder).
 */
export { HELPERS, tmpDirOf, atomicWrite } from './helpers';
export type { AtomicWriteOptions } from './helpers';
export { dataFilesConverge, dataFilesDelete } from './files';
export { MATCHBOX_TLS_DIR, TLS_FILES, subjectAltName, tlsWrite, tlsDelete, tlsPrint } from './tls';
export type { MatchboxTlsFiles } from './tls';
export { matchboxArgs, matchboxUnit, matchboxInstall, matchboxUninstall } from './install';
export type { MatchboxInstallModel } from './install';
export { dnsmasqConverge, dnsmasqDelete } from './dnsmasq';
export type { DnsmasqInstallModel } from './dnsmasq';
export { masqueradeRule, natConverge, natDelete } from './nat';
export { prefetchFiles, assetsConverge, assetsDelete } from './assets';
export type { AssetFile, AssetPrefetch, FlatcarAssets, FedoraCoreosAssets } from './assets';
