/**
 * The environment the browser app needs, read and validated once here.
 * Nothing else reads `import.meta.env` directly.
 *
 * Validated by hand rather than with zod: this runs before the first paint of every page,
 * and zod's core would add 12 KB brotli to that path (the size budget, dev/build/budget.ts)
 * for five variables. The forms keep zod, loaded with the pages that need it.
 */

export interface Env {
  VITE_SUPABASE_URL: string;
  VITE_SUPABASE_ANON_KEY: string;
  /** A read replica of the database for heavy reads (history…); same anon key and JWTs. */
  VITE_SUPABASE_READ_URL?: string;
  /** Sentry project DSN: errors and performance, once the owner has consented. */
  VITE_SENTRY_DSN?: string;
  /** Where Web Vitals are sent with `navigator.sendBeacon` when Sentry is not configured. */
  VITE_VITALS_URL?: string;
}

export interface EnvProblem {
  /** Variable name, e.g. `VITE_SUPABASE_URL`. */
  name: string;
  /** What is wrong with it, in French. */
  problem: string;
}

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: EnvProblem[] };

const MISSING = 'manquante';
const HTTP_URL_PROBLEM =
  'doit être une adresse http(s) complète, par exemple http://127.0.0.1:54321';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A set, non-blank string, trimmed; anything else (undefined, '', spaces) is "not set". */
function text(raw: Record<string, unknown>, name: keyof Env): string | undefined {
  const value = raw[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Pure: validates a raw environment record (unknown keys are ignored). */
export function parseEnv(raw: Record<string, unknown>): EnvResult {
  const problems: EnvProblem[] = [];
  const env: Partial<Env> = {};

  const url = (name: keyof Env, required: boolean, accept: (value: string) => boolean) => {
    const value = text(raw, name);
    if (value === undefined) {
      if (required) problems.push({ name, problem: MISSING });
      return;
    }
    if (!accept(value)) {
      problems.push({
        name,
        problem:
          name === 'VITE_VITALS_URL'
            ? 'doit être une adresse http(s) complète ou un chemin commençant par /'
            : HTTP_URL_PROBLEM,
      });
      return;
    }
    env[name] = value;
  };

  url('VITE_SUPABASE_URL', true, isHttpUrl);
  const anonKey = text(raw, 'VITE_SUPABASE_ANON_KEY');
  if (anonKey === undefined) problems.push({ name: 'VITE_SUPABASE_ANON_KEY', problem: MISSING });
  else env.VITE_SUPABASE_ANON_KEY = anonKey;
  url('VITE_SUPABASE_READ_URL', false, isHttpUrl);
  url('VITE_SENTRY_DSN', false, isHttpUrl);
  url('VITE_VITALS_URL', false, (value) => isHttpUrl(value) || /^\/(?!\/)/.test(value));

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, env: env as Env };
}

/**
 * The environment of this build, validated once at start-up. Vite fills `import.meta.env`;
 * a Node script that imports the app's data layer (the benches, under tsx) has none and
 * passes the same VITE_* variables through `process.env`.
 */
export const envResult: EnvResult = parseEnv(
  import.meta.env ?? (typeof process === 'undefined' ? {} : process.env),
);

/**
 * The validated environment. `src/main.tsx` checks `envResult` and shows the
 * configuration screen before loading any module that calls this, so a throw here
 * is a programming error, never what a user sees.
 */
export function getEnv(): Env {
  if (!envResult.ok) {
    throw new Error(`Configuration invalide : ${envResult.problems.map((p) => p.name).join(', ')}`);
  }
  return envResult.env;
}
