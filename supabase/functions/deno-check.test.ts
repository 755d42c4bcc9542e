/**
 * The edge functions as Supabase deploys them: type-checked by Deno itself (npm's
 * `@deno/linux-x64-glibc` binary, see dev/deno.ts), with the imports resolved the way `supabase/functions/deno.json` resolves them
 * (from the repository's node_modules). The shared code is also checked by tsc and run by the
 * Node tests; this catches what only Deno sees (Deno APIs, import resolution).
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { denoBinary } from '../../dev/deno.ts';

const functionsDir = path.resolve(import.meta.dirname);
const deno = denoBinary();

it('type-checks every edge function with Deno', { timeout: 120_000 }, async () => {
  const entries = (await readdir(functionsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => path.join(e.name, 'index.ts'));
  expect(entries.length).toBeGreaterThan(0);
  const { stderr } = await promisify(execFile)(deno, ['check', ...entries], {
    cwd: functionsDir,
    env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
  });
  expect(stderr).not.toMatch(/error/i);
});
