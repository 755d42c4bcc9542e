import { describe, expect, it } from 'vitest';
import { createVitalsBatch, pagePattern, vitalFromMetric } from '@/lib/telemetry/vitals';

const metric = {
  name: 'LCP' as const,
  value: 1234.567,
  rating: 'good' as const,
  id: 'v5-1',
  navigationType: 'navigate',
};

describe('vitalFromMetric', () => {
  it('rounds milliseconds and keeps four decimals of CLS', () => {
    expect(vitalFromMetric(metric, '/tableau-de-bord')).toEqual({
      name: 'LCP',
      value: 1235,
      rating: 'good',
      id: 'v5-1',
      navigationType: 'navigate',
      page: '/tableau-de-bord',
    });
    expect(vitalFromMetric({ ...metric, name: 'CLS', value: 0.123_456 }, '/').value).toBe(0.1235);
  });

  it('sends the page without its query (search terms can be guest names) and without ids', () => {
    expect(pagePattern('/reservations?q=Dupont&page=3')).toBe('/reservations');
    expect(pagePattern('/gites/3f2b1c9e-1d2a-4b5c-8d7e-9f0a1b2c3d4e/edition')).toBe(
      '/gites/:id/edition',
    );
    expect(pagePattern('/factures/2026')).toBe('/factures/:id');
  });
});

describe('createVitalsBatch', () => {
  it('sends nothing until flushed, then one text body with every queued vital and the release', () => {
    const sent: Array<{ url: string; body: string }> = [];
    const batch = createVitalsBatch({
      url: '/vitals',
      release: 'liveownerunit@0.1.0+abc',
      send: (url, body) => sent.push({ url, body }) > 0,
    });
    batch.add(vitalFromMetric(metric, '/'));
    batch.add(vitalFromMetric({ ...metric, name: 'FCP', value: 800 }, '/'));
    expect(sent).toEqual([]);
    batch.flush();
    batch.flush();
    expect(sent).toHaveLength(1);
    const payload = JSON.parse(sent[0]?.body ?? '{}');
    expect(sent[0]?.url).toBe('/vitals');
    expect(payload.release).toBe('liveownerunit@0.1.0+abc');
    expect(payload.vitals.map((v: { name: string }) => v.name)).toEqual(['LCP', 'FCP']);
  });

  it('sends at once when the queue is full', () => {
    let sends = 0;
    const batch = createVitalsBatch({
      url: '/v',
      release: 'r',
      maxQueued: 2,
      send: () => {
        sends += 1;
        return true;
      },
    });
    batch.add(vitalFromMetric(metric, '/'));
    expect(sends).toBe(0);
    batch.add(vitalFromMetric(metric, '/'));
    expect(sends).toBe(1);
  });
});
