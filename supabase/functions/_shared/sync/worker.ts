/**
 * The sync worker: claims a batch of due feeds, reads them a few at a time, and reports each
 * outcome to the database (sync-store.ts). Runtime-agnostic: the Deno edge function
 * (supabase/functions/sync-worker) and the local stack's timer (dev/sync/local-sync.ts) run
 * this same code with their own fetch and store.
 *
 * Per feed:
 *   304, or a body whose hash is the one stored  → completed in bulk at the end of the batch,
 *                                                   no reservation written;
 *   a new body that is a calendar                 → apply_feed_sync: the whole feed in one
 *                                                   call and one transaction;
 *   a body that is not a calendar                 → failed at once (retrying will not help);
 *   a fetch error                                 → fail_sync_task, which retries the
 *                                                   retryable ones with backoff.
 * A worker that dies mid-batch loses nothing: its tasks come back when their lease ends.
 */
import { type FetchFeedDeps, fetchFeed } from './fetch-feed.ts';
import { parseFeed } from './parse-feed.ts';
import type { ClaimedTask, SyncStore, UnchangedResult } from './sync-store.ts';

export interface WorkerOptions {
  store: SyncStore;
  fetchDeps: FetchFeedDeps;
  /** Unique per worker process or invocation: the lease holder's name. */
  workerId: string;
  /** Feeds read at the same time. */
  concurrency?: number;
  /** Tasks claimed per batch. */
  batchSize?: number;
  /**
   * How long the worker holds its batch. Longer than a batch can take (batchSize /
   * concurrency rounds of at most one fetch timeout each, plus the database calls).
   */
  leaseSeconds?: number;
  fetchLimits?: { timeoutMs?: number; maxBytes?: number; maxRedirects?: number };
  timeZone?: string;
  now?: () => number;
}

export interface BatchReport {
  claimed: number;
  unchanged: number;
  applied: number;
  /** Tasks that failed for good this time (the owner is told). */
  failed: number;
  /** Failed attempts that will be retried after a backoff. */
  retrying: number;
  /** Tasks whose lease this worker had lost by the time it reported (another took them). */
  lost: number;
  added: number;
  updated: number;
  cancelled: number;
  /** New events that only mirror a stay we already hold (our export, re-imported). */
  echoes: number;
  /** Time spent waiting for the database (claim + reports), in ms. */
  dbMs: number;
  /** Unexpected errors (store unreachable…); those tasks come back after their lease. */
  errors: string[];
}

const emptyReport = (): BatchReport => ({
  claimed: 0,
  unchanged: 0,
  applied: 0,
  failed: 0,
  retrying: 0,
  lost: 0,
  added: 0,
  updated: 0,
  cancelled: 0,
  echoes: 0,
  dbMs: 0,
  errors: [],
});

export function addReports(a: BatchReport, b: BatchReport): BatchReport {
  return {
    claimed: a.claimed + b.claimed,
    unchanged: a.unchanged + b.unchanged,
    applied: a.applied + b.applied,
    failed: a.failed + b.failed,
    retrying: a.retrying + b.retrying,
    lost: a.lost + b.lost,
    added: a.added + b.added,
    updated: a.updated + b.updated,
    cancelled: a.cancelled + b.cancelled,
    echoes: a.echoes + b.echoes,
    dbMs: a.dbMs + b.dbMs,
    errors: [...a.errors, ...b.errors].slice(0, 50),
  };
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i];
      if (item !== undefined) await task(item);
    }
  });
  await Promise.all(runners);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The per-task work shared by syncBatch and syncUntilIdle, writing into one report. */
function taskRunner(options: WorkerOptions, report: BatchReport) {
  const now = options.now ?? (() => performance.now());
  const { store, workerId } = options;
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const started = now();
    try {
      return await work();
    } finally {
      report.dbMs += now() - started;
    }
  };

  const processTask = async (task: ClaimedTask, unchanged: UnchangedResult[]) => {
    const outcome = await fetchFeed(
      task.url,
      { etag: task.etag, lastModified: task.last_modified },
      options.fetchDeps,
      options.fetchLimits,
    );
    if (outcome.kind === 'not_modified') {
      unchanged.push({
        task_id: task.task_id,
        http_status: 304,
        bytes: 0,
        duration_ms: Math.round(outcome.durationMs),
        etag: null,
        last_modified: null,
      });
      return;
    }
    if (outcome.kind === 'error') {
      const status = await timed(() =>
        store.fail(workerId, task.task_id, {
          http_status: outcome.httpStatus,
          bytes: null,
          duration_ms: Math.round(outcome.durationMs),
          error: outcome.error,
          retryable: outcome.retryable,
        }),
      );
      countFailure(report, status);
      return;
    }
    const facts = {
      http_status: outcome.httpStatus,
      bytes: outcome.bytes,
      duration_ms: Math.round(outcome.durationMs),
    };
    if (task.content_hash !== null && outcome.contentHash === task.content_hash) {
      unchanged.push({
        task_id: task.task_id,
        ...facts,
        etag: outcome.etag,
        last_modified: outcome.lastModified,
      });
      return;
    }
    const parsed = await parseFeed(outcome.body, task.platform, {
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    if (!parsed.ok) {
      const status = await timed(() =>
        store.fail(workerId, task.task_id, { ...facts, error: parsed.error, retryable: false }),
      );
      countFailure(report, status);
      return;
    }
    const result = await timed(() =>
      store.apply(
        workerId,
        task.task_id,
        {
          ...facts,
          etag: outcome.etag,
          last_modified: outcome.lastModified,
          content_hash: outcome.contentHash,
        },
        parsed.events,
        parsed.unreadableUids,
      ),
    );
    if (!result.applied) {
      report.lost += 1;
      return;
    }
    report.applied += 1;
    report.added += result.added;
    report.updated += result.updated;
    report.cancelled += result.cancelled;
    report.echoes += result.echoes;
  };

  return {
    claim: () =>
      timed(() => store.claim(workerId, options.batchSize ?? 50, options.leaseSeconds ?? 120)),
    /** One task; an unexpected error (store unreachable…) is recorded, never thrown. */
    run: async (task: ClaimedTask, unchanged: UnchangedResult[]) => {
      try {
        await processTask(task, unchanged);
      } catch (error) {
        // The store was unreachable or refused the call: the task's lease will run out and it
        // will be claimed again, by this worker or another.
        report.errors.push(`${task.feed_id}: ${message(error)}`);
      }
    },
    /** A batch's unchanged feeds, completed in one call. */
    completeUnchanged: async (unchanged: UnchangedResult[]) => {
      if (unchanged.length === 0) return;
      try {
        const completed = await timed(() => store.completeUnchanged(workerId, unchanged));
        report.unchanged += completed;
        report.lost += unchanged.length - completed;
      } catch (error) {
        report.errors.push(`unchanged: ${message(error)}`);
      }
    },
  };
}

/** One batch: claim, read every feed, report. Returns what happened. */
export async function syncBatch(options: WorkerOptions): Promise<BatchReport> {
  const report = emptyReport();
  const runner = taskRunner(options, report);
  const tasks = await runner.claim();
  report.claimed = tasks.length;
  const unchanged: UnchangedResult[] = [];
  await pool(tasks, options.concurrency ?? 20, (task) => runner.run(task, unchanged));
  await runner.completeUnchanged(unchanged);
  return report;
}

function countFailure(report: BatchReport, status: 'pending' | 'failed' | null) {
  if (status === 'pending') report.retrying += 1;
  else if (status === 'failed') report.failed += 1;
  else report.lost += 1;
}

/**
 * Batches until the queue has nothing due or `deadline` (epoch ms) is near: an edge
 * function invocation has a time limit, a local timer wants to yield.
 *
 * The batches overlap: the next one is claimed while the current one's last feeds are read,
 * and a free slot takes the next claimed feed at once, so neither the database round trips
 * (claim, bulk completion) nor a batch's slowest feed leave the other slots idle. At most
 * `concurrency` feeds are read at a time and about `batchSize + concurrency` are held; each
 * batch's unchanged feeds are still completed in one call, once all of that batch is read.
 * Claiming stops at the deadline, when a claim returns nothing, or after an unexpected error;
 * the feeds already claimed are finished (their leases outlast the deadline).
 */
export async function syncUntilIdle(
  options: WorkerOptions & { deadline: number; wallClock?: () => number },
): Promise<BatchReport> {
  const wallClock = options.wallClock ?? Date.now;
  const concurrency = Math.max(1, options.concurrency ?? 20);
  const report = emptyReport();
  const runner = taskRunner(options, report);

  interface Batch {
    unchanged: UnchangedResult[];
    left: number;
  }
  const waiting: { task: ClaimedTask; batch: Batch }[] = [];
  const reading = new Set<Promise<void>>();
  const completing = new Set<Promise<void>>();
  let claiming: Promise<void> | null = null;
  let exhausted = false;
  let claimError: unknown = null;
  const mayClaim = () =>
    !exhausted &&
    claimError === null &&
    report.errors.length === 0 &&
    wallClock() < options.deadline;

  const claim = () => {
    claiming = (async () => {
      try {
        const tasks = await runner.claim();
        report.claimed += tasks.length;
        if (tasks.length === 0) exhausted = true;
        const batch: Batch = { unchanged: [], left: tasks.length };
        for (const task of tasks) waiting.push({ task, batch });
      } catch (error) {
        claimError = error;
      } finally {
        claiming = null;
      }
    })();
  };

  const read = (item: { task: ClaimedTask; batch: Batch }) => {
    const done: Promise<void> = runner.run(item.task, item.batch.unchanged).then(() => {
      reading.delete(done);
      item.batch.left -= 1;
      if (item.batch.left === 0) {
        const completed: Promise<void> = runner.completeUnchanged(item.batch.unchanged).then(() => {
          completing.delete(completed);
        });
        completing.add(completed);
      }
    });
    reading.add(done);
  };

  for (;;) {
    // Claim ahead: the next batch arrives while the last `concurrency` feeds are being read.
    if (claiming === null && waiting.length <= concurrency && mayClaim()) claim();
    while (reading.size < concurrency && waiting.length > 0) {
      const item = waiting.shift();
      if (item) read(item);
    }
    const pending: Promise<void>[] = [...reading];
    if (claiming !== null) pending.push(claiming);
    if (pending.length === 0) break; // nothing read, nothing to claim
    await Promise.race(pending);
  }
  await Promise.all(completing);
  // As before: a failed claim fails the call (nothing is held: what was claimed is reported).
  if (claimError !== null) throw claimError;
  return report;
}
