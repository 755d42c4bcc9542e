/**
 * The sync worker's side of the queue protocol (migration 20261124000300_ical_sync_queue.sql),
 * as PostgREST RPC calls made with the service-role key. Every call names the worker: the
 * database acts only on tasks that worker still holds.
 */
import type { FeedEvent, FeedPlatform } from './types.ts';

/** A task handed to a worker by claim_sync_tasks, with what it needs to read the feed. */
export interface ClaimedTask {
  task_id: string;
  feed_id: string;
  gite_id: string;
  owner_user_id: string;
  url: string;
  platform: FeedPlatform;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  attempts: number;
}

/** What the worker learnt from the fetch, stored on the feed and in sync_logs. */
export interface FetchFacts {
  http_status: number | null;
  bytes: number | null;
  duration_ms: number;
}

export interface UnchangedResult extends FetchFacts {
  task_id: string;
  etag: string | null;
  last_modified: string | null;
}

export interface ChangedFetch extends FetchFacts {
  etag: string | null;
  last_modified: string | null;
  content_hash: string;
}

export interface Failure extends FetchFacts {
  /** In French, for the owner. */
  error: string;
  retryable: boolean;
}

export type ApplyResult =
  | {
      applied: true;
      /** New stays (echoes of our own export not included). */
      added: number;
      updated: number;
      cancelled: number;
      /** New events recognised as echoes of stays we already hold. */
      echoes: number;
      /**
       * An empty calendar that would have cancelled stays, not believed yet (it must stay
       * empty an hour): nothing was cancelled.
       */
      held?: true;
    }
  | { applied: false };

export interface SyncStore {
  claim(worker: string, limit: number, leaseSeconds: number): Promise<ClaimedTask[]>;
  completeUnchanged(worker: string, results: UnchangedResult[]): Promise<number>;
  apply(
    worker: string,
    taskId: string,
    fetch: ChangedFetch,
    events: FeedEvent[],
    /** UIDs of events in the feed that could not be read: their stays are kept as they are. */
    unreadableUids?: string[],
  ): Promise<ApplyResult>;
  /** The task's new status ('pending' = will retry, 'failed'), or null if no longer held. */
  fail(worker: string, taskId: string, failure: Failure): Promise<'pending' | 'failed' | null>;
}

/** The subset of supabase-js the store uses (so callers pass any client, typed or not). */
export interface RpcClient {
  rpc(
    fn: string,
    args: Record<string, unknown>,
  ): PromiseLike<{ data: unknown; error: { message: string; code?: string } | null }>;
}

export class SyncStoreError extends Error {
  constructor(fn: string, message: string) {
    super(`${fn}: ${message}`);
    this.name = 'SyncStoreError';
  }
}

async function call<T>(client: RpcClient, fn: string, args: Record<string, unknown>): Promise<T> {
  const { data, error } = await client.rpc(fn, args);
  if (error) throw new SyncStoreError(fn, error.message);
  return data as T;
}

export function rpcSyncStore(client: RpcClient): SyncStore {
  return {
    claim: (worker, limit, leaseSeconds) =>
      call<ClaimedTask[]>(client, 'claim_sync_tasks', {
        p_worker: worker,
        p_limit: limit,
        p_lease_seconds: leaseSeconds,
      }),
    completeUnchanged: async (worker, results) =>
      results.length === 0
        ? 0
        : call<number>(client, 'complete_unchanged_syncs', {
            p_worker: worker,
            p_results: results,
          }),
    apply: (worker, taskId, fetch, events, unreadableUids = []) =>
      call<ApplyResult>(client, 'apply_feed_sync', {
        p_worker: worker,
        p_task_id: taskId,
        p_fetch: fetch,
        p_events: events,
        p_keep_uids: unreadableUids,
      }),
    fail: (worker, taskId, failure) =>
      call<'pending' | 'failed' | null>(client, 'fail_sync_task', {
        p_worker: worker,
        p_task_id: taskId,
        p_failure: failure,
      }),
  };
}
