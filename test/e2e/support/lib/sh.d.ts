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
export function sleepMs(ms: number): void;
export function descendants(rootPids: number[]): number[];
