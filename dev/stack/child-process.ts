import { type ChildProcess, spawn } from 'node:child_process';

export interface ManagedProcess {
  child: ChildProcess;
  /** Resolves once the process has exited (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
}

/** Children still running; killed if this process exits in any way Node can observe. */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

/** Spawns a child whose output is prefixed and whose stop() really waits for the exit. */
export function spawnManaged(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; log: (line: string) => void; cwd?: string },
): ManagedProcess {
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) options.log(line);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  liveChildren.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      liveChildren.delete(child);
      resolve();
    });
  });
  return {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers with a status below 500, or throws after `timeoutMs`. */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  isDead: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isDead()) throw new Error('exited during start-up');
    const ok = await fetch(url)
      .then((response) => response.status < 500)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}
