import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDay,
  formatStay,
  guestName,
  importedNature,
  nightsBetween,
  statusLabel,
} from '@/features/reservations/format';
import { reservationsMessages as m } from '@/features/reservations/messages';

describe('reservation display', () => {
  it('counts nights across months, years and the DST change', () => {
    expect(nightsBetween('2026-07-14', '2026-07-21')).toBe(7);
    expect(nightsBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(nightsBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('writes days the French way, never shifted by the time zone', () => {
    expect(formatDay('2026-07-14')).toBe('14/07/2026');
    expect(formatDay('2026-01-01')).toBe('01/01/2026');
    expect(formatStay('2026-07-14', '2026-07-21')).toBe('14/07/2026 → 21/07/2026');
  });

  it('writes amounts in euros and a dash when there is none', () => {
    expect(formatAmount(1250.5).replace(/\s/g, ' ')).toBe('1 250,50 €');
    expect(formatAmount(null)).toBe(m.noAmount);
  });

  it('names statuses in French', () => {
    expect(statusLabel('confirmed')).toBe('Confirmée');
    expect(statusLabel('cancelled')).toBe('Annulée');
    expect(statusLabel('blocked')).toBe('Bloquée');
  });

  it('has a placeholder for stays without a guest name', () => {
    expect(guestName(null)).toBe(m.noName);
    expect(guestName('  ')).toBe(m.noName);
    expect(guestName(' Dupônt ')).toBe('Dupônt');
  });
});

describe('importedNature', () => {
  const base = {
    status: 'confirmed',
    feed_kind: null,
    echo_of: null,
    owner_marked_closure: false,
    client_nom: null,
  };

  it('says nothing of direct bookings, plain imported stays and blocks', () => {
    expect(importedNature(base)).toBeNull();
    expect(importedNature({ ...base, feed_kind: 'stay' })).toBeNull();
    expect(importedNature({ ...base, status: 'blocked', feed_kind: 'block' })).toBeNull();
  });

  it('tells an undecided period, a closure the owner marked and an echo apart', () => {
    expect(importedNature({ ...base, feed_kind: 'to_complete' })).toBe('to-complete');
    expect(
      importedNature({
        ...base,
        status: 'blocked',
        feed_kind: 'to_complete',
        owner_marked_closure: true,
      }),
    ).toBe('closure');
    expect(
      importedNature({ ...base, status: 'blocked', feed_kind: 'to_complete', echo_of: 'x' }),
    ).toBe('echo');
  });

  it('says nothing more once the owner completed the stay (a guest name)', () => {
    expect(
      importedNature({ ...base, feed_kind: 'to_complete', client_nom: 'Famille Roux' }),
    ).toBeNull();
    expect(importedNature({ ...base, feed_kind: 'to_complete', client_nom: '  ' })).toBe(
      'to-complete',
    );
  });

  it('says nothing of a cancelled stay', () => {
    expect(importedNature({ ...base, status: 'cancelled', feed_kind: 'to_complete' })).toBeNull();
  });
});
