import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.ts';
import { classifyEvent, saysUnavailable } from './platform-rules.ts';
import type { FeedEvent, FeedPlatform, ParseResult } from './types.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../dev/ical-fixtures/feeds/${name}`, import.meta.url), 'utf8');

/** A CRLF calendar around the given VEVENT (or VTIMEZONE) blocks. */
function calendar(...components: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//LiveOwnerUnit//Tests//FR',
    ...components.flat(),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function vevent(...lines: string[]): string[] {
  return ['BEGIN:VEVENT', 'DTSTAMP:20270101T000000Z', ...lines, 'END:VEVENT'];
}

async function parsed(body: string, platform: FeedPlatform = 'other', timeZone?: string) {
  const result = await parseFeed(body, platform, timeZone ? { timeZone } : undefined);
  if (!result.ok) throw new Error(`expected a calendar, got: ${result.error}`);
  return result;
}

async function failure(body: string): Promise<string> {
  const result: ParseResult = await parseFeed(body, 'airbnb');
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

/** The dates of the single event of a one-event calendar. */
async function datesOf(lines: string[], timeZone?: string) {
  const { events, skipped } = await parsed(calendar(vevent('UID:e1', ...lines)), 'other', timeZone);
  expect(skipped).toEqual([]);
  expect(events).toHaveLength(1);
  const [event] = events as [FeedEvent];
  return { start: event.start, end: event.end };
}

const stay = (event: Partial<FeedEvent> & Pick<FeedEvent, 'uid' | 'start' | 'end'>): FeedEvent => ({
  kind: 'stay',
  cancelled: false,
  guestName: null,
  summary: null,
  ...event,
});

const AIRBNB_EVENTS: FeedEvent[] = [
  stay({
    uid: '1418fb94e984-5f0b2c6d8a9e3f71c4b2d6e8a0f13579@airbnb.com',
    start: '2027-07-05',
    end: '2027-07-12',
    summary: 'Reserved',
  }),
  stay({
    uid: '1418fb94e984-9a7c3e1b5d2f4068a1c3e5b7d9f02468@airbnb.com',
    start: '2027-08-14',
    end: '2027-08-21',
    summary: 'Reserved',
  }),
  stay({
    uid: '7f3e8a1c9d2b-2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0b@airbnb.com',
    start: '2027-09-01',
    end: '2027-09-04',
    kind: 'block',
    summary: 'Airbnb (Not available)',
  }),
  stay({
    uid: '7f3e8a1c9d2b-8e0a2c4e6b8d0f1a3c5e7b9d1f3a5c7e@airbnb.com',
    start: '2027-12-24',
    end: '2027-12-27',
    kind: 'block',
    summary: 'Not available',
  }),
];

const BOOKING_EVENTS: FeedEvent[] = [
  ['a90207a6098fea365fa0d9ebc4af632d@booking.com', '2027-06-19', '2027-06-26'],
  ['3c1e5a7b9d0f2e4c6a8b0d2f4e6c8a0b@booking.com', '2027-07-24', '2027-07-31'],
  ['e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5@booking.com', '2027-10-30', '2027-11-02'],
].map(([uid = '', start = '', end = '']) =>
  stay({ uid, start, end, kind: 'to_complete', summary: 'CLOSED - Not available' }),
);

describe('parseFeed: platform fixtures end to end', () => {
  it('Airbnb: "Reserved" is a stay, "(Not available)" a block, and DESCRIPTION is never kept', async () => {
    const body = fixture('airbnb.ics');
    expect(body).toContain('\r\n '); // the fixture has CRLF and a folded DESCRIPTION
    const result = await parsed(body, 'airbnb');
    expect(result).toEqual({ ok: true, events: AIRBNB_EVENTS, skipped: [], unreadableUids: [] });
    // The reservation link and the phone digits are in DESCRIPTION: nothing of them is stored.
    const stored = JSON.stringify(result);
    for (const secret of ['4821', '0937', 'HMQ4Z7X2KP', 'hosting/reservations', 'Phone']) {
      expect(stored).not.toContain(secret);
    }
  });

  it('Booking.com: every "CLOSED - Not available" is a stay to complete, without a name', async () => {
    expect(await parsed(fixture('booking.ics'), 'booking')).toEqual({
      ok: true,
      events: BOOKING_EVENTS,
      skipped: [],
      unreadableUids: [],
    });
  });

  it('Abritel: "Reserved - <name>" gives the guest name, "Blocked" is a block', async () => {
    expect((await parsed(fixture('abritel.ics'), 'abritel')).events).toEqual([
      stay({
        uid: '6f49cda7-479e-454b-a6a3-39fa7feee5ed',
        start: '2027-07-17',
        end: '2027-07-24',
        guestName: 'Sophie Martin',
        summary: 'Reserved - Sophie Martin',
      }),
      stay({
        uid: 'd585fe79-8607-4b73-a4ab-47c6d4188aee',
        start: '2027-08-07',
        end: '2027-08-14',
        summary: 'Reserved',
      }),
      stay({
        uid: '0c2e4a6b-8d0f-4e1a-9c3b-5d7f9e1a3c5b',
        start: '2027-09-04',
        end: '2027-09-11',
        guestName: 'Mélanie Dubois',
        summary: 'Réservée - Mélanie Dubois',
      }),
      stay({
        uid: '02292027-1001-2027-1008-000000000001',
        start: '2027-10-01',
        end: '2027-10-08',
        kind: 'block',
        summary: 'Blocked',
      }),
    ]);
  });

  it('Gîtes de France: TZID date-times with a VTIMEZONE, a cancelled stay, closures', async () => {
    const gdf = fixture('gites-de-france.ics');
    expect(await parsed(gdf, 'gites_de_france')).toEqual({
      ok: true,
      skipped: [],
      unreadableUids: [],
      events: [
        stay({
          uid: 'gdf-res-2027-0412@gites-de-france.com',
          start: '2027-07-03',
          end: '2027-07-10',
          summary: 'Location - Famille Leroy',
        }),
        stay({
          uid: 'gdf-res-2027-0418@gites-de-france.com',
          start: '2027-08-14',
          end: '2027-08-21',
          cancelled: true,
          summary: 'Location - M. et Mme Garnier',
        }),
        stay({
          uid: 'gdf-blk-2027-0007@gites-de-france.com',
          start: '2027-11-01',
          end: '2027-11-15',
          kind: 'block',
          summary: 'Fermé pour travaux',
        }),
        stay({
          uid: 'gdf-blk-2027-0008@gites-de-france.com',
          start: '2027-12-24',
          end: '2028-01-02',
          kind: 'block',
          summary: 'INDISPONIBLE',
        }),
      ],
    });
    // Midnight in Paris (the feed's VTIMEZONE, winter time) is 23:00 the day before in UTC.
    const inUtc = await parsed(gdf, 'gites_de_france', 'UTC');
    expect(inUtc.events.map((e) => [e.start, e.end])).toEqual([
      ['2027-07-03', '2027-07-10'],
      ['2027-08-14', '2027-08-21'],
      ['2027-10-31', '2027-11-14'],
      ['2027-12-24', '2028-01-02'],
    ]);
  });

  it('"other" follows the same generic rule as Gîtes de France', async () => {
    const events = (await parsed(fixture('gites-de-france.ics'), 'other')).events;
    expect(events.map((e) => [e.kind, e.guestName])).toEqual([
      ['stay', null],
      ['stay', null],
      ['block', null],
      ['block', null],
    ]);
  });
});

describe('parseFeed: what is not a calendar', () => {
  it('an empty or blank body', async () => {
    for (const body of ['', '   ', '\r\n\t\n', '\uFEFF', '\uFEFF\r\n']) {
      expect(await failure(body)).toBe(
        'Le calendrier est vide : le lien ne renvoie aucun contenu.',
      );
    }
  });

  it('an HTML page (a login page)', async () => {
    const error = await failure(fixture('login-page.html'));
    expect(error).toBe(
      "Le lien renvoie une page web et non un calendrier iCal (page de connexion, d'erreur ou de présentation) : copiez le lien d'export iCal (.ics) donné par la plateforme.",
    );
    expect(await failure('\n  <html><body>BEGIN:VCALENDAR</body></html>')).toBe(error);
  });

  it('garbage without BEGIN:VCALENDAR', async () => {
    for (const body of ['Not Found', '{"error":"invalid token"}', 'SUMMARY:Reserved\nEND:VEVENT']) {
      expect(await failure(body)).toBe(
        "Le lien ne renvoie pas un calendrier iCal (le contenu reçu ne contient pas « BEGIN:VCALENDAR ») : copiez le lien d'export iCal (.ics) donné par la plateforme.",
      );
    }
  });

  it('a truncated file', async () => {
    const expected =
      "Le calendrier reçu est incomplet (il s'arrête avant « END:VCALENDAR ») : le téléchargement a sans doute été interrompu ; si cela se répète, vérifiez le lien auprès de la plateforme.";
    expect(await failure(fixture('malformed.ics'))).toBe(expected);
    // Two concatenated feeds, the second one cut.
    expect(await failure(fixture('booking.ics') + fixture('malformed.ics'))).toBe(expected);
  });

  it('a line ical.js cannot parse', async () => {
    const body = calendar(vevent('UID:x', 'DTSTART;VALUE=DATE:20270701', 'this line has no colon'));
    expect(await failure(body)).toBe(
      'Le calendrier iCal est mal formé et n\'a pas pu être lu (détail technique : invalid line (no token ";" or ":") "this line has no colon").',
    );
  });

  it('never throws, whatever the body', async () => {
    const bodies = [
      'END:VCALENDAR\nBEGIN:VCALENDAR\nEND:VCALENDAR',
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR',
      'BEGIN:VCALENDAR\u0000\nEND:VCALENDAR',
      'BEGIN:VCALENDAR\nDTSTART;TZID=:x\nEND:VCALENDAR',
      '\u0000\u0001\u0002',
    ];
    for (const body of bodies) {
      const result = await parseFeed(body, 'other');
      expect(typeof result.ok).toBe('boolean');
    }
  });

  it('a valid calendar without events is an owner without bookings', async () => {
    expect(await parseFeed(calendar(), 'airbnb')).toEqual({
      ok: true,
      events: [],
      skipped: [],
      unreadableUids: [],
    });
  });

  it('an unknown time zone option is reported, not thrown', async () => {
    expect(await parseFeed(calendar(), 'airbnb', { timeZone: 'Mars/Olympus' })).toEqual({
      ok: false,
      error: 'Le fuseau horaire du gîte est inconnu : « Mars/Olympus ».',
    });
  });
});

describe('parseFeed: encodings and layout', () => {
  it('a UTF-8 BOM is ignored', async () => {
    expect((await parsed(`\uFEFF${fixture('airbnb.ics')}`, 'airbnb')).events).toEqual(
      AIRBNB_EVENTS,
    );
  });

  it('LF-only line ends, folded lines included', async () => {
    const lf = fixture('airbnb.ics').replace(/\r\n/g, '\n');
    expect(lf).not.toContain('\r');
    expect((await parsed(lf, 'airbnb')).events).toEqual(AIRBNB_EVENTS);
  });

  it('a folded SUMMARY (space or tab continuation) is read whole', async () => {
    const body = calendar(
      vevent(
        'UID:f1',
        'DTSTART;VALUE=DATE:20270701',
        'SUMMARY:Reserved - Jean-',
        ' Baptiste Lef',
        '\tèvre',
      ),
    );
    const [event] = (await parsed(body, 'abritel')).events;
    expect(event?.summary).toBe('Reserved - Jean-Baptiste Lefèvre');
    expect(event?.guestName).toBe('Jean-Baptiste Lefèvre');
  });

  it('several VCALENDARs in one body (concatenated feeds, each with its BOM)', async () => {
    const body = `\uFEFF${fixture('airbnb.ics')}\uFEFF${fixture('booking.ics')}`;
    const { events } = await parsed(body, 'booking');
    expect(events.map((e) => e.uid)).toEqual([
      ...AIRBNB_EVENTS.map((e) => e.uid),
      ...BOOKING_EVENTS.map((e) => e.uid),
    ]);
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['to_complete']));
  });
});

describe('parseFeed: dates', () => {
  it('all-day: DTEND is the departure day; without DTEND, DURATION or one night', async () => {
    expect(await datesOf(['DTSTART;VALUE=DATE:20270701', 'DTEND;VALUE=DATE:20270708'])).toEqual({
      start: '2027-07-01',
      end: '2027-07-08',
    });
    expect(await datesOf(['DTSTART;VALUE=DATE:20270701', 'DURATION:P3D'])).toEqual({
      start: '2027-07-01',
      end: '2027-07-04',
    });
    expect(await datesOf(['DTSTART;VALUE=DATE:20271231'])).toEqual({
      start: '2027-12-31',
      end: '2028-01-01',
    });
  });

  it('an all-day DTSTART written without VALUE=DATE is still a date', async () => {
    expect(await datesOf(['DTSTART:20270701', 'DTEND:20270703'])).toEqual({
      start: '2027-07-01',
      end: '2027-07-03',
    });
  });

  it('UTC: a late-evening time is the next day in Paris (or in the gîte’s own zone)', async () => {
    const lines = ['DTSTART:20270710T230000Z', 'DTEND:20270717T080000Z'];
    expect(await datesOf(lines)).toEqual({ start: '2027-07-11', end: '2027-07-17' });
    expect(await datesOf(lines, 'America/New_York')).toEqual({
      start: '2027-07-10',
      end: '2027-07-17',
    });
  });

  it('a TZID without VTIMEZONE: Intl converts IANA names, summer and winter time', async () => {
    // 17:30 EDT (UTC-4) is 23:30 in Paris the same day; with UTC-5 it would be the next day.
    expect(
      await datesOf([
        'DTSTART;TZID=America/New_York:20270710T173000',
        'DTEND;TZID=America/New_York:20270717T100000',
      ]),
    ).toEqual({ start: '2027-07-10', end: '2027-07-17' });
    // 18:30 EST (UTC-5) is 00:30 in Paris the next day; with UTC-4 it would be the same day.
    expect(
      await datesOf([
        'DTSTART;TZID=America/New_York:20271215T183000',
        'DTEND;TZID=America/New_York:20271220T100000',
      ]),
    ).toEqual({ start: '2027-12-16', end: '2027-12-20' });
    // The morning New York springs forward: 03:30 EDT is 07:30 UTC (not 08:30 as the offset
    // of the hour before would say), 23:30 the day before at UTC-8.
    expect(
      await datesOf(
        ['DTSTART;TZID=America/New_York:20270314T033000', 'DTEND;TZID=America/New_York:20270316'],
        'Etc/GMT+8',
      ),
    ).toEqual({ start: '2027-03-13', end: '2027-03-16' });
  });

  it('a TZID defined only by the feed’s VTIMEZONE is converted by ical.js', async () => {
    const vtimezone = [
      'BEGIN:VTIMEZONE',
      'TZID:Custom Plus Four',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0400',
      'TZOFFSETTO:+0400',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const body = calendar(
      vtimezone,
      vevent(
        'UID:tz1',
        'DTSTART;TZID=Custom Plus Four:20270710T010000',
        'DTEND;TZID=Custom Plus Four:20270712T100000',
      ),
    );
    // 01:00 at UTC+4 is 21:00 UTC the day before, 23:00 in Paris.
    const [event] = (await parsed(body)).events;
    expect([event?.start, event?.end]).toEqual(['2027-07-09', '2027-07-12']);
  });

  it('floating times, and TZIDs nobody defines, are the gîte’s wall clock', async () => {
    expect(await datesOf(['DTSTART:20270710T233000', 'DTEND:20270712T000000'])).toEqual({
      start: '2027-07-10',
      end: '2027-07-12',
    });
    expect(
      await datesOf([
        'DTSTART;TZID=Romance Standard Time:20270710T233000',
        'DTEND;TZID=Romance Standard Time:20270712T100000',
      ]),
    ).toEqual({ start: '2027-07-10', end: '2027-07-12' });
  });

  it('a date-time event ending the day it starts still takes one night', async () => {
    expect(await datesOf(['DTSTART:20270710T080000Z', 'DTEND:20270710T140000Z'])).toEqual({
      start: '2027-07-10',
      end: '2027-07-11',
    });
    expect(await datesOf(['DTSTART;TZID=Europe/Paris:20270710T160000'])).toEqual({
      start: '2027-07-10',
      end: '2027-07-11',
    });
    expect(await datesOf(['DTSTART;TZID=Europe/Paris:20270710T160000', 'DURATION:P7D'])).toEqual({
      start: '2027-07-10',
      end: '2027-07-17',
    });
  });

  it('events without usable dates are skipped with a reason, the others kept', async () => {
    const body = calendar(
      vevent('UID:ok', 'DTSTART;VALUE=DATE:20270701', 'DTEND;VALUE=DATE:20270703'),
      vevent('UID:no-start', 'SUMMARY:Reserved'),
      vevent('UID:letters', 'DTSTART;VALUE=DATE:2027AB05'),
      vevent('UID:month-13', 'DTSTART;VALUE=DATE:20271305', 'DTEND;VALUE=DATE:20271310'),
      vevent('UID:hour-25', 'DTSTART:20270705T250000Z'),
      vevent('UID:bad-end', 'DTSTART;VALUE=DATE:20270705', 'DTEND;VALUE=DATE:20270732'),
      vevent('UID:bad-duration', 'DTSTART;VALUE=DATE:20270705', 'DURATION:three days'),
      vevent('UID:zero', 'DTSTART;VALUE=DATE:20270705', 'DTEND;VALUE=DATE:20270705'),
      vevent('UID:backwards', 'DTSTART:20270710T100000Z', 'DTEND:20270708T100000Z'),
      vevent('DTSTART;VALUE=DATE:20270705', 'DTEND;VALUE=DATE:20270701'),
    );
    const { events, skipped, unreadableUids } = await parsed(body);
    expect(events.map((e) => e.uid)).toEqual(['ok']);
    // Still in the feed: the sync keeps their stays rather than cancel them.
    expect(unreadableUids).toEqual([
      'no-start',
      'letters',
      'month-13',
      'hour-25',
      'bad-end',
      'bad-duration',
      'zero',
      'backwards',
    ]);
    expect(skipped).toEqual([
      'Event no-start: no DTSTART',
      'Event letters: unreadable DTSTART',
      'Event month-13: unreadable DTSTART',
      'Event hour-25: unreadable DTSTART',
      'Event bad-end: unreadable DTEND',
      'Event bad-duration: unreadable DURATION',
      'Event zero: ends before it starts (2027-07-05 → 2027-07-05)',
      'Event backwards: ends before it starts (2027-07-10 → 2027-07-08)',
      'Event #10 (no UID): ends before it starts (2027-07-05 → 2027-07-01)',
    ]);
  });

  it('RRULEs are not expanded: an event gives its first occurrence', async () => {
    const body = calendar(
      vevent(
        'UID:r1',
        'DTSTART;VALUE=DATE:20270701',
        'DTEND;VALUE=DATE:20270703',
        'RRULE:FREQ=WEEKLY;COUNT=4',
      ),
    );
    expect((await parsed(body)).events).toEqual([
      stay({ uid: 'r1', start: '2027-07-01', end: '2027-07-03' }),
    ]);
  });
});

describe('parseFeed: UIDs', () => {
  const noUid = (summary?: string) =>
    vevent(
      'DTSTART;VALUE=DATE:20270701',
      'DTEND;VALUE=DATE:20270704',
      ...(summary === undefined ? [] : [`SUMMARY:${summary}`]),
    );

  it('a missing UID is a SHA-256 of the dates and summary, stable across runs', async () => {
    const first = await parsed(calendar(noUid('Reserved')), 'airbnb');
    expect(first.events[0]?.uid).toBe(
      'generated-6d7e61f9b5b94233881bd4eaccb4fd79bc6b99bd8dac176e644d6df19b56929a',
    );
    // Same event elsewhere in another feed body: same UID.
    const second = await parsed(
      calendar(vevent('UID:other', 'DTSTART;VALUE=DATE:20270801'), noUid('Reserved')),
      'airbnb',
    );
    expect(second.events[1]?.uid).toBe(first.events[0]?.uid);
    expect((await parsed(calendar(noUid()), 'airbnb')).events[0]?.uid).toBe(
      'generated-28045dc83a4c1ed9e6c69f63dbac145f6eebaf2d6fd10a4335aa326f51cd4b29',
    );
    // A blank UID counts as missing.
    expect(
      (await parsed(calendar([...noUid('Reserved').slice(0, -1), 'UID:  ', 'END:VEVENT'])))
        .events[0]?.uid,
    ).toBe(first.events[0]?.uid);
  });

  it('a UID longer than 1,024 characters, or with control characters, is hashed', async () => {
    const at = (uid: string) =>
      vevent(`UID:${uid}`, 'DTSTART;VALUE=DATE:20270701', 'DTEND;VALUE=DATE:20270704');
    const { events } = await parsed(
      calendar(at('x'.repeat(1024)), at('x'.repeat(1025)), at('uid\u0001with-control')),
    );
    expect(events.map((e) => e.uid)).toEqual([
      'x'.repeat(1024),
      'hashed-c6d8e9905300876046729949cc95c2385221270d389176f7234fe7ac00c4e430',
      'hashed-38b7633cd1ae8830328d617a1505cb875ddc2f59ca9e378135464e35fbc8adce',
    ]);
  });

  it('each UID once: the highest SEQUENCE wins, then the last in the file', async () => {
    const body = calendar(
      vevent('UID:seq', 'SEQUENCE:2', 'DTSTART;VALUE=DATE:20270701', 'DTEND;VALUE=DATE:20270708'),
      vevent('UID:twice', 'DTSTART;VALUE=DATE:20270801', 'DTEND;VALUE=DATE:20270803'),
      vevent('UID:seq', 'SEQUENCE:1', 'DTSTART;VALUE=DATE:20270702', 'DTEND;VALUE=DATE:20270709'),
      vevent('UID:twice', 'DTSTART;VALUE=DATE:20270802', 'DTEND;VALUE=DATE:20270805'),
      noUid('Reserved'),
      noUid('Reserved'),
    );
    expect((await parsed(body)).events.map((e) => [e.uid, e.start, e.end])).toEqual([
      ['seq', '2027-07-01', '2027-07-08'],
      ['twice', '2027-08-02', '2027-08-05'],
      [
        'generated-6d7e61f9b5b94233881bd4eaccb4fd79bc6b99bd8dac176e644d6df19b56929a',
        '2027-07-01',
        '2027-07-04',
      ],
    ]);
  });

  it('a RECURRENCE-ID override shares its UID: one event, the revised one', async () => {
    const body = calendar(
      vevent(
        'UID:weekly',
        'DTSTART;VALUE=DATE:20270701',
        'DTEND;VALUE=DATE:20270703',
        'RRULE:FREQ=WEEKLY;COUNT=3',
      ),
      vevent(
        'UID:weekly',
        'RECURRENCE-ID;VALUE=DATE:20270708',
        'SEQUENCE:1',
        'DTSTART;VALUE=DATE:20270709',
        'DTEND;VALUE=DATE:20270711',
      ),
    );
    expect((await parsed(body)).events).toEqual([
      stay({ uid: 'weekly', start: '2027-07-09', end: '2027-07-11' }),
    ]);
  });
});

describe('parseFeed: status and text', () => {
  it('STATUS:CANCELLED (any case) marks the stay cancelled', async () => {
    const at = (uid: string, status: string) =>
      vevent(`UID:${uid}`, `STATUS:${status}`, 'DTSTART;VALUE=DATE:20270701');
    const { events } = await parsed(
      calendar(
        at('a', 'CANCELLED'),
        at('b', 'cancelled'),
        at('c', 'CONFIRMED'),
        at('d', 'TENTATIVE'),
      ),
    );
    expect(events.map((e) => [e.uid, e.cancelled])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
      ['d', false],
    ]);
  });

  it('summary: trimmed, control characters removed, at most 500 characters, null when empty', async () => {
    const at = (uid: string, ...summary: string[]) =>
      vevent(`UID:${uid}`, 'DTSTART;VALUE=DATE:20270701', ...summary);
    const body = calendar(
      at('ctl', 'SUMMARY:  Réservé\\npar\u0001 tél\u0000éphone\u007f\u0085  '),
      at('long', `SUMMARY:${'a'.repeat(600)}`),
      at('emoji', `SUMMARY:${'🏡'.repeat(600)}`),
      at('empty', 'SUMMARY:'),
      at('blank', 'SUMMARY:   \\n  '),
      at('none'),
      at('html', 'SUMMARY:<img src=x onerror=alert(1)> &amp; <b>Fermé</b>'),
    );
    const summaries = (await parsed(body)).events.map((e) => e.summary);
    expect(summaries).toEqual([
      'Réservé par téléphone',
      'a'.repeat(500),
      '🏡'.repeat(500),
      null,
      null,
      null,
      '<img src=x onerror=alert(1)> &amp; <b>Fermé</b>',
    ]);
  });
});

describe('platform rules', () => {
  it('Airbnb: "Reserved" is a stay; the not-available variants are blocks; never a name', () => {
    expect(classifyEvent('airbnb', 'Reserved')).toEqual({ kind: 'stay', guestName: null });
    expect(classifyEvent('airbnb', 'Airbnb (Not available)')).toEqual({
      kind: 'block',
      guestName: null,
    });
    expect(classifyEvent('airbnb', 'NOT AVAILABLE')).toEqual({ kind: 'block', guestName: null });
    expect(classifyEvent('airbnb', 'Jean Dupont (HM8XQ2)')).toEqual({
      kind: 'stay',
      guestName: null,
    });
    expect(classifyEvent('airbnb', null)).toEqual({ kind: 'stay', guestName: null });
  });

  it('Booking.com: always a stay to complete, whatever the summary', () => {
    for (const summary of ['CLOSED - Not available', 'Reserved', 'Jean Dupont', null]) {
      expect(classifyEvent('booking', summary)).toEqual({ kind: 'to_complete', guestName: null });
    }
  });

  it('Abritel: "Reserved - <name>" in English or French, bare "Reserved", blocks', () => {
    expect(classifyEvent('abritel', 'Reserved - Sophie Martin')).toEqual({
      kind: 'stay',
      guestName: 'Sophie Martin',
    });
    expect(classifyEvent('abritel', 'RÉSERVÉE – M & Mme Leroy')).toEqual({
      kind: 'stay',
      guestName: 'M & Mme Leroy',
    });
    // A decomposed "é" (NFD) is the same letter.
    expect(classifyEvent('abritel', 'Re\u0301serve\u0301 : Paul')).toEqual({
      kind: 'stay',
      guestName: 'Paul',
    });
    expect(classifyEvent('abritel', 'Reserved')).toEqual({ kind: 'stay', guestName: null });
    expect(classifyEvent('abritel', 'Reserved - ')).toEqual({ kind: 'stay', guestName: null });
    expect(classifyEvent('abritel', `Reserved - ${'n'.repeat(300)}`).guestName).toBe(
      'n'.repeat(200),
    );
    for (const summary of ['Blocked', 'Not available', 'Unavailable', 'Owner block']) {
      expect(classifyEvent('abritel', summary)).toEqual({ kind: 'block', guestName: null });
    }
    expect(classifyEvent('abritel', 'Reservedly odd')).toEqual({ kind: 'stay', guestName: null });
  });

  it('Gîtes de France and other: stays unless the summary says closed, in French or English', () => {
    const blocks = [
      'Indisponible',
      'INDISPONIBLE',
      'Fermé',
      'ferme',
      'FERMÉE pour travaux',
      'Bloqué',
      'bloquee',
      'Période bloquée',
      'Not available',
      'Blocked',
      'Closed',
      'CLOSED - Not available',
    ];
    for (const platform of ['gites_de_france', 'other'] as const) {
      for (const summary of blocks) {
        expect([summary, classifyEvent(platform, summary)]).toEqual([
          summary,
          { kind: 'block', guestName: null },
        ]);
      }
      for (const summary of ['Réservation', 'Jean Dupont', 'Disponible', 'Enclosed garden', null]) {
        expect([summary, classifyEvent(platform, summary)]).toEqual([
          summary,
          { kind: 'stay', guestName: null },
        ]);
      }
    }
  });

  it('keyword matching is on whole words, case- and accent-insensitive', () => {
    expect(saysUnavailable('FERMÉ')).toBe(true);
    expect(saysUnavailable('fe\u0301rme\u0301e')).toBe(true);
    expect(saysUnavailable('Unblocked')).toBe(false);
    expect(saysUnavailable('Disponible')).toBe(false);
    expect(saysUnavailable(null)).toBe(false);
  });
});
