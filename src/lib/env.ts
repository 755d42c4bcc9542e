import * as z from 'zod/mini';

/**
 * The environment the browser app needs, read and validated once here.
 * Nothing else reads `import.meta.env` directly.
 */
const envSchema = z.object({
  VITE_SUPABASE_URL: z.url({
    protocol: /^https?$/,
    error: (issue) =>
      issue.input === undefined || issue.input === ''
        ? 'manquante'
        : 'doit être une adresse http(s) complète, par exemple http://127.0.0.1:54321',
  }),
  VITE_SUPABASE_ANON_KEY: z
    .string({ error: 'manquante' })
    .check(z.trim(), z.minLength(1, { error: 'manquante' })),
});

export type Env = z.infer<typeof envSchema>;

export interface EnvProblem {
  /** Variable name, e.g. `VITE_SUPABASE_URL`. */
  name: string;
  /** What is wrong with it, in French. */
  problem: string;
}

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: EnvProblem[] };

/** Pure: validates a raw environment record. */
export function parseEnv(raw: Record<string, unknown>): EnvResult {
  const result = envSchema.safeParse(raw);
  if (result.success) return { ok: true, env: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      name: String(issue.path[0] ?? 'environnement'),
      problem: issue.message,
    })),
  };
}

/** The environment of this build, validated once at start-up. */
export const envResult: EnvResult = parseEnv(import.meta.env);

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
