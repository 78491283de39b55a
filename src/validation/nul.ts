import { isPlainData } from '../util/tokens';
import { Problem } from './errors';

/**
 * The first string (value or key) holding a NUL byte in `value`'s plain data, with the property
 * path it was found at (`config.user.note`, `nics[0].name`), or undefined.
 */
export function findNulByte(
  value: unknown,
  property: string,
): { readonly property: string; readonly value: string } | undefined {
  if (typeof value === 'string') return value.includes('\0') ? { property, value } : undefined;
  if (!isPlainData(value)) return undefined;
  const at = (key: string) => (property ? `${property}.${key}` : key);
  for (const [key, v] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${property}[${key}]` : at(key);
    if (key.includes('\0')) return { property: here, value: key };
    const found = findNulByte(v, here);
    if (found) return found;
  }
  return undefined;
}

const NUL_REASON = 'contains a NUL byte, which no shell word, file, LXD value or command line can carry';

/** The problem of a NUL byte in `value` (see {@link findNulByte}), reported against `path`. */
export function nulByteProblem(path: string, value: unknown, property: string): Problem | undefined {
  const found = findNulByte(value, property);
  return (
    found && {
      path,
      property: found.property || property,
      value: found.value,
      reason: NUL_REASON,
      fix: 'remove the NUL byte (\\u0000) from the value',
    }
  );
}

/**
 * The problem of a NUL byte in a construct id on `path` (the construct's or a scope's): the path
 * reaches scripts and labels, where no NUL byte can go.
 */
export function nulByteIdProblem(path: string): Problem | undefined {
  const id = path.split('/').find((segment) => segment.includes('\0'));
  return id === undefined
    ? undefined
    : {
        path,
        property: 'id',
        value: id,
        reason: NUL_REASON,
        fix: 'remove the NUL byte (\\u0000) from the construct id',
      };
}
