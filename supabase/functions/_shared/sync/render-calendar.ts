/**
 * Writes an iCalendar file (RFC 5545) with ical.js, so escaping, folding and CRLF line ends
 * are the library's, not ours. All-day events: DTSTART is the arrival day, DTEND the
 * departure day — what Airbnb and Booking.com expect when they import a calendar.
 */
import ICAL from 'ical.js';

export interface CalendarEntry {
  uid: string;
  /** Arrival day, YYYY-MM-DD. */
  start: string;
  /** Departure day, YYYY-MM-DD. */
  end: string;
  summary: string;
  cancelled?: boolean;
}

export interface CalendarOptions {
  /** PRODID, e.g. "-//LiveOwnerUnit//Calendrier//FR". */
  prodId: string;
  /** X-WR-CALNAME: the name calendar apps show. */
  name?: string;
  /** DTSTAMP of every event (the time of the export). */
  stamp: Date;
}

export function renderCalendar(
  entries: readonly CalendarEntry[],
  options: CalendarOptions,
): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', options.prodId);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', 'PUBLISH');
  if (options.name) calendar.updatePropertyWithValue('x-wr-calname', options.name);
  const stamp = ICAL.Time.fromJSDate(options.stamp, true);
  for (const entry of entries) {
    const vevent = new ICAL.Component('vevent');
    vevent.addPropertyWithValue('uid', entry.uid);
    vevent.addPropertyWithValue('dtstamp', stamp);
    vevent.addPropertyWithValue('dtstart', ICAL.Time.fromDateString(entry.start));
    vevent.addPropertyWithValue('dtend', ICAL.Time.fromDateString(entry.end));
    vevent.addPropertyWithValue('summary', entry.summary);
    if (entry.cancelled) vevent.addPropertyWithValue('status', 'CANCELLED');
    calendar.addSubcomponent(vevent);
  }
  return `${calendar.toString()}\r\n`;
}
