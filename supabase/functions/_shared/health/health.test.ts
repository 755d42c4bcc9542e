import { describe, expect, it } from 'vitest';
import { healthHandler, healthProblems } from './health.ts';

const healthy = { queue_due: 3, queue_oldest_due_seconds: 40, queue_expired_leases: 0 };

describe('health', () => {
  it('is healthy while the sync keeps up, and says what is wrong otherwise', () => {
    expect(healthProblems(healthy)).toEqual([]);
    expect(healthProblems({ ...healthy, queue_oldest_due_seconds: 601 })).toEqual([
      'sync_queue_delayed',
    ]);
    expect(healthProblems({ ...healthy, queue_expired_leases: 51 })).toEqual([
      'sync_leases_expired',
    ]);
    expect(healthProblems(null)).toEqual(['database_unreachable']);
  });

  it('answers 503 when the database errs or does not answer in time, without waiting longer', async () => {
    const failing = healthHandler({
      rpc: async () => ({ data: null, error: { message: 'connection refused' } }),
    });
    const down = await failing(new Request('http://x/health'));
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unhealthy', problems: ['database_unreachable'] });

    const hanging = healthHandler({ rpc: () => new Promise(() => undefined) }, { timeoutMs: 50 });
    const started = Date.now();
    expect((await hanging(new Request('http://x/health'))).status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1000);

    const post = await failing(new Request('http://x/health', { method: 'POST' }));
    expect(post.status).toBe(405);
  });
});
