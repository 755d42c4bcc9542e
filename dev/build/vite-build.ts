/**
 * The production build's settings (issue 5, item 4), kept out of vite.config.ts so the config
 * stays a short list of what is plugged in:
 *
 * - vendor code in stable chunks of its own (react, the router, supabase-js, TanStack Query,
 *   Sentry), so a change in one page never changes their file names (their hashes depend on
 *   their own content only) and browsers keep them cached across deploys;
 * - `console.*` and `debugger` dropped by the minifier (Oxc, Vite 8's default);
 * - source maps generated `hidden` (written, never referenced from the bundles) and uploaded to
 *   Sentry — then deleted from dist/ — only when SENTRY_AUTH_TOKEN is set;
 * - gzip and brotli copies next to every text asset, for hosts and servers that send them as is;
 * - a `manifest.json` (dist/.vite/) that the size budget (dev/build/budget.ts) reads;
 * - the release name (package version + git commit) defined once, for Sentry.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sentryVitePlugin } from '@sentry/vite-plugin';
import type { BuildEnvironmentOptions, PluginOption } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const repoRoot = new URL('../../', import.meta.url);

/**
 * `liveownerunit@0.1.0+1a2b3c4`: the package version, plus the commit when the build runs in a
 * git checkout. `APP_RELEASE` overrides it (a CI that builds from a tarball, or a tag name).
 */
export function appRelease(env: NodeJS.ProcessEnv = process.env): string {
  if (env.APP_RELEASE) return env.APP_RELEASE;
  const pkg = JSON.parse(readFileSync(new URL('package.json', repoRoot), 'utf8')) as {
    name: string;
    version: string;
  };
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // not a git checkout (or no git): the version alone
  }
  return commit ? `${pkg.name}@${pkg.version}+${commit}` : `${pkg.name}@${pkg.version}`;
}

/**
 * Compile-time constants. The release is read only by the lazily loaded telemetry chunk, so a
 * new commit changes that chunk's name and nothing on the critical path. The `__SENTRY_*`
 * flags let the minifier drop the SDK's debug logging and unused replay parts (what the Sentry
 * plugin's `bundleSizeOptimizations` does, applied with or without the plugin).
 */
export function buildDefines(release: string): Record<string, string> {
  return {
    __APP_RELEASE__: JSON.stringify(release),
    __SENTRY_DEBUG__: 'false',
    __RRWEB_EXCLUDE_IFRAME__: 'true',
    __RRWEB_EXCLUDE_SHADOW_DOM__: 'true',
    __SENTRY_EXCLUDE_REPLAY_WORKER__: 'true',
  };
}

/** Vendor packages that get a chunk of their own (first match wins: highest priority first). */
const VENDOR_CHUNKS: ReadonlyArray<{ name: string; test: RegExp }> = [
  { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  {
    name: 'vendor-router',
    test: /[\\/]node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/,
  },
  {
    name: 'vendor-supabase',
    test: /[\\/]node_modules[\\/](@supabase[\\/]|iceberg-js[\\/]|tslib[\\/])/,
  },
  {
    name: 'vendor-tanstack',
    test: /[\\/]node_modules[\\/]@tanstack[\\/](react-query|query-core)[\\/]/,
  },
  { name: 'vendor-sentry', test: /[\\/]node_modules[\\/]@sentry(-internal)?[\\/]/ },
  // The statistics page's charts: loaded with that page only.
  { name: 'vendor-chartjs', test: /[\\/]node_modules[\\/](chart\.js|@kurkle[\\/]color)[\\/]/ },
];

const srcDir = fileURLToPath(new URL('src/', repoRoot));
const SCRIPT = /\.[cm]?[jt]sx?$/;
/** The entry (static part: boot code, the configuration screen). */
const MAIN = path.join(srcDir, 'main.tsx');
/** The shell, imported by main.tsx as soon as the configuration is valid. */
const APP = path.join(srcDir, 'app', 'app.tsx');
/** The module holding every page's `import()`: its chunk's name changes with any page. */
const ROUTER = path.join(srcDir, 'app', 'router.tsx');

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

/** The app's own modules statically reachable from `root` (`root` included). */
function staticAppClosure(graph: ModuleGraph, root: string): Set<string> {
  const seen = new Set<string>();
  const queue = [root];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id) || !id.startsWith(srcDir) || !SCRIPT.test(id)) continue;
    seen.add(id);
    queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * Which chunk of the app's own code a module belongs to, so that no page chunk ever imports
 * a chunk that names the pages. Without this, the modules the shell shares with the pages
 * (the supabase client, the session hooks, the error screens) sit in the shell's chunk, next
 * to the router's `import('./gites-<hash>.js')`: a change in one page renames the shell chunk,
 * and every other page, which imports it, is renamed too. Here:
 *
 * - `boot`: what the entry runs before the shell (environment check, error report seam, the
 *   configuration screen); the entry chunk keeps only src/main.tsx;
 * - `shell`: the rest of the shell's static code, shared with the pages; the shell's own
 *   chunk keeps only app.tsx and router.tsx, and no page imports it.
 *
 * Pages (and what only pages use) stay in chunks of their own, chosen by Rolldown.
 */
function appChunkName(id: string, graph: ModuleGraph): string | null {
  if (!id.startsWith(srcDir) || !SCRIPT.test(id) || id === MAIN || id === APP || id === ROUTER) {
    return null;
  }
  let closures = closuresByGraph.get(graph);
  if (!closures) {
    closures = { boot: staticAppClosure(graph, MAIN), shell: staticAppClosure(graph, APP) };
    closuresByGraph.set(graph, closures);
  }
  if (closures.boot.has(id)) return 'boot';
  if (closures.shell.has(id)) return 'shell';
  return null;
}

/** One computation per chunking pass (Rolldown reuses the context object within a pass). */
const closuresByGraph = new WeakMap<ModuleGraph, { boot: Set<string>; shell: Set<string> }>();

export function buildOptions(): BuildEnvironmentOptions {
  return {
    manifest: true,
    // Written for Sentry, referenced by no bundle: browsers never fetch them.
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        minify: {
          compress: { dropConsole: true, dropDebugger: true },
          mangle: true,
          codegen: true,
        },
        codeSplitting: {
          groups: [
            // Vite's dynamic-import helper, on its own: the guest page loads its police form
            // lazily and needs the helper, not the owner app's boot chunk (and React) it
            // would otherwise sit in.
            {
              name: 'preload-helper',
              test: /^\0vite\/preload-helper\.js$/,
              priority: VENDOR_CHUNKS.length + 3,
            },
            ...VENDOR_CHUNKS.map(({ name, test }, index) => ({
              name,
              test,
              priority: VENDOR_CHUNKS.length + 2 - index,
            })),
            {
              name: (id: string, ctx: ModuleGraph) => appChunkName(id, ctx),
              debugName: 'app boot/shell',
              priority: 1,
            },
          ],
        },
      },
    },
  };
}

/**
 * supabase-js parts the app does not use, replaced by small stubs in the browser bundle (dev
 * server and build; tests under Node use the real packages): `createClient` builds a realtime
 * client and a storage client whether or not they are used, 17 KB brotli on the first page's
 * path. See src/lib/supabase-unused/ — using either fails with a French message naming this.
 */
export function supabaseUnusedParts(): Record<string, string> {
  return {
    '@supabase/realtime-js': path.join(srcDir, 'lib', 'supabase-unused', 'realtime-js.ts'),
    '@supabase/storage-js': path.join(srcDir, 'lib', 'supabase-unused', 'storage-js.ts'),
  };
}

/**
 * `<link rel="modulepreload">` in index.html for the shell (src/app/app.tsx) and its static
 * imports. main.tsx imports the shell as soon as the configuration is valid, but only once the
 * entry has run: without these links the browser learns about the router, supabase-js and
 * TanStack one round trip later (150 ms on a rural connection). Preloading fetches and parses,
 * it does not run: the configuration screen still loads nothing that talks to Supabase. The
 * shell's stylesheet is linked outright (Vite would otherwise hold the shell until it loaded).
 */
export function preloadShellPlugin(): PluginOption {
  return {
    name: 'liveownerunit:preload-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, path: page }) {
        // Only the owner app's page: the guest sheet (guest.html) loads none of the shell.
        if (!bundle || !page.endsWith('/index.html')) return html;
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const shell = chunks.find((chunk) => chunk.facadeModuleId === APP);
        if (!shell) return html;
        const files = new Set<string>();
        const queue = [shell.fileName];
        for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
          if (files.has(file)) continue;
          files.add(file);
          queue.push(...(byFile.get(file)?.imports ?? []));
        }
        // The shell's own styles too: Vite's loader waits for a lazy chunk's CSS before it runs
        // the chunk, unless the page already links it (a round trip saved, 0.6 KB).
        const styles = [...files].flatMap(
          (file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])] as string[],
        );
        return [
          ...[...new Set(styles)]
            .filter((file) => !html.includes(`/${file}"`))
            .map((file) => ({
              tag: 'link',
              attrs: { rel: 'stylesheet', crossorigin: true, href: `/${file}` },
              injectTo: 'head' as const,
            })),
          ...[...files]
            .filter((file) => !html.includes(`/${file}"`))
            .map((file) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
              injectTo: 'head' as const,
            })),
        ];
      },
    },
  };
}

/** Everything this module adds to the build, in order. */
export function buildPlugins(release: string): PluginOption[] {
  return [preloadShellPlugin(), compressionPlugin(), sentryUploadPlugin(release)];
}

/** gzip and brotli (maximum quality: compressed once at build time, served many times). */
export function compressionPlugin(): PluginOption {
  return compression({
    algorithms: [defineAlgorithm('gzip', { level: 9 }), defineAlgorithm('brotliCompress')],
    include: /\.(html|js|mjs|css|json|webmanifest|svg|txt|xml|ico)$/,
    // The build manifest is for the budget script; maps go to Sentry, not to browsers.
    exclude: [/[\\/]\.vite[\\/]/, /\.map$/],
    threshold: 0,
    // Every file gets both copies, even a tiny chunk whose gzip is a few bytes larger: a host
    // serving `.gz`/`.br` as is must find them (the build test checks every script has both).
    skipIfLargerOrEqual: false,
    logLevel: 'silent',
  });
}

/**
 * Source-map upload, only with SENTRY_AUTH_TOKEN (plus SENTRY_ORG / SENTRY_PROJECT, read by the
 * plugin): the maps are uploaded under the release the app reports, then deleted from dist/ so
 * they are never deployed. No telemetry from the plugin itself.
 */
export function sentryUploadPlugin(
  release: string,
  env: NodeJS.ProcessEnv = process.env,
): PluginOption {
  if (!env.SENTRY_AUTH_TOKEN) return null;
  return sentryVitePlugin({
    authToken: env.SENTRY_AUTH_TOKEN,
    telemetry: false,
    release: { name: release, inject: false },
    sourcemaps: {
      filesToDeleteAfterUpload: [`${fileURLToPath(new URL('dist', repoRoot))}/**/*.map`],
    },
  });
}
