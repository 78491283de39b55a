import { Verdict } from '../validation/errors';

/** A CPU set: comma-separated CPU numbers and ranges, e.g. `0-1`, `0,2`, `1-3,5`. */
const CPU_SET = /^\d+(-\d+)?(,\d+(-\d+)?)*$/;

/**
 * Rule: `limits.cpu`, either a count of CPUs (a positive integer, `2` or `'2'`) or a set of
 * CPUs to pin to (`0-1`, `0,2`, `1-3,5`), whose ranges run upwards.
 */
export function checkCpuLimit(value: unknown): Verdict | undefined {
  const fix = 'use a count such as 2, or a CPU set such as 0-1, 0,2 or 1-3,5';
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1
      ? undefined
      : { reason: 'a CPU count must be a whole number of at least 1', fix };
  }
  if (typeof value !== 'string' || !CPU_SET.test(value)) return { reason: 'neither a CPU count nor a CPU set', fix };
  // LXD reads a single number as a count (pinning to CPU 0 alone is written 0-0).
  if (/^\d+$/.test(value) && Number(value) < 1) return { reason: 'a CPU count must be at least 1', fix };
  const parts = value.split(',');
  const reversed = parts.find((part) => {
    const [from, to] = part.split('-').map(Number);
    return to !== undefined && to < from;
  });
  if (reversed === undefined) return undefined;
  const upwards = parts
    .map((part) =>
      part
        .split('-')
        .map(Number)
        .sort((a, b) => a - b)
        .join('-'),
    )
    .join(',');
  return { reason: `the CPU range ${reversed} is reversed`, fix: `write the set as ${upwards}` };
}

/** Rule: `limits.processes`, a whole number of at least 1. */
export function checkProcessLimit(value: unknown): Verdict | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1
    ? undefined
    : { reason: 'the process limit must be a whole number of at least 1', fix: 'use a count such as 500' };
}
