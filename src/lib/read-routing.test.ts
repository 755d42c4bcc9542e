import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { createReadRouter, isReplicaFailure } from '@/lib/read-routing';

type Client = 'primary' | 'replica';

const failing = (error: unknown) => async (client: Client) => {
  if (client === 'replica') throw error;
  return `served by ${client}`;
};

describe('isReplicaFailure', () => {
  it('counts unreachable and broken replicas, not answers', () => {
    expect(isReplicaFailure(new ApiError({ message: 'TypeError: fetch failed' }, 0))).toBe(true);
    expect(isReplicaFailure(new TypeError('Failed to fetch'))).toBe(true);
    expect(isReplicaFailure(new ApiError({ message: 'unavailable' }, 503))).toBe(true);
    expect(isReplicaFailure(new ApiError({ message: 'bad gateway' }, 502))).toBe(true);
    expect(isReplicaFailure(new ApiError({ message: 'denied', code: '42501' }, 403))).toBe(false);
    expect(isReplicaFailure(new ApiError({ message: 'bad filter', code: 'PGRST100' }, 400))).toBe(
      false,
    );
    expect(isReplicaFailure('nope')).toBe(false);
  });
});

describe('createReadRouter', () => {
  it('sends reads to the primary when no replica is configured', async () => {
    const router = createReadRouter<Client>({ primary: 'primary', replica: null });
    expect(router.target()).toBe('primary');
    expect(await router.run(async (client) => client)).toBe('primary');
  });

  it('sends reads to the replica when there is one', async () => {
    const router = createReadRouter<Client>({ primary: 'primary', replica: 'replica' });
    expect(await router.run(async (client) => client)).toBe('replica');
  });

  it('falls back to the primary when the replica is unreachable or answers 5xx, and says so', async () => {
    for (const error of [
      new ApiError({ message: 'fetch failed' }, 0),
      new ApiError({ message: 'no database' }, 503),
    ]) {
      const fallbacks: unknown[] = [];
      const router = createReadRouter<Client>({
        primary: 'primary',
        replica: 'replica',
        onFallback: (e) => fallbacks.push(e),
      });
      expect(await router.run(failing(error))).toBe('served by primary');
      expect(fallbacks).toEqual([error]);
    }
  });

  it('does not retry on the primary what the replica refused (4xx): that error is the answer', async () => {
    const denied = new ApiError({ message: 'denied', code: '42501' }, 403);
    const asked: Client[] = [];
    const router = createReadRouter<Client>({ primary: 'primary', replica: 'replica' });
    await expect(
      router.run(async (client) => {
        asked.push(client);
        throw denied;
      }),
    ).rejects.toBe(denied);
    expect(asked).toEqual(['replica']);
  });

  it('skips a failed replica for the cool-down, then tries it again', async () => {
    let now = 1_000;
    const asked: Client[] = [];
    const router = createReadRouter<Client>({
      primary: 'primary',
      replica: 'replica',
      cooldownMs: 30_000,
      now: () => now,
    });
    const read = async (client: Client) => {
      asked.push(client);
      if (client === 'replica' && now < 40_000) throw new ApiError({ message: 'down' }, 0);
      return client;
    };
    expect(await router.run(read)).toBe('primary');
    expect(asked).toEqual(['replica', 'primary']);
    now += 29_000;
    expect(router.target()).toBe('primary');
    expect(await router.run(read)).toBe('primary');
    expect(asked).toEqual(['replica', 'primary', 'primary']);
    now += 12_000;
    expect(router.target()).toBe('replica');
    expect(await router.run(read)).toBe('replica');
  });

  it('reports the primary’s own failure after a fallback', async () => {
    const primaryDown = new ApiError({ message: 'down too' }, 0);
    const router = createReadRouter<Client>({ primary: 'primary', replica: 'replica' });
    await expect(
      router.run(async () => {
        throw primaryDown;
      }),
    ).rejects.toBe(primaryDown);
  });
});
