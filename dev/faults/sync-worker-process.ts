/**
 * A sync worker in a process of its own, for the fault scenarios: the same loop as the local
 * stack's timer (dev/sync/local-sync.ts) and the edge function — `syncUntilIdle` with the
 * Node fetch under the SSRF policy and the service-role RPC store — so that a scenario can
 * SIGKILL it mid-batch, or take the database away under it.
 *
 *   FAULT_WORKER='{"url":…,"serviceRoleKey":…,"workerId":…,"allowedLoopback":[…],"caFile":…}' \
 *     node --import tsx dev/faults/sync-worker-process.ts
 *
 * Prints one JSON line per run (`{"event":"report",…}`) or failure (`{"event":"error",…}`),
 * and keeps going after a failure, as the timer does. SIGTERM stops it after the current run.
 */
import { readFile } from 'node:fs/promises';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { rpcSyncStore } from '../../supabase/functions/_shared/sync/sync-store.ts';
import { syncUntilIdle } from '../../supabase/functions/_shared/sync/worker.ts';
import { createNodeFeedFetch } from '../sync/node-feed-fetch.ts';

export interface FaultWorkerConfig {
  url: string;
  serviceRoleKey: string;
  workerId: string;
  /** host:port of the loopback fixture server the feeds are on. */
  allowedLoopback: string[];
  /** Its certificate (PEM file). */
  caFile: string;
  leaseSeconds: number;
  batchSize: number;
  concurrency: number;
  /** Pause after a run that found nothing to do, or failed. */
  pollMs: number;
}

export type FaultWorkerEvent =
  | {
      event: 'report';
      at: number;
      claimed: number;
      applied: number;
      unchanged: number;
      lost: number;
      errors: string[];
    }
  | { event: 'error'; at: number; message: string }
  | { event: 'ready'; at: number };

function emit(event: FaultWorkerEvent) {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

async function main() {
  const config = JSON.parse(process.env.FAULT_WORKER ?? '') as FaultWorkerConfig;
  const nodeFetch = createNodeFeedFetch({
    policy: { allowedLoopback: config.allowedLoopback },
    ca: [await readFile(config.caFile, 'utf8')],
  });
  const client = createClient(config.url, config.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  });
  const store = rpcSyncStore(client);
  let stopping = false;
  process.once('SIGTERM', () => {
    stopping = true;
  });
  emit({ event: 'ready', at: Date.now() });
  while (!stopping) {
    let idle = true;
    try {
      const report = await syncUntilIdle({
        store,
        fetchDeps: nodeFetch,
        workerId: config.workerId,
        concurrency: config.concurrency,
        batchSize: config.batchSize,
        leaseSeconds: config.leaseSeconds,
        fetchLimits: { timeoutMs: 5_000 },
        deadline: Date.now() + 50_000,
      });
      emit({
        event: 'report',
        at: Date.now(),
        claimed: report.claimed,
        applied: report.applied,
        unchanged: report.unchanged,
        lost: report.lost,
        errors: report.errors,
      });
      idle = report.claimed === 0 || report.errors.length > 0;
    } catch (error) {
      emit({
        event: 'error',
        at: Date.now(),
        message: error instanceof Error ? error.message : String(error),
      });
    }
    if (idle) await new Promise((resolve) => setTimeout(resolve, config.pollMs));
  }
  await nodeFetch.close();
  process.exit(0);
}

await main();
