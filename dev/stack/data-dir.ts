/**
 * The data directory before anything starts: a read-only file system or a full disk stops the
 * start with one line naming the problem and the fix, before PostgreSQL or any file of the
 * stack is touched (so nothing is half-written). And the stack's own files are written
 * atomically: a write that fails (disk full) leaves the previous file, never an empty one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import { StackError } from './stack-error.ts';

/**
 * Below this much free space the start is refused: PostgreSQL writes its WAL in 16 MB
 * segments and a checkpoint at start-up; on a disk that fills during the migrations or the
 * first writes, the database would stop halfway instead of not starting.
 */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The errno of a file-system failure as one readable cause, or null for any other error. */
function diskProblem(error: unknown): 'read-only' | 'full' | 'denied' | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EROFS') return 'read-only';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code === 'EACCES' || code === 'EPERM') return 'denied';
  return null;
}

function problemMessage(
  problem: 'read-only' | 'full' | 'denied',
  dir: string,
  detail: string,
): string {
  switch (problem) {
    case 'read-only':
      return `the data directory ${dir} is on a read-only file system (${detail}) — remount it read-write (or pick another --data-dir) and start again; nothing in it was changed.`;
    case 'full':
      return `the disk holding ${dir} is full (${detail}) — free some space on it and start again; nothing in the data directory was changed.`;
    case 'denied':
      return `the data directory ${dir} may not be written (${detail}) — give it write access back (chmod u+w, or chattr -i) and start again; nothing in it was changed.`;
  }
}

/**
 * Checks that `dataDir` can be created and written, and that its disk has room: writes,
 * syncs and removes a small probe file. Throws a StackError naming the problem otherwise.
 */
export async function assertDataDirWritable(dataDir: string): Promise<void> {
  const probe = path.join(dataDir, `.write-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dataDir, { recursive: true });
    const handle = await open(probe, 'wx', 0o600);
    try {
      await handle.writeFile(randomBytes(64 * 1024));
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(probe, { force: true }).catch(() => undefined);
    const problem = diskProblem(error);
    if (problem) {
      throw new StackError(problemMessage(problem, dataDir, (error as Error).message));
    }
    throw error;
  }
  await rm(probe, { force: true });
  const fs = await statfs(dataDir);
  const free = fs.bavail * fs.bsize;
  if (free < MIN_FREE_BYTES) {
    throw new StackError(
      problemMessage(
        'full',
        dataDir,
        `${megabytes(free)} free, PostgreSQL needs at least ${megabytes(MIN_FREE_BYTES)}`,
      ),
    );
  }
}

/**
 * Writes `file` through a temporary file and a rename: readers see the old content or the
 * new one, never a truncated file (a full disk fails the write, not the file).
 */
export async function writeFileAtomic(file: string, content: string, mode = 0o600): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w', mode);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const problem = diskProblem(error);
    if (problem) {
      throw new StackError(
        `could not write ${file}: ${problemMessage(problem, path.dirname(file), (error as Error).message)}`,
      );
    }
    throw error;
  }
}
