import { Verdict } from '../validation/errors';
import { Rule, word } from '../validation/rule';
import { isPort } from '../validation/rules';

/** Rule: the address ssh connects to: a host name or an address (never an option: no leading `-`). */
export const checkSshAddress: Rule<unknown> = word(
  'host name or address',
  /^[A-Za-z0-9][A-Za-z0-9.:-]*$/,
  '10.0.0.5 or lxd01.example.com',
);

/** Rule: an ssh login user name. */
export const checkSshUser: Rule<unknown> = word('user name', /^[A-Za-z_][A-Za-z0-9_.-]*$/, 'ubuntu');

/** Rule: the name of an `-o Key=Value` option, a word. */
export const checkSshOptionName: Rule<unknown> = word(
  'ssh option name',
  /^[A-Za-z][A-Za-z0-9]*$/,
  'StrictHostKeyChecking',
);

/** Option blocks of ssh_config, which ssh refuses on the command line. */
const BLOCKS = ['match', 'host', 'include'];

/**
 * Rule: an option ssh takes on the command line: not a block of ssh_config, and not `ProxyJump`
 * when the host sets `proxyJump` (`hasProxyJump`).
 */
export function checkSshOptionUse(hasProxyJump: boolean): Rule<string> {
  return (k) => {
    if (BLOCKS.includes(k.toLowerCase())) {
      return {
        reason: `${k} is a block of ssh_config, which ssh refuses on the command line ("directive not supported as a command-line option")`,
        fix: `put the ${k} block in ~/.ssh/config on the deploying machine, or set the options it would apply directly`,
      };
    }
    return hasProxyJump && k.toLowerCase() === 'proxyjump'
      ? { reason: 'proxyJump is set too', fix: 'set the jump hosts once, with proxyJump' }
      : undefined;
  };
}

/** One jump host of `-J`: `[user@]host[:port]`, the host a name, an IPv4 address or an IPv6 address in brackets. */
const JUMP_HOP = /^([A-Za-z_][A-Za-z0-9_.-]*@)?([A-Za-z0-9][A-Za-z0-9.-]*|\[[0-9A-Fa-f:.]+\])(:(\d{1,5}))?$/;

/** Rule: ssh's `-J` value, jump hosts separated by commas. */
export function checkProxyJump(value: unknown): Verdict | undefined {
  const hops = typeof value === 'string' ? value.split(',') : [];
  const bad =
    typeof value !== 'string'
      ? String(value)
      : hops.find((h) => {
          const m = JUMP_HOP.exec(h);
          return !m || (m[4] !== undefined && !isPort(Number(m[4])));
        });
  return bad === undefined
    ? undefined
    : {
        reason: `${JSON.stringify(bad)} is not a jump host ([user@]host[:port])`,
        fix: 'use e.g. admin@bastion.example.com or bastion:2222; separate several jump hosts with commas, without spaces',
      };
}
