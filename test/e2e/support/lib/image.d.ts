export const CACHE_DIR: string;
export function buildBusyboxImageSync(): string;
export function importBusyboxSync(env: NodeJS.ProcessEnv, alias?: string, client?: string): void;
