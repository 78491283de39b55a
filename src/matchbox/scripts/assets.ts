/** OS images prefetched into Matchbox's assets directory (served at `/assets/`). */
import { script } from '../../lxd/cli';
import { shq } from '../../shell/quote';
import { dirOf, HELPERS, unique } from './helpers';

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
  /** Selects the Flatcar layout. */
  readonly os: 'flatcar';
  /** `stable`, `beta` or `alpha`. @default 'stable' */
  readonly channel?: string;
  /** A version such as `3815.2.5`, or `current`. @default 'current' */
  readonly version?: string;
}

/** Fedora CoreOS live PXE images (matchbox's `scripts/get-fedora-coreos` layout). */
export interface FedoraCoreosAssets {
  /** Selects the Fedora CoreOS layout. */
  readonly os: 'fedora-coreos';
  /** `stable`, `testing` or `next`. @default 'stable' */
  readonly stream?: string;
  /** A build such as `40.20240416.3.1` (FCOS has no `current` alias). */
  readonly version: string;
  /** CPU architecture of the images. @default 'x86_64' */
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
      'flatcar_production_pxe.vmlinuz',
      'flatcar_production_pxe.vmlinuz.sig',
      'flatcar_production_pxe_image.cpio.gz',
      'flatcar_production_pxe_image.cpio.gz.sig',
      'flatcar_production_image.bin.bz2',
      'flatcar_production_image.bin.bz2.sig',
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
    `mkdir -p ${unique([`${assetsDir}/.cdktf-tmp`, ...files.map((f) => dirOf(`${assetsDir}/${f.path}`))])
      .map(shq)
      .join(' ')}`,
    'need curl || need wget || pkg_install curl ca-certificates',
    ...files.flatMap((f) => {
      const target = `${assetsDir}/${f.path}`;
      return [
        `if [ ! -s ${shq(target)} ]; then`,
        `  tmp=$(mktemp ${shq(`${assetsDir}/.cdktf-tmp/.fetch.XXXXXX`)})`,
        `  fetch ${shq(f.url)} "$tmp" || { rm -f "$tmp"; echo ${shq(`cannot download ${f.url}`)} >&2; exit 1; }`,
        ...(f.sha256
          ? [
              `  [ "$(sha256_of "$tmp")" = ${shq(f.sha256)} ] || { rm -f "$tmp"; echo ${shq(`SHA-256 mismatch for ${f.url}`)} >&2; exit 1; }`,
            ]
          : []),
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
