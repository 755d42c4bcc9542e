/**
 * `npm run budget [-- --dir dist]` (printed by `npm run build`, enforced by `npm test` through
 * dev/build/budget.unit.test.ts):
 * the JavaScript a phone downloads before it can show the login page and then the dashboard,
 * measured brotli-compressed from the build's manifest (dist/.vite/manifest.json):
 *
 *   the entry (index.html's script) + the shell main.tsx imports at once (src/app/app.tsx)
 *   + the /connexion and /tableau-de-bord route chunks, each with its static imports.
 *
 * Prints a table and exits 1 above the budget, or when code that must load after the first
 * render (Sentry, web-vitals) is found in one of those chunks (read from the hidden source
 * maps' `sources`; from the code itself when the maps were deleted after a Sentry upload).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * THE budget: brotli bytes of the JavaScript above. The issue caps it at 150 KB; it is set to
 * what the build measures plus a small margin, so a regression shows at once (measured:
 * 133.7 KB — react-dom 56.6, react-router 26.0, supabase-js 24.3, TanStack Query 9.4, the
 * app's own code 17.4). Raise it only with a reason in the commit, and never above 150 KB.
 */
export const CRITICAL_JS_BUDGET_BYTES = 138 * 1024;

/** What is loaded to show the login page and the dashboard (manifest keys). */
export const CRITICAL_ROOTS: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'index.html', label: 'entry' },
  { key: 'src/app/app.tsx', label: 'shell' },
  { key: 'src/app/routes/connexion.tsx', label: '/connexion' },
  { key: 'src/app/routes/tableau-de-bord.tsx', label: '/tableau-de-bord' },
];

/**
 * The guest welcome sheet (/g/<token>, guest.html): its own budget, brotli. Guests open it on
 * arrival, often on a poor signal; it has none of the owner app's code (measured: 12.1 KB —
 * the page and the `qr` encoder 10.8, Vite's dynamic-import helper 0.7, the env reader 0.3,
 * Vite's preload polyfill 0.3; the police form, 4.9 KB, loads only when a guest opens it).
 */
export const GUEST_JS_BUDGET_BYTES = 14 * 1024;
export const GUEST_ROOTS: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'guest.html', label: 'guest page' },
];
/**
 * The cleaner's page (/m/<token>, cleaner.html): the same kind of light page, same rules
 * (measured: 3 KB — the page 2.4, the shared env reader and Vite's preload polyfill).
 */
export const CLEANER_JS_BUDGET_BYTES = 8 * 1024;
export const CLEANER_ROOTS: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'cleaner.html', label: 'cleaner page' },
];
/** Owner-app packages that must never reach the guest page. */
export const GUEST_FORBIDDEN_PACKAGES = [
  'react',
  'react-dom',
  'scheduler',
  'react-router',
  '@tanstack',
  '@supabase',
  '@sentry',
  'zod',
] as const;

/** Packages that must never be on that path (they load after the first render). */
export const LAZY_ONLY_PACKAGES = ['@sentry', '@sentry-internal', 'web-vitals'] as const;

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface ChunkSize {
  file: string;
  /** Why it is loaded: the first root (in CRITICAL_ROOTS order) that needs it. */
  neededBy: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface BudgetReport {
  critical: ChunkSize[];
  total: { raw: number; gzip: number; brotli: number };
  budget: number;
  /** Chunks loaded later (other pages, telemetry): not counted, listed for reference. */
  later: ChunkSize[];
  /** `file: package` for every lazy-only package found in a critical chunk. */
  violations: string[];
  /** The guest page's JavaScript, against its own budget. */
  guest: PublicPageReport;
  /** The cleaner page's JavaScript, against its own budget. */
  cleaner: PublicPageReport;
}

/** A page without an account (guest sheet, cleaner): its JavaScript, budget and rule breaks. */
export interface PublicPageReport {
  chunks: ChunkSize[];
  total: { raw: number; gzip: number; brotli: number };
  budget: number;
  /** `file: package` (or `file: src/app…`) for owner-app code found in one of its chunks. */
  violations: string[];
}

export function readManifest(outDir: string): Manifest {
  const file = path.join(outDir, '.vite', 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build first (npm run build), with build.manifest on`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Pure: manifest keys of every chunk the roots load before anything else, with their root. */
export function criticalChunks(
  manifest: Manifest,
  roots: ReadonlyArray<{ key: string; label: string }> = CRITICAL_ROOTS,
): Map<string, string> {
  const neededBy = new Map<string, string>();
  for (const root of roots) {
    if (!manifest[root.key]) throw new Error(`the manifest has no chunk for ${root.key}`);
    const queue = [root.key];
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      if (neededBy.has(key)) continue;
      const chunk = manifest[key];
      if (!chunk) throw new Error(`the manifest lists ${key} as an import but has no entry for it`);
      neededBy.set(key, root.label);
      queue.push(...(chunk.imports ?? []));
    }
  }
  return neededBy;
}

function sizeOf(outDir: string, file: string, neededBy: string): ChunkSize {
  const code = readFileSync(path.join(outDir, file));
  return {
    file,
    neededBy,
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: code.length,
      },
    }).length,
  };
}

/** Sources of a chunk, from its hidden source map (null when the map was deleted). */
function chunkSources(outDir: string, file: string): string[] | null {
  const mapFile = path.join(outDir, `${file}.map`);
  if (!existsSync(mapFile)) return null;
  return (JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] }).sources;
}

/** Owner-app code in a guest chunk: forbidden packages, or the app's own modules. */
export function ownerCodeIn(outDir: string, file: string): string[] {
  const sources = chunkSources(outDir, file);
  if (sources === null) {
    // No map: markers of React and supabase-js code.
    const code = readFileSync(path.join(outDir, file), 'utf8');
    return ['react.transitional.element', 'supabase-js'].filter((marker) => code.includes(marker));
  }
  const packages = GUEST_FORBIDDEN_PACKAGES.filter((name) =>
    sources.some((source) => source.includes(`node_modules/${name}/`)),
  );
  const appCode = sources.some((source) => /\/src\/(app|features|lib|components)\//.test(source))
    ? ['src/app, src/features, src/lib or src/components']
    : [];
  return [...packages, ...appCode];
}

/** The packages of LAZY_ONLY_PACKAGES bundled in a chunk. */
export function lazyOnlyPackagesIn(outDir: string, file: string): string[] {
  const mapFile = path.join(outDir, `${file}.map`);
  if (existsSync(mapFile)) {
    const { sources } = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] };
    return LAZY_ONLY_PACKAGES.filter((name) =>
      sources.some((source) => source.includes(`node_modules/${name}/`)),
    );
  }
  // No map (deleted after a Sentry upload): markers that only these packages' code contains.
  const code = readFileSync(path.join(outDir, file), 'utf8');
  const found: string[] = [];
  if (code.includes('__SENTRY__')) found.push('@sentry');
  if (code.includes('largest-contentful-paint')) found.push('web-vitals');
  return found;
}

function sumSizes(chunks: readonly ChunkSize[]) {
  return chunks.reduce(
    (sum, chunk) => ({
      raw: sum.raw + chunk.raw,
      gzip: sum.gzip + chunk.gzip,
      brotli: sum.brotli + chunk.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/** A public page's JavaScript (its HTML entry and the entry's static imports). */
export function measureGuest(
  outDir: string,
  manifest: Manifest,
  budget = GUEST_JS_BUDGET_BYTES,
  roots: ReadonlyArray<{ key: string; label: string }> = GUEST_ROOTS,
): PublicPageReport {
  const files = new Set<string>();
  const chunks: ChunkSize[] = [];
  for (const [key, label] of criticalChunks(manifest, roots)) {
    const file = manifest[key]?.file;
    if (!file?.endsWith('.js') || files.has(file)) continue;
    files.add(file);
    chunks.push(sizeOf(outDir, file, label));
  }
  chunks.sort((a, b) => b.brotli - a.brotli);
  const violations = chunks.flatMap((chunk) =>
    ownerCodeIn(outDir, chunk.file).map((what) => `${chunk.file}: ${what}`),
  );
  return { chunks, total: sumSizes(chunks), budget, violations };
}

export function measureBudget(outDir: string, budget = CRITICAL_JS_BUDGET_BYTES): BudgetReport {
  const manifest = readManifest(outDir);
  const needed = criticalChunks(manifest);
  const criticalFiles = new Set<string>();
  const critical: ChunkSize[] = [];
  for (const [key, label] of needed) {
    const file = manifest[key]?.file;
    if (!file?.endsWith('.js') || criticalFiles.has(file)) continue;
    criticalFiles.add(file);
    critical.push(sizeOf(outDir, file, label));
  }
  critical.sort((a, b) => b.brotli - a.brotli);
  const later = Object.values(manifest)
    .map((chunk) => chunk.file)
    .filter((file, index, all) => file.endsWith('.js') && all.indexOf(file) === index)
    .filter((file) => !criticalFiles.has(file))
    .map((file) => sizeOf(outDir, file, 'later'))
    .sort((a, b) => b.brotli - a.brotli);
  const total = critical.reduce(
    (sum, chunk) => ({
      raw: sum.raw + chunk.raw,
      gzip: sum.gzip + chunk.gzip,
      brotli: sum.brotli + chunk.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  const violations = critical.flatMap((chunk) =>
    lazyOnlyPackagesIn(outDir, chunk.file).map((name) => `${chunk.file}: ${name}`),
  );
  return {
    critical,
    total,
    budget,
    later,
    violations,
    guest: measureGuest(outDir, manifest),
    cleaner: measureGuest(outDir, manifest, CLEANER_JS_BUDGET_BYTES, CLEANER_ROOTS),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatReport(report: BudgetReport): string {
  const rows: string[][] = [['chunk', 'needed by', 'raw', 'gzip', 'brotli']];
  for (const c of report.critical) {
    rows.push([c.file.replace(/^assets\//, ''), c.neededBy, kb(c.raw), kb(c.gzip), kb(c.brotli)]);
  }
  const { total, budget } = report;
  rows.push(['total', '', kb(total.raw), kb(total.gzip), kb(total.brotli)]);
  rows.push(['budget', '', '', '', kb(budget)]);
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => row[col]?.length ?? 0)));
  const line = (row: string[]) =>
    row
      .map((cell, col) =>
        col < 2 ? cell.padEnd(widths?.[col] ?? 0) : cell.padStart(widths?.[col] ?? 0),
      )
      .join('  ');
  const out = [
    'JavaScript to show the login page and the dashboard (entry + shell + both routes, static imports):',
    ...rows.map(line),
  ];
  const laterTop = report.later
    .slice(0, 8)
    .map((c) => `${c.file.replace(/^assets\//, '')} ${kb(c.brotli)}`);
  out.push(`Loaded later, not counted (largest, brotli): ${laterTop.join(', ')}`);
  const verdict =
    total.brotli <= budget
      ? `OK: ${kb(total.brotli)} brotli ≤ budget ${kb(budget)} (${kb(budget - total.brotli)} left)`
      : `OVER BUDGET: ${kb(total.brotli)} brotli > ${kb(budget)} — load the extra code lazily (see dev/build/budget.ts)`;
  out.push(verdict);
  for (const violation of report.violations) {
    out.push(`NOT LAZY: ${violation} is on the critical path; it must load after the first render`);
  }
  out.push(...publicPageLines('Guest sheet page (/g/<token>)', 'guest page', report.guest));
  out.push(...publicPageLines('Cleaner page (/m/<token>)', 'cleaner page', report.cleaner));
  return out.join('\n');
}

function publicPageLines(title: string, name: string, page: PublicPageReport): string[] {
  return [
    `${title}: ${page.chunks
      .map((c) => `${c.file.replace(/^assets\//, '')} ${kb(c.brotli)}`)
      .join(', ')} — total ${kb(page.total.brotli)} brotli (${kb(page.total.raw)} raw)`,
    page.total.brotli <= page.budget
      ? `OK: ${name} ${kb(page.total.brotli)} brotli ≤ budget ${kb(page.budget)}`
      : `OVER BUDGET: ${name} ${kb(page.total.brotli)} brotli > ${kb(page.budget)}`,
    ...page.violations.map((violation) => `OWNER CODE ON THE ${name.toUpperCase()}: ${violation}`),
  ];
}

export function budgetPassed(report: BudgetReport): boolean {
  return (
    report.total.brotli <= report.budget &&
    report.violations.length === 0 &&
    [report.guest, report.cleaner].every(
      (page) => page.total.brotli <= page.budget && page.violations.length === 0,
    )
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      // `npm run build` reports without failing (a hotfix still deploys); `npm test` and
      // `npm run budget` fail above the budget.
      'report-only': { type: 'boolean', default: false },
    },
  });
  const report = measureBudget(path.resolve(values.dir ?? 'dist'));
  console.log(formatReport(report));
  if (!values['report-only']) process.exitCode = budgetPassed(report) ? 0 : 1;
}
