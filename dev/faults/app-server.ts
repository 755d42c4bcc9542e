/**
 * The app's Vite dev server wired to a fault scenario's own stack, in a child process (so that
 * its VITE_SUPABASE_* never leak into the test process). Its pre-bundled dependencies go to
 * node_modules/.vite-faults, apart from the other dev servers' node_modules/.vite: two Vite
 * servers re-bundling into one directory would break each other.
 *
 *   node --import tsx dev/faults/app-server.ts <port>      (env: VITE_SUPABASE_URL, …_ANON_KEY)
 */
import path from 'node:path';
import { type ManagedProcess, spawnManaged, waitForHttp } from '../stack/child-process.ts';
import { repoRoot } from '../stack/config.ts';

export async function startFaultApp(options: {
  port: number;
  supabaseUrl: string;
  anonKey: string;
}): Promise<{ url: string; process: ManagedProcess }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')),
  );
  const child = spawnManaged(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'dev/faults/app-server.ts'), String(options.port)],
    {
      cwd: repoRoot,
      env: {
        ...env,
        VITE_SUPABASE_URL: options.supabaseUrl,
        VITE_SUPABASE_ANON_KEY: options.anonKey,
      },
      log: (line) => console.error(`[fault app] ${line}`),
    },
  );
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHttp(`${url}/`, 90_000, () => child.child.exitCode !== null);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { url, process: child };
}

async function serve(port: number) {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: path.join(repoRoot, 'vite.config.ts'),
    root: repoRoot,
    cacheDir: path.join(repoRoot, 'node_modules', '.vite-faults'),
    logLevel: 'warn',
    clearScreen: false,
    server: { port, strictPort: true, host: '127.0.0.1' },
  });
  await server.listen();
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.join(repoRoot, 'dev/faults/app-server.ts')
) {
  await serve(Number(process.argv[2]));
}
