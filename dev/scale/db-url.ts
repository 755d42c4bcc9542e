import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../stack/config.ts';

/**
 * The database a dev tool works on: --db-url, else DATABASE_URL, else the dev stack's
 * `.local/stack.json` (written by `npm run stack`).
 */
export async function resolveDbUrl(flag: string | undefined): Promise<string> {
  if (flag) return flag;
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const info = await readStackInfo(path.join(repoRoot, '.local', 'stack.json'));
  if (info?.dbUrl) return info.dbUrl;
  throw new Error(
    'no database: pass --db-url postgres://…, set DATABASE_URL, or start the dev stack (npm run stack)',
  );
}

export interface StackFile {
  url?: string;
  anonKey?: string;
  dbUrl?: string;
}

export async function readStackInfo(file: string): Promise<StackFile | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const record = parsed as Record<string, unknown>;
    const pick = (name: string) => (typeof record[name] === 'string' ? record[name] : undefined);
    const info: StackFile = {};
    const url = pick('url');
    const anonKey = pick('anonKey');
    const dbUrl = pick('dbUrl');
    if (url) info.url = url;
    if (anonKey) info.anonKey = anonKey;
    if (dbUrl) info.dbUrl = dbUrl;
    return info;
  } catch {
    return undefined;
  }
}

/** "1 min 23 s" / "4.2 s". */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}
