/**
 * Shell building blocks shared by the Matchbox host scripts: package/download helpers and atomic
 * file writes (a temporary file in the same file system, then `mv`).
 */
import { heredoc, shq } from '../../shell/quote';

/** Temporary files of atomic writes go here (same file system as the target, never read by Matchbox). */
export const tmpDirOf = (dataDir: string): string => `${dataDir}/.cdktf-tmp`;

/** Shared shell helpers: `need CMD`, `pkg_install PKG...`, `fetch URL FILE`, `sha256_of FILE`. */
export const HELPERS: readonly string[] = [
  'need() { command -v "$1" >/dev/null 2>&1; }',
  'pkg_install() {',
  '  if need apt-get; then DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }',
  '  elif need dnf; then dnf install -y -q "$@" >/dev/null',
  '  elif need apk; then apk add -q --no-cache "$@"',
  '  else echo "cannot install $*: no apt-get, dnf or apk" >&2; return 1; fi',
  '}',
  'fetch() { if need curl; then curl -fsSL --retry 3 -o "$2" "$1"; else wget -q -O "$2" "$1"; fi; }',
  'sha256_of() { if need sha256sum; then sha256sum "$1" | cut -d" " -f1; else shasum -a 256 "$1" | cut -d" " -f1; fi; }',
];

/** Lines that put `contents` into the file `$tmp` byte for byte. */
function fillTmp(contents: string): string[] {
  // A here-document needs a final newline; anything else goes through printf, exactly.
  return contents.endsWith('\n') && !contents.includes('\0')
    ? [heredoc('cat > "$tmp"', contents)]
    : [`printf '%s' ${shq(contents)} > "$tmp"`];
}

/** Options of {@link atomicWrite}. */
export interface AtomicWriteOptions {
  /** Directory for the temporary file (same file system as the target). */
  readonly tmpDir: string;
  /** Octal mode, e.g. `0644`. @default '0644' */
  readonly mode?: string;
  /** `user:group` to own the file. @default - the script's user */
  readonly owner?: string;
  /** Only replace the file when its contents differ, and then set `changed=1`. @default false */
  readonly onlyIfChanged?: boolean;
  /** A command that checks the new file (`$tmp`) before it replaces the old one. @default none */
  readonly check?: string;
}

/** Lines that write `contents` to `target` atomically (temporary file + `mv`). */
export function atomicWrite(target: string, contents: string, o: AtomicWriteOptions): string[] {
  const lines = [
    `tmp=$(mktemp ${shq(`${o.tmpDir}/.write.XXXXXX`)})`,
    ...fillTmp(contents),
    `chmod ${o.mode ?? '0644'} "$tmp"`,
    ...(o.owner ? [`chown ${shq(o.owner)} "$tmp"`] : []),
    ...(o.check
      ? [
          `${o.check} || { rm -f "$tmp"; echo ${shq(`${target}: the new file failed its check; the old one is kept`)} >&2; exit 1; }`,
        ]
      : []),
  ];
  if (o.onlyIfChanged) {
    lines.push(`if cmp -s "$tmp" ${shq(target)}; then rm -f "$tmp"; else mv -f "$tmp" ${shq(target)}; changed=1; fi`);
  } else {
    lines.push(`mv -f "$tmp" ${shq(target)}`);
  }
  return lines;
}

/** Parent directory of a path. */
export const dirOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';
/** The distinct elements of `xs`, in first-seen order. */
export const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
