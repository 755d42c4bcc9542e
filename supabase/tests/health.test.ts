/**
 * The `health` edge function as the local stack serves it (gateway → functions server →
 * service_health() with the service-role key): 200 while the sync keeps up, 503 with the
 * reason when a due task has waited too long; nothing for anonymous callers of the SQL itself.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool, testClient } from '../../dev/test/clients.ts';

const stack = inject('stack');
let db: pg.Pool;

beforeAll(async () => {
  db = await superuserPool(stack);
});

afterAll(async () => {
  await db.end();
});

async function health() {
  const response = await fetch(`${stack.url}/functions/v1/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('health', () => {
  it('answers 200, then 503 while a due sync task has waited over 10 minutes', async () => {
    // Other test files may leave due tasks behind: the check is about their age only.
    await db.query(
      `update public.sync_queue set run_after = now() where status = 'pending' and run_after < now()`,
    );
    const ok = await health();
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'ok', problems: [] });

    const owner = await signedUpOwner(stack, 'health');
    const { data: gite } = await owner.client
      .from('gites')
      .insert({ nom: 'Le Moulin' })
      .select('id')
      .single();
    const { data: feed } = await owner.client
      .from('ical_feeds')
      .insert({
        gite_id: gite?.id ?? '',
        platform: 'airbnb',
        url: 'https://www.airbnb.fr/calendar/ical/health-check.ics?s=1',
      })
      .select('id')
      .single();
    const { rows } = await db.query<{ id: string }>(
      `insert into public.sync_queue (owner_user_id, gite_id, feed_id, run_after)
       values ($1, $2, $3, now() - interval '20 minutes')
       on conflict do nothing returning id`,
      [owner.user.id, gite?.id, feed?.id],
    );
    const late = await health();
    expect(late.status).toBe(503);
    expect(late.body).toMatchObject({ status: 'unhealthy', problems: ['sync_queue_delayed'] });
    expect(JSON.stringify(late.body)).not.toContain(owner.user.id);

    await db.query('delete from public.sync_queue where id = $1', [rows[0]?.id]);
    expect((await health()).status).toBe(200);
  });

  it('keeps service_health() away from anonymous and signed-in callers', async () => {
    const { error } = await testClient(stack).rpc('service_health');
    expect(error?.code).toBe('42501');
    const owner = await signedUpOwner(stack, 'health-owner');
    expect((await owner.client.rpc('service_health')).error?.code).toBe('42501');
  });
});
