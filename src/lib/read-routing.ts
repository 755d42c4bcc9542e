/**
 * Heavy reads (the whole history, statistics, exports) go to the read replica when one is
 * configured, and fall back to the primary when the replica cannot answer: the owner gets
 * the data either way. Pure: the clients are parameters, the clock is injectable.
 */
import { isNetworkError } from '@/lib/api-error';

/**
 * True when the replica itself failed — unreachable (network error, refused connection) or
 * broken (5xx) — so the primary should be asked instead. A 4xx is an answer: the primary,
 * holding the same data and rules, would give the same one.
 */
export function isReplicaFailure(error: unknown): boolean {
  if (isNetworkError(error)) return true;
  if (typeof error !== 'object' || error === null) return false;
  const status: unknown = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 500;
}

export interface ReadRouter<C> {
  /** Runs `read` on the replica (or the primary: none configured, or the replica failing). */
  run<T>(read: (client: C) => Promise<T>): Promise<T>;
  /** Which client the next read goes to. */
  target(): 'replica' | 'primary';
}

export interface ReadRouterOptions<C> {
  primary: C;
  replica: C | null;
  /**
   * After a replica failure, reads go straight to the primary for this long, so a dead
   * replica costs one failed request per period, not one per page of the history.
   */
  cooldownMs?: number;
  now?: () => number;
  /** Told each time the replica failed and the primary answered instead. */
  onFallback?: (error: unknown) => void;
}

export function createReadRouter<C>({
  primary,
  replica,
  cooldownMs = 30_000,
  now = Date.now,
  onFallback,
}: ReadRouterOptions<C>): ReadRouter<C> {
  let replicaDownUntil = Number.NEGATIVE_INFINITY;
  const target = () => (replica !== null && now() >= replicaDownUntil ? 'replica' : 'primary');
  return {
    target,
    async run(read) {
      if (replica === null || target() === 'primary') return read(primary);
      try {
        return await read(replica);
      } catch (error) {
        if (!isReplicaFailure(error)) throw error;
        replicaDownUntil = now() + cooldownMs;
        onFallback?.(error);
        return read(primary);
      }
    },
  };
}
