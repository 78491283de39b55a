/**
 * What Matchbox's `/grub` can carry. It renders a profile's boot as
 * `linux "<kernel>" <args...>` and `initrd "<entry>" "<entry>"...` (`http/grub.go`): the kernel and
 * each initrd entry inside GRUB double quotes, the args as they are. The word rules below follow
 * GRUB's script lexer (`grub-core/script/yylex.l`).
 */
import { MatchboxBootSpec } from './model';

/** One problem of a boot spec booted with GRUB. */
export interface GrubProblem {
  readonly property: string;
  readonly value: unknown;
  readonly reason: string;
  readonly fix: string;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const SPECIAL = '[?#*@]';
/** `$name`, `${name}`, `$1`, `${1}`, `$?`, `${?}`: the variables GRUB expands. */
const VARIABLE = `\\$(?:${NAME}|\\{${NAME}\\}|[0-9]+|\\{[0-9]+\\}|${SPECIAL}|\\{${SPECIAL}\\})`;
/** One GRUB word: plain characters, "double" (with variables) or 'single' quoted parts, \-escapes, variables. */
const WORD = new RegExp(
  `^(?:[^{}|&$;<> \\t\\n'"\\\\]|"(?:\\\\[\\s\\S]|${VARIABLE}|[^"\\\\$])*"|'[^']*'|\\\\[\\s\\S]|${VARIABLE})+$`,
);
const RESERVED = new Set([
  'case',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'for',
  'if',
  'in',
  'select',
  'then',
  'until',
  'while',
  'function',
  '[[',
  ']]',
]);
/** A path on GRUB's root device, safe inside its double quotes. */
const QUOTED_PATH = /^\/[^\s"\\$]*$/;

/** True when `arg` is one GRUB word that is not a reserved word. */
export function isGrubWord(arg: string): boolean {
  return WORD.test(arg) && !RESERVED.has(arg);
}

/** Problems of `boot` for a profile machines boot with GRUB (`grub: true`). */
export function grubBootProblems(boot: MatchboxBootSpec): GrubProblem[] {
  const problems: GrubProblem[] = [];
  const pathFix =
    "use a path on GRUB's root such as /assets/<file> (GRUB's root set to (http,<matchbox host>:<port>)), or leave grub off";
  const quoted =
    'GRUB double quotes, where it must be a path on GRUB\'s root device (not a URL) without " \\ or $, which GRUB interprets there';
  if (typeof boot.kernel === 'string' && !QUOTED_PATH.test(boot.kernel)) {
    problems.push({
      property: 'kernel',
      value: boot.kernel,
      reason: `Matchbox's /grub writes the kernel in ${quoted}`,
      fix: pathFix,
    });
  }
  (boot.initrd ?? []).forEach((entry, i) => {
    if (typeof entry !== 'string') return;
    if (/\s/.test(entry.trim())) {
      problems.push({
        property: `initrd[${i}]`,
        value: entry,
        reason: `Matchbox's /grub writes each initrd entry as one quoted word, so GRUB would open a file named "${entry}" (iPXE options such as --name do not exist in GRUB)`,
        fix: 'give the path alone (iPXE then names the image after its file name: initrd=<file name> in args), or leave grub off',
      });
    } else if (!QUOTED_PATH.test(entry)) {
      problems.push({
        property: `initrd[${i}]`,
        value: entry,
        reason: `Matchbox's /grub writes each initrd entry in ${quoted}`,
        fix: pathFix,
      });
    }
  });
  (boot.args ?? []).forEach((arg, i) => {
    if (typeof arg === 'string' && !isGrubWord(arg)) {
      problems.push({
        property: `args[${i}]`,
        value: arg,
        reason:
          "Matchbox's /grub writes the args as they are on GRUB's linux line, where spaces, & ; | < > { } split or end the command and $ must name a GRUB variable (iPXE's ${mac:hexhyp} is a GRUB syntax error)",
        fix: 'write one GRUB word: quote it for GRUB ("a&b"), use GRUB variables such as ${net_default_mac}, or leave grub off',
      });
    }
  });
  return problems;
}
