/**
 * GET /functions/v1/health — for uptime monitors: 200 when the database answers and the iCal
 * sync keeps up, 503 otherwise, with the reasons (JSON; nothing about any owner). Runtime-
 * agnostic: Deno deploys it (supabase/functions/health), the local stack serves it through
 * dev/stack/functions-server.ts.
 */
import type { RpcClient } from '../sync/sync-store.ts';

export interface HealthSnapshot {
  queue_due: number;
  queue_oldest_due_seconds: number;
  queue_expired_leases: number;
}

export interface HealthLimits {
  /** A due feed waiting longer than this means the workers do not keep up (feeds are read every 15 min). */
  maxQueueDelaySeconds: number;
  /** Leases that ran out at once: a few happen (a worker restarted), many mean workers keep dying. */
  maxExpiredLeases: number;
}

export const DEFAULT_HEALTH_LIMITS: HealthLimits = {
  maxQueueDelaySeconds: 600,
  maxExpiredLeases: 50,
};

export type HealthProblem = 'database_unreachable' | 'sync_queue_delayed' | 'sync_leases_expired';

/** Pure: what is wrong with a snapshot (nothing: healthy). */
export function healthProblems(
  snapshot: HealthSnapshot | null,
  limits: HealthLimits = DEFAULT_HEALTH_LIMITS,
): HealthProblem[] {
  if (!snapshot) return ['database_unreachable'];
  const problems: HealthProblem[] = [];
  if (snapshot.queue_oldest_due_seconds > limits.maxQueueDelaySeconds) {
    problems.push('sync_queue_delayed');
  }
  if (snapshot.queue_expired_leases > limits.maxExpiredLeases) problems.push('sync_leases_expired');
  return problems;
}

function isSnapshot(value: unknown): value is HealthSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['queue_due', 'queue_oldest_due_seconds', 'queue_expired_leases'].every(
    (key) => typeof record[key] === 'number',
  );
}

/** The database's answer, or null when it does not come within `timeoutMs`. */
async function snapshotOf(client: RpcClient, timeoutMs: number): Promise<HealthSnapshot | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const answer = await Promise.race([
      Promise.resolve(client.rpc('service_health', {})).then(({ data, error }) =>
        error || !isSnapshot(data) ? null : data,
      ),
      timeout,
    ]);
    return answer;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

export function healthHandler(
  client: RpcClient,
  {
    limits = DEFAULT_HEALTH_LIMITS,
    timeoutMs = 3000,
  }: { limits?: HealthLimits; timeoutMs?: number } = {},
) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    const snapshot = await snapshotOf(client, timeoutMs);
    const problems = healthProblems(snapshot, limits);
    const body = JSON.stringify({
      status: problems.length === 0 ? 'ok' : 'unhealthy',
      problems,
      ...(snapshot ? { sync_queue: snapshot } : {}),
    });
    return new Response(request.method === 'HEAD' ? null : body, {
      status: problems.length === 0 ? 200 : 503,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  };
}
