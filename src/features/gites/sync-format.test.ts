import { describe, expect, it } from 'vitest';
import {
  formatAgo,
  formatAttemptDuration,
  formatElapsed,
  formatRetry,
} from '@/features/gites/sync-format';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatElapsed', () => {
  it.each([
    [30_000, 'moins d’une minute'],
    [MIN, '1 min'],
    [59 * MIN + 59_000, '59 min'],
    [HOUR, '1 h'],
    [2 * HOUR + 15 * MIN, '2 h 15'],
    [2 * HOUR + 5 * MIN, '2 h 05'],
    [24 * HOUR, '1 j'],
    [28 * HOUR + 30 * MIN, '1 j 4 h'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

describe('formatAgo', () => {
  const now = Date.parse('2026-11-24T14:00:00Z');
  const at = (ms: number) => new Date(now - ms).toISOString();

  it('says "à l’instant" under a minute, and for a time a little ahead of the browser’s clock', () => {
    expect(formatAgo(at(20_000), now)).toBe('à l’instant');
    expect(formatAgo(at(-3_000), now)).toBe('à l’instant');
  });

  it('says "il y a …" within a day', () => {
    expect(formatAgo(at(3 * MIN), now)).toBe('il y a 3 min');
    expect(formatAgo(at(2 * HOUR + 15 * MIN), now)).toBe('il y a 2 h 15');
  });

  it('gives the date past a day', () => {
    expect(formatAgo(at(3 * 24 * HOUR), now)).toMatch(/^le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });
});

describe('formatRetry', () => {
  // Local times, so the test holds in any time zone.
  const now = new Date(2026, 10, 24, 14, 0).getTime();

  it('gives the hour of a retry later today', () => {
    expect(formatRetry(new Date(2026, 10, 24, 14, 32).toISOString(), now)).toBe(
      'nouvelle tentative à 14:32',
    );
  });

  it('gives the date of a retry on another day', () => {
    expect(formatRetry(new Date(2026, 10, 25, 0, 10).toISOString(), now)).toBe(
      'nouvelle tentative le 25/11/2026 00:10',
    );
  });

  it('says "imminente" once the retry time has come', () => {
    expect(formatRetry(new Date(2026, 10, 24, 13, 59).toISOString(), now)).toBe(
      'nouvelle tentative imminente',
    );
  });
});

describe('formatAttemptDuration', () => {
  it.each([
    [null, '—'],
    [0, '0 ms'],
    [350, '350 ms'],
    [1_240, '1,2 s'],
    [12_400, '12 s'],
  ])('%s → %s', (ms, text) => {
    expect(formatAttemptDuration(ms)).toBe(text);
  });
});
