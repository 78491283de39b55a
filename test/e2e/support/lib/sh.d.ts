/** Result of a finished command. */
export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}
export interface RunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}
export function run(cmd: string, args: string[], opts?: RunOptions): RunResult;
export function check(cmd: string, args: string[], opts?: RunOptions): RunResult;
export function alive(pid: number): boolean;
/** Send a signal; a process already gone is not an error. */
export function signal(pid: number, sig: NodeJS.Signals): void;
/** The parsed `*.json` files in `dir` (none if it does not exist; unreadable ones skipped). */
export function readRecords(dir: string): any[];
export function sleepMs(ms: number): void;
export function descendants(rootPids: number[]): number[];
