import { describe, expect, it } from 'vitest';
import {
  type GiteTaxSettings,
  ledgerTotals,
  monthParts,
  periodRange,
  roundHalfUp,
  type StayPart,
  stayTax,
} from './ledger';

const fixed = (
  rateCents: number,
  surcharge = false,
  platforms: GiteTaxSettings['collectingPlatforms'] = [],
): GiteTaxSettings => ({
  rule: { kind: 'tarif_fixe', rateCents },
  departmentalSurcharge: surcharge,
  collectingPlatforms: platforms,
});
const percent = (basisPoints: number, capCents: number, surcharge = false): GiteTaxSettings => ({
  rule: { kind: 'pourcentage', basisPoints, capCents },
  departmentalSurcharge: surcharge,
  collectingPlatforms: [],
});
const part = (p: Partial<StayPart>): StayPart => ({
  nights: 3,
  stayNights: 3,
  people: 4,
  adults: 2,
  priceCents: 60000,
  platform: 'direct',
  ...p,
});

describe('stayTax — fixed rate', () => {
  it('is nights × taxable adults × rate; minors (people − adults) pay nothing', () => {
    const t = stayTax(part({ nights: 3, people: 4, adults: 2 }), fixed(80));
    expect(t).toMatchObject({ taxableAdults: 2, amountCents: 480, collectedBy: 'proprietaire' });
    expect(t.anomalies).toEqual([]);
  });

  it('adds the 10 % departmental tax and rounds the row once, half up', () => {
    // 3 × 2 × 0.80 € × 1.1 = 5.28 €
    expect(stayTax(part({}), fixed(80, true)).amountCents).toBe(528);
    // 1 × 1 × 0.75 € × 1.1 = 0.825 € → 0.83 € (half up, not 0.82)
    expect(stayTax(part({ nights: 1, adults: 1 }), fixed(75, true)).amountCents).toBe(83);
    // 1 × 1 × 0.65 € × 1.1 = 0.715 € → 0.72 €; rounding per night first would give the same,
    // but 3 nights: 2.145 € → 2.15 € (per-night rounding would give 3 × 0.72 = 2.16 €)
    expect(stayTax(part({ nights: 3, adults: 1 }), fixed(65, true)).amountCents).toBe(215);
  });

  it('counts nb_personnes as adults when the split is unknown, and flags the stay', () => {
    const t = stayTax(part({ people: 5, adults: null }), fixed(100));
    expect(t.taxableAdults).toBe(5);
    expect(t.amountCents).toBe(1500);
    expect(t.anomalies).toEqual(['repartition_inconnue']);
  });

  it('cannot compute without a guest count, or without settings', () => {
    const unknown = stayTax(part({ people: null, adults: null }), fixed(100));
    expect(unknown.amountCents).toBeNull();
    expect(unknown.anomalies).toEqual(['personnes_inconnues']);
    const noSettings = stayTax(part({}), null);
    expect(noSettings.amountCents).toBeNull();
    expect(noSettings.anomalies).toEqual(['sans_reglage']);
  });
});

describe('stayTax — percentage rule (unclassified lodging)', () => {
  it('takes the rate of the cost per person-night, all occupants (minors too) dividing the price', () => {
    // 600 € for 3 nights and 4 people → 50 € per person-night; 5 % → 2.50 €, cap 4.00 €.
    // 2 adults × 3 nights × 2.50 € = 15.00 €
    expect(stayTax(part({}), percent(500, 400)).amountCents).toBe(1500);
    // with the 10 % surcharge: 16.50 €
    expect(stayTax(part({}), percent(500, 400, true)).amountCents).toBe(1650);
  });

  it('caps the per person-night rate at the commune’s highest rate, then adds the surcharge', () => {
    // 2 000 € / 2 nights / 2 people = 500 €; 5 % = 25 € > cap 4.30 €
    const p = part({ nights: 2, stayNights: 2, people: 2, adults: 2, priceCents: 200000 });
    expect(stayTax(p, percent(500, 430)).amountCents).toBe(1720);
    expect(stayTax(p, percent(500, 430, true)).amountCents).toBe(1892);
  });

  it('charges a month part in proportion of its nights, rounding that row once', () => {
    // 7 nights, 700 € (100 €/night), 3 people → 33.333… € per person-night; 3 % → 1.00 €
    // 2 nights in this month × 2 adults × 1.00 € = 4.00 €
    const p = part({ nights: 2, stayNights: 7, people: 3, adults: 2, priceCents: 70000 });
    expect(stayTax(p, percent(300, 400)).amountCents).toBe(400);
    // 1 % → 0.3333… € × 4 person-nights = 1.3333 € → 1.33 €
    expect(stayTax(p, percent(100, 400)).amountCents).toBe(133);
  });

  it('flags a stay without a price and computes nothing', () => {
    const t = stayTax(part({ priceCents: null }), percent(500, 400));
    expect(t.amountCents).toBeNull();
    expect(t.anomalies).toEqual(['prix_inconnu']);
  });
});

describe('collecting platforms', () => {
  const settings = fixed(100, false, ['airbnb', 'booking']);
  it('lists a stay booked through a collecting platform as collected by it', () => {
    expect(stayTax(part({ platform: 'airbnb' }), settings).collectedBy).toBe('plateforme');
    expect(stayTax(part({ platform: 'booking' }), settings).collectedBy).toBe('plateforme');
  });
  it('leaves the owner liable for other platforms and direct bookings', () => {
    expect(stayTax(part({ platform: 'abritel' }), settings).collectedBy).toBe('proprietaire');
    expect(stayTax(part({ platform: 'direct' }), settings).collectedBy).toBe('proprietaire');
  });
  it('keeps platform-collected amounts out of what the owner owes', () => {
    const { all } = ledgerTotals([
      {
        mois: '2030-01-01',
        collecte_par: 'plateforme',
        nuits: 2,
        adultes_taxables: 2,
        montant_centimes: 400,
      },
      {
        mois: '2030-01-01',
        collecte_par: 'proprietaire',
        nuits: 3,
        adultes_taxables: 1,
        montant_centimes: 300,
      },
    ]);
    expect(all).toEqual({
      dueByOwnerCents: 300,
      collectedByPlatformsCents: 400,
      personNights: 7,
      incomplete: 0,
    });
  });
});

describe('periods and totals', () => {
  it('splits a stay into its months within the period', () => {
    expect(monthParts('2030-01-30', '2030-02-03', '2030-01-01', '2030-04-01')).toEqual([
      { month: '2030-01-01', nights: 2 },
      { month: '2030-02-01', nights: 2 },
    ]);
    // clipped by the period's end
    expect(monthParts('2030-03-30', '2030-04-03', '2030-01-01', '2030-04-01')).toEqual([
      { month: '2030-03-01', nights: 2 },
    ]);
    expect(monthParts('2030-12-31', '2031-01-02', '2030-12-01', '2031-01-01')).toEqual([
      { month: '2030-12-01', nights: 1 },
    ]);
  });

  it('gives month and quarter ranges, December rolling into the next year', () => {
    expect(periodRange('mois', 2030, 12)).toEqual({ from: '2030-12-01', to: '2031-01-01' });
    expect(periodRange('trimestre', 2030, 1)).toEqual({ from: '2030-01-01', to: '2030-04-01' });
    expect(periodRange('trimestre', 2030, 4)).toEqual({ from: '2030-10-01', to: '2031-01-01' });
  });

  it('adds the rows per month and over the quarter, counting rows without an amount', () => {
    const { byMonth, all } = ledgerTotals([
      {
        mois: '2030-01-01',
        collecte_par: 'proprietaire',
        nuits: 2,
        adultes_taxables: 2,
        montant_centimes: 400,
      },
      {
        mois: '2030-02-01',
        collecte_par: 'proprietaire',
        nuits: 1,
        adultes_taxables: 3,
        montant_centimes: 330,
      },
      {
        mois: '2030-02-01',
        collecte_par: 'plateforme',
        nuits: 1,
        adultes_taxables: 1,
        montant_centimes: 110,
      },
      {
        mois: '2030-03-01',
        collecte_par: 'proprietaire',
        nuits: 1,
        adultes_taxables: null,
        montant_centimes: null,
      },
    ]);
    expect(byMonth.get('2030-02-01')).toEqual({
      dueByOwnerCents: 330,
      collectedByPlatformsCents: 110,
      personNights: 4,
      incomplete: 0,
    });
    expect(all).toEqual({
      dueByOwnerCents: 730,
      collectedByPlatformsCents: 110,
      personNights: 8,
      incomplete: 1,
    });
  });

  it('rounds half up on exact halves only', () => {
    expect(roundHalfUp(5n, 10n)).toBe(1n);
    expect(roundHalfUp(4n, 10n)).toBe(0n);
    expect(roundHalfUp(149n, 100n)).toBe(1n);
    expect(roundHalfUp(150n, 100n)).toBe(2n);
  });
});
