import { describe, expect, it } from 'vitest';
import { startFailure } from './postgres.ts';

/** PostgreSQL's own lines, as the stack saw them (dev/faults/disk-faults.ts makes them). */
const FATAL = (text: string) =>
  `2026-11-24 06:46:06.088 UTC [20716] LOG:  starting PostgreSQL 18\n2026-11-24 06:46:06.088 UTC [20716] FATAL:  ${text}\n`;

describe('why PostgreSQL did not start', () => {
  it('names a full disk, a read-only file system or a denied write, and never says to delete the data', () => {
    const full = startFailure(
      '/data/pg',
      FATAL('could not write lock file "postmaster.pid": No space left on device'),
    );
    expect(full).toMatch(/the disk is full .*free some space/);
    const readOnly = startFailure(
      '/data/pg',
      FATAL('could not create lock file "postmaster.pid": Read-only file system'),
    );
    expect(readOnly).toMatch(/read-only .*remount it read-write/);
    const denied = startFailure(
      '/data/pg',
      FATAL('could not create lock file "postmaster.pid": Permission denied'),
    );
    expect(denied).toMatch(/may not write there .*chmod/);
    for (const message of [full, readOnly, denied]) expect(message).not.toMatch(/rm -rf/);
  });

  it('still offers a fresh database for a directory that is simply broken', () => {
    expect(
      startFailure('/data/pg', FATAL('could not read file "global/pg_control": read 0 of 296')),
    ).toMatch(/if the directory is corrupt, remove it \(rm -rf \/data\/pg\)/);
  });
});
