import { Verdict } from '../validation/errors';

/** Rule: an apt mirror URL (apt's http, https, ftp and file methods), one word without spaces or line breaks. */
export function checkMirrorUri(value: unknown): Verdict | undefined {
  return typeof value === 'string' && /^(https?|ftp):\/\/[^\s/]+(\/\S*)?$|^file:\/\S*$/.test(value)
    ? undefined
    : { reason: 'not an http(s), ftp or file URL', fix: 'use e.g. http://archive.ubuntu.com/ubuntu' };
}

/** cloud-init's placeholders for the image's mirrors in an apt source line. */
const MIRROR_PLACEHOLDERS = ['$MIRROR', '$PRIMARY', '$SECURITY'];

/**
 * Rule: the mirror word of a `deb MIRROR SUITE COMPONENT` source line: a cloud-init placeholder or
 * a mirror URL. A space or a line break would add suites or whole source lines of its own.
 */
export function checkSourceMirror(value: unknown): Verdict | undefined {
  if (typeof value === 'string' && MIRROR_PLACEHOLDERS.includes(value)) return undefined;
  const v = checkMirrorUri(value);
  return (
    v && {
      reason: `${v.reason} (nor ${MIRROR_PLACEHOLDERS.join(', ')}); it is one word of an apt source line`,
      fix: 'use e.g. $MIRROR or http://deb.debian.org/debian',
    }
  );
}
