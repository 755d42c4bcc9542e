import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, 'src') } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.{ts,tsx}',
            'dev/**/*.unit.test.ts',
            'supabase/functions/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'supabase/tests/**/*.test.ts',
            'dev/**/*.integration.test.ts',
            'src/**/*.integration.test.ts',
            'supabase/functions/**/*.integration.test.ts',
          ],
          environment: 'node',
          // One throw-away stack (Postgres, PostgREST, auth, gateway) serves every integration file.
          globalSetup: ['dev/test/global-setup.ts'],
          setupFiles: ['dev/test/integration-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
