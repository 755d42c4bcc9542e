/**
 * src/lib/database.types.ts must be what dev/gen-types.ts generates from the
 * migrated schema: a migration that changes a table without regenerating the
 * types fails here.
 */
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { DEFAULT_TYPES_FILE, generateTypes } from '../../dev/gen-types.ts';

const stack = inject('stack');

describe('src/lib/database.types.ts', () => {
  it('matches the types generated from the migrated schema (run npm run gen:types)', async () => {
    const client = new pg.Client({ connectionString: stack.dbUrl });
    await client.connect();
    try {
      const generated = await generateTypes(client);
      const committed = await readFile(DEFAULT_TYPES_FILE, 'utf8');
      expect(
        committed === generated,
        'src/lib/database.types.ts is out of date with supabase/migrations: run npm run gen:types',
      ).toBe(true);
    } finally {
      await client.end();
    }
  });
});
