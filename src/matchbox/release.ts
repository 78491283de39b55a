import { IgnitionVersion } from '../ignition/types';
import { ValidationError, Verdict } from '../validation/errors';

/**
 * What one Matchbox release serves, as far as the library depends on it (read from each tag's
 * `matchbox/http/ipxe.go` and `ignition.go` in poseidon/matchbox).
 */
export interface MatchboxRelease {
  /** Release tag, e.g. `v0.11.0`. */
  readonly version: string;
  /** `/boot.ipxe` sends `arch=${buildarch:uristring}`, so an `arch` selector can match. */
  readonly archLabel: boolean;
  /**
   * How `/ignition` serves a raw `.ign` file: parsed as Ignition 3.0 up to this spec version and
   * re-serialized as this version (a file it cannot parse becomes an empty config, still HTTP 200),
   * or undefined: served byte for byte as written.
   */
  readonly rawIgnitionSpec?: IgnitionVersion;
}

/** The releases the library models; any other `version` is refused at synth. */
export const MATCHBOX_RELEASES: readonly MatchboxRelease[] = [
  { version: 'v0.9.1', archLabel: false },
  { version: 'v0.10.0', archLabel: false, rawIgnitionSpec: '3.3.0' },
  { version: 'v0.11.0', archLabel: true, rawIgnitionSpec: '3.4.0' },
];

/** The release the library installs by default. */
export const DEFAULT_MATCHBOX_VERSION = 'v0.11.0';

/** The modelled release `version`, or undefined. */
export function matchboxRelease(version: string = DEFAULT_MATCHBOX_VERSION): MatchboxRelease | undefined {
  return MATCHBOX_RELEASES.find((r) => r.version === version);
}

/** Rule: a Matchbox release the library models (its HTTP behaviour); any other is refused. */
export function checkMatchboxVersion(value: unknown): Verdict | undefined {
  if (typeof value === 'string' && matchboxRelease(value)) return undefined;
  const versions = MATCHBOX_RELEASES.map((r) => r.version);
  return {
    reason: `the library models what Matchbox ${versions.join(', ')} serve (arch label, raw Ignition handling) and no other release`,
    fix: `use one of ${versions.join(', ')}`,
  };
}

/**
 * The modelled release `version`; a ValidationError (against `path`, e.g. the server's) for one
 * the caller should have refused.
 */
export function releaseOf(version: string | undefined, path = 'matchbox'): MatchboxRelease {
  const release = matchboxRelease(version);
  if (!release)
    throw new ValidationError([{ path, property: 'version', value: version, ...checkMatchboxVersion(version)! }]);
  return release;
}

/** The `/boot.ipxe` script of a release (verbatim from its `http/ipxe.go`). */
export function bootIpxe(release: MatchboxRelease): string {
  const arch = release.archLabel ? '&arch=${buildarch:uristring}' : '';
  return `#!ipxe\nchain ipxe?uuid=\${uuid}&mac=\${mac:hexhyp}&domain=\${domain}&hostname=\${hostname}&serial=\${serial}${arch}\n`;
}
