/**
 * The production build, checked by `npm test` (issue 5, item 4): builds the app once into a
 * throw-away directory (never dist/, which a running preview may be serving) and checks the
 * size budget, what must stay lazy, the dropped console calls, the compressed copies, and —
 * with a second build where one page changed — that no other page's chunk is renamed.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  budgetPassed,
  CLEANER_JS_BUDGET_BYTES,
  CRITICAL_JS_BUDGET_BYTES,
  formatReport,
  GUEST_JS_BUDGET_BYTES,
  lazyOnlyPackagesIn,
  measureBudget,
  readManifest,
} from './budget.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_TIMEOUT = 120_000;

async function buildInto(outDir: string, plugins: Plugin[] = []): Promise<void> {
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      configFile: path.join(root, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
      plugins,
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

async function scripts(outDir: string): Promise<string[]> {
  return (await readdir(path.join(outDir, 'assets'))).filter((file) => file.endsWith('.js'));
}

let workDir: string;
let outDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'lou-build-'));
  outDir = path.join(workDir, 'a');
  await buildInto(outDir);
}, BUILD_TIMEOUT);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('production build', () => {
  it('keeps the JavaScript of the login page and the dashboard within the brotli budget, without Sentry or web-vitals', () => {
    const report = measureBudget(outDir);
    expect(CRITICAL_JS_BUDGET_BYTES).toBeLessThanOrEqual(150 * 1024);
    expect(report.violations, formatReport(report)).toEqual([]);
    expect(report.total.brotli, formatReport(report)).toBeLessThanOrEqual(CRITICAL_JS_BUDGET_BYTES);
    expect(budgetPassed(report)).toBe(true);
  });

  it('keeps the guest sheet page (guest.html) within its own brotli budget, with no owner-app code', () => {
    const { guest } = measureBudget(outDir);
    expect(guest.chunks.map((chunk) => chunk.file).join()).toMatch(/guest-/);
    expect(guest.violations).toEqual([]);
    expect(guest.total.brotli).toBeLessThanOrEqual(GUEST_JS_BUDGET_BYTES);
  });

  it('keeps the cleaner page (cleaner.html) within its own brotli budget, with no owner-app code', () => {
    const { cleaner } = measureBudget(outDir);
    expect(cleaner.chunks.map((chunk) => chunk.file).join()).toMatch(/cleaner-/);
    expect(cleaner.violations).toEqual([]);
    expect(cleaner.total.brotli).toBeLessThanOrEqual(CLEANER_JS_BUDGET_BYTES);
  });

  it('builds Sentry and web-vitals into chunks loaded only later (so the check above means something)', async () => {
    const report = measureBudget(outDir);
    const later = report.later.map((chunk) => chunk.file);
    const lazyPackages = new Set(later.flatMap((file) => lazyOnlyPackagesIn(outDir, file)));
    expect(lazyPackages).toContain('@sentry');
    expect(lazyPackages).toContain('web-vitals');
    // The manifest agrees: each is reached through an import() only.
    const manifest = readManifest(outDir);
    const telemetry = Object.entries(manifest).find(([key]) => key.endsWith('telemetry/start.tsx'));
    expect(telemetry?.[1].isDynamicEntry).toBe(true);
  });

  it('drops console calls and debugger statements from every script', async () => {
    for (const file of await scripts(outDir)) {
      const code = await readFile(path.join(outDir, 'assets', file), 'utf8');
      expect(code, file).not.toMatch(/\bconsole\.(log|info|debug|warn|error|trace|table)\(/);
      expect(code, file).not.toMatch(/\bdebugger\b/);
    }
  });

  it('writes a gzip and a brotli copy next to every script, stylesheet and page', async () => {
    const assets = (await readdir(path.join(outDir, 'assets'))).filter((file) =>
      /\.(js|css)$/.test(file),
    );
    // (sw.js is written by vite-plugin-pwa after the compression step: sent as is, ~10 KB.)
    const files = [...assets.map((file) => path.join('assets', file)), 'index.html'];
    const missing = files.filter(
      (file) =>
        !existsSync(path.join(outDir, `${file}.br`)) ||
        !existsSync(path.join(outDir, `${file}.gz`)),
    );
    expect(missing).toEqual([]);
  });

  it(
    'renames only the changed page, the router and the entry when one page changes (vendor and other pages keep their names)',
    async () => {
      const changed = path.join(workDir, 'b');
      const changeGites: Plugin = {
        name: 'test:change-one-page',
        transform(code, id) {
          if (!id.endsWith('/src/app/routes/gites.tsx')) return null;
          return `${code}\nif (import.meta.url === 'never') globalThis.__changed = 1;\n`;
        },
      };
      await buildInto(changed, [changeGites]);
      const before = await scripts(outDir);
      const after = new Set(await scripts(changed));
      const renamed = before
        .filter((file) => !after.has(file))
        .map((file) => file.replace(/-[\w-]{8}\.js$/, ''));
      expect(renamed.sort()).toEqual(['app', 'gites', 'index']);
      for (const vendor of [
        'vendor-react',
        'vendor-router',
        'vendor-supabase',
        'vendor-tanstack',
      ]) {
        expect(before.some((file) => file.startsWith(`${vendor}-`) && after.has(file))).toBe(true);
      }
    },
    BUILD_TIMEOUT,
  );
});
