import { describe, expect, it } from 'vitest';
import { failFast, REPLICA_UNAVAILABLE } from '@/lib/read-replica';

const answer = (status: number) => async () => new Response('{}', { status });

describe('failFast (the replica client’s fetch)', () => {
  it('turns an unreachable replica into one immediate 502 coded REPLICA_UNAVAILABLE', async () => {
    const response = await failFast(async () => {
      throw new TypeError('fetch failed');
    })('http://replica/rest/v1/reservations');
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ code: REPLICA_UNAVAILABLE });
  });

  it('turns the answers supabase-js would retry for 7 s (503, 520) into that 502 too', async () => {
    for (const status of [503, 520]) {
      const response = await failFast(answer(status))('http://replica/rest/v1/x');
      expect(response.status).toBe(502);
    }
  });

  it('passes every other answer through, refusals included', async () => {
    for (const status of [200, 206, 401, 403, 404, 500]) {
      expect((await failFast(answer(status))('http://replica/rest/v1/x')).status).toBe(status);
    }
  });

  it('lets a cancellation or the client’s timeout through as an abort', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    await expect(
      failFast(async () => {
        throw abort;
      })('http://replica/rest/v1/x'),
    ).rejects.toBe(abort);
  });
});
