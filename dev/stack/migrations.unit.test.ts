import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations } from './migrations.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('listMigrations', () => {
  it('orders <version>_<name>.sql files by version and ignores anything else', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lou-migrations-'));
    for (const name of [
      '20261123000200_core_tables.sql',
      '20261123000100_extensions.sql',
      'README.md',
      'notes.sql',
      '20261201000000_later.sql',
    ]) {
      await writeFile(path.join(dir, name), '');
    }
    const found = await listMigrations(dir);
    expect(found.map((migration) => `${migration.version}:${migration.name}`)).toEqual([
      '20261123000100:extensions',
      '20261123000200:core_tables',
      '20261201000000:later',
    ]);
  });
});
