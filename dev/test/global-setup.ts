import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type StackInfo, startStack } from '../stack/stack.ts';

/** Port base of the integration-test stack: far from `npm start` (54320) and e2e (56320). */
const TEST_PORT_BASE = Number(process.env.TEST_STACK_PORT_BASE ?? 55320);

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lou-test-stack-'));
  const stack = await startStack({
    dataDir,
    portBase: TEST_PORT_BASE,
    seed: true,
    log: (part, line) => console.error(`[test-stack ${part}] ${line}`),
  });
  const { stop, appliedMigrations: _applied, seeded: _seeded, parts: _parts, ...info } = stack;
  project.provide('stack', info);
  return async () => {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
