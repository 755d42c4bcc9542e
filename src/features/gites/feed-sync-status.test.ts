import { describe, expect, it } from 'vitest';
import type { IcalFeed, LiveSyncTask } from '@/features/gites/api/get-gites';
import { feedName, feedSyncLines } from '@/features/gites/feed-sync-status';

const MIN = 60_000;
// Local time, so "à 14:32" holds in any time zone.
const NOW = new Date(2026, 10, 24, 14, 0).getTime();
const ago = (ms: number) => new Date(NOW - ms).toISOString();

function feed(overrides: Partial<IcalFeed> = {}): IcalFeed {
  return {
    id: 'f1',
    gite_id: 'g1',
    platform: 'airbnb',
    label: null,
    url: 'https://www.airbnb.fr/calendar/ical/1.ics',
    is_active: true,
    last_synced_at: ago(3 * MIN),
    last_success_at: ago(3 * MIN),
    last_status: 'success',
    last_error: null,
    created_at: ago(30 * 24 * 60 * MIN),
    tasks: [],
    ...overrides,
  };
}

function task(overrides: Partial<LiveSyncTask> = {}): LiveSyncTask {
  return {
    id: 't1',
    status: 'pending',
    run_after: ago(0),
    attempts: 0,
    last_error: null,
    ...overrides,
  };
}

const texts = (f: IcalFeed) => feedSyncLines(f, NOW).map((line) => `${line.tone}: ${line.text}`);

describe('feedSyncLines', () => {
  it('a feed read 3 minutes ago: "Synchronisé il y a 3 min"', () => {
    expect(texts(feed())).toEqual(['ok: Synchronisé il y a 3 min']);
  });

  it('an unchanged feed (304): "Inchangé — vérifié il y a 3 min"', () => {
    expect(texts(feed({ last_status: 'not_modified' }))).toEqual([
      'ok: Inchangé — vérifié il y a 3 min',
    ]);
  });

  it('just read: "à l’instant"', () => {
    expect(texts(feed({ last_synced_at: ago(5_000), last_success_at: ago(5_000) }))).toEqual([
      'ok: Synchronisé à l’instant',
    ]);
  });

  it('a failure shows the error text and, when a retry is queued, its time', () => {
    const failed = feed({
      last_status: 'error',
      last_error: 'Le calendrier est introuvable (erreur 404).',
    });
    expect(texts(failed)).toEqual(['error: Échec : Le calendrier est introuvable (erreur 404).']);
    const retrying = {
      ...failed,
      tasks: [task({ attempts: 1, run_after: new Date(2026, 10, 24, 14, 32).toISOString() })],
    };
    expect(texts(retrying)).toEqual([
      'error: Échec : Le calendrier est introuvable (erreur 404). — nouvelle tentative à 14:32',
    ]);
  });

  it('a failure without a message still says it failed', () => {
    expect(texts(feed({ last_status: 'error', last_error: '  ' }))).toEqual([
      'error: Échec : la dernière synchronisation n’a pas abouti.',
    ]);
  });

  it('a feed being read, or just asked for, says so', () => {
    expect(texts(feed({ tasks: [task({ status: 'processing', attempts: 1 })] }))).toEqual([
      'busy: Synchronisation en cours…',
    ]);
    expect(texts(feed({ tasks: [task()] }))).toEqual(['busy: Synchronisation demandée…']);
    // Even stamped a little ahead of the browser's clock (the server's may be ahead).
    expect(texts(feed({ tasks: [task({ run_after: ago(-20_000) })] }))).toEqual([
      'busy: Synchronisation demandée…',
    ]);
  });

  it('a feed never read yet: "Jamais synchronisé"', () => {
    expect(
      texts(
        feed({
          last_synced_at: null,
          last_success_at: null,
          last_status: null,
          created_at: ago(10 * MIN),
        }),
      ),
    ).toEqual(['muted: Jamais synchronisé']);
  });

  it('adds "Pas à jour depuis 2 h 15" when the last success is 2 hours old or more', () => {
    expect(
      texts(
        feed({
          last_status: 'error',
          last_error: 'Délai dépassé.',
          last_synced_at: ago(4 * MIN),
          last_success_at: ago(135 * MIN),
        }),
      ),
    ).toEqual(['error: Échec : Délai dépassé.', 'warning: Pas à jour depuis 2 h 15']);
  });

  it('a feed never read, added 3 hours ago, is stale since it was added', () => {
    expect(
      texts(
        feed({
          last_synced_at: null,
          last_success_at: null,
          last_status: null,
          created_at: ago(180 * MIN),
        }),
      ),
    ).toEqual(['muted: Jamais synchronisé', 'warning: Jamais lu depuis son ajout il y a 3 h']);
  });

  it('an inactive feed says so, and is never called stale', () => {
    expect(texts(feed({ is_active: false, last_success_at: ago(5 * 24 * 60 * MIN) }))).toEqual([
      'muted: Désactivé : ce calendrier n’est pas synchronisé',
    ]);
  });

  it('keeps the error text as it is (rendered as text, never parsed)', () => {
    const error = '<img src=x onerror=alert(1)>';
    expect(texts(feed({ last_status: 'error', last_error: error }))).toEqual([
      `error: Échec : ${error}`,
    ]);
  });
});

describe('feedName', () => {
  it('is the platform, with the feed’s own label when it says more', () => {
    expect(feedName('airbnb', null)).toBe('Airbnb');
    expect(feedName('airbnb', 'Airbnb')).toBe('Airbnb');
    expect(feedName('booking', 'Chambre bleue')).toBe('Booking.com · Chambre bleue');
    expect(feedName('gites_de_france', ' ')).toBe('Gîtes de France');
    expect(feedName('unknown', null)).toBe('Autre');
  });
});
