import { describe, expect, it } from 'vitest';
import { reservationsMessages as m } from '@/features/reservations/messages';
import {
  emptyReservationDraft,
  isImportedStay,
  type ReservationDraft,
  type ReservationField,
  reservationToDraft,
  validateReservationForm,
} from '@/features/reservations/reservation-form-schema';

const GITE = '0b6f3c1e-2d4a-4f5b-8c7d-9e0f1a2b3c4d';

function draft(overrides: Partial<ReservationDraft> = {}): ReservationDraft {
  return {
    gite_id: GITE,
    date_debut: '2026-07-14',
    date_fin: '2026-07-21',
    client_nom: '  Jeanne Dupônt ',
    client_email: 'Jeanne.Dupont@Example.fr',
    client_telephone: '06 12 34 56 78',
    nb_personnes: '4',
    nb_adultes: '2',
    montant: '1 250,50',
    notes: '',
    ...overrides,
  };
}

function directError(field: ReservationField, overrides: Partial<ReservationDraft>) {
  const result = validateReservationForm(draft(overrides), 'direct');
  return result.ok ? undefined : result.errors[field];
}

describe('direct booking form', () => {
  it('accepts a complete booking and normalises it for the database', () => {
    expect(validateReservationForm(draft(), 'direct')).toEqual({
      ok: true,
      kind: 'direct',
      value: {
        gite_id: GITE,
        date_debut: '2026-07-14',
        date_fin: '2026-07-21',
        client_nom: 'Jeanne Dupônt',
        client_email: 'jeanne.dupont@example.fr',
        client_telephone: '06 12 34 56 78',
        nb_personnes: 4,
        nb_adultes: 2,
        montant: 1250.5,
        notes: null,
      },
    });
  });

  it('accepts a booking with only the required fields', () => {
    const result = validateReservationForm(
      draft({ client_email: '', client_telephone: '', nb_personnes: '', montant: '' }),
      'direct',
    );
    expect(result.ok && result.kind === 'direct' ? result.value.montant : 'x').toBeNull();
  });

  it('requires a gîte', () => {
    expect(directError('gite_id', { gite_id: '' })).toBe(m.giteRequired);
  });

  it('requires a guest name', () => {
    expect(directError('client_nom', { client_nom: '   ' })).toBe(m.clientNomRequired);
    expect(directError('client_nom', { client_nom: 'a'.repeat(201) })).toBe(m.clientNomTooLong);
  });

  it('requires both dates and real days', () => {
    expect(directError('date_debut', { date_debut: '' })).toBe(m.dateDebutRequired);
    expect(directError('date_fin', { date_fin: '' })).toBe(m.dateFinRequired);
    expect(directError('date_fin', { date_fin: '2026-02-30' })).toBe(m.dateInvalid);
  });

  it('wants the departure after the arrival', () => {
    expect(directError('date_fin', { date_fin: '2026-07-14' })).toBe(m.dateFinBeforeDebut);
    expect(directError('date_fin', { date_fin: '2026-07-01' })).toBe(m.dateFinBeforeDebut);
    expect(directError('date_fin', { date_fin: '2026-07-15' })).toBeUndefined();
  });

  it('reports the dates even when another field is wrong too', () => {
    const result = validateReservationForm(
      draft({ date_fin: '2026-07-10', client_email: 'pas-un-email' }),
      'direct',
    );
    expect(result.ok ? null : result.errors).toEqual({
      date_fin: m.dateFinBeforeDebut,
      client_email: m.clientEmailInvalid,
    });
  });

  it('refuses stays longer than a year', () => {
    expect(directError('date_fin', { date_debut: '2026-01-01', date_fin: '2027-01-02' })).toBe(
      m.stayTooLong,
    );
    expect(
      directError('date_fin', { date_debut: '2026-01-01', date_fin: '2027-01-01' }),
    ).toBeUndefined();
  });

  it.each(['pas-un-email', 'a@', '@b.fr', 'a b@c.fr'])('refuses the e-mail %s', (email) => {
    expect(directError('client_email', { client_email: email })).toBe(m.clientEmailInvalid);
  });

  it.each(['abc', '12', '06-12-ab'])('refuses the phone number %s', (phone) => {
    expect(directError('client_telephone', { client_telephone: phone })).toBe(
      m.clientTelephoneInvalid,
    );
  });

  it('accepts international phone numbers', () => {
    expect(directError('client_telephone', { client_telephone: '+33 (0)6 12-34-56-78' })).toBe(
      undefined,
    );
  });

  it.each([
    ['450', 450],
    ['450,5', 450.5],
    ['450.50', 450.5],
    ['1 250,50 €', 1250.5],
    ['1\u202f250', 1250],
    ['0', 0],
  ])('reads the amount %s as %d', (montant, expected) => {
    const result = validateReservationForm(draft({ montant }), 'direct');
    expect(result.ok ? result.value.montant : 'invalid').toBe(expected);
  });

  it('wants amounts ≥ 0 with at most two decimals', () => {
    expect(directError('montant', { montant: '-10' })).toBe(m.montantNegative);
    expect(directError('montant', { montant: '12,345' })).toBe(m.montantInvalid);
    expect(directError('montant', { montant: 'douze' })).toBe(m.montantInvalid);
    expect(directError('montant', { montant: '99999999999' })).toBe(m.montantTooLarge);
  });

  it('wants between 1 and 100 guests', () => {
    expect(directError('nb_personnes', { nb_personnes: '0' })).toBe(m.nbPersonnesInvalid);
    expect(directError('nb_personnes', { nb_personnes: '101' })).toBe(m.nbPersonnesInvalid);
    expect(directError('nb_personnes', { nb_personnes: '2,5' })).toBe(m.nbPersonnesInvalid);
    expect(directError('nb_personnes', { nb_personnes: '100' })).toBeUndefined();
  });

  it('takes the adults (taxe de séjour) as a whole number, never more than the guests', () => {
    expect(directError('nb_adultes', { nb_adultes: '' })).toBeUndefined();
    expect(directError('nb_adultes', { nb_adultes: '0' })).toBeUndefined();
    expect(directError('nb_adultes', { nb_adultes: '1,5' })).toBe(m.nbAdultesInvalid);
    expect(directError('nb_adultes', { nb_adultes: '5' })).toBe(m.nbAdultesTooMany);
    // Unknown guest count: any adult count up to 100 is accepted.
    expect(directError('nb_adultes', { nb_personnes: '', nb_adultes: '5' })).toBeUndefined();
    const imported = validateReservationForm(draft({ nb_adultes: '6' }), 'imported');
    expect(imported.ok ? null : imported.errors).toEqual({ nb_adultes: m.nbAdultesTooMany });
  });

  it('caps the notes at the database limit', () => {
    expect(directError('notes', { notes: 'a'.repeat(10_001) })).toBe(m.notesTooLong);
  });
});

describe('imported stay form', () => {
  it('validates and returns only the owner’s fields', () => {
    const result = validateReservationForm(
      draft({ gite_id: '', date_debut: '', date_fin: '', client_nom: '' }),
      'imported',
    );
    expect(result).toEqual({
      ok: true,
      kind: 'imported',
      value: {
        client_nom: null,
        client_email: 'jeanne.dupont@example.fr',
        client_telephone: '06 12 34 56 78',
        nb_personnes: 4,
        nb_adultes: 2,
        montant: 1250.5,
        notes: null,
      },
    });
  });

  it('still checks the owner’s fields', () => {
    const result = validateReservationForm(draft({ montant: '-1' }), 'imported');
    expect(result.ok ? null : result.errors).toEqual({ montant: m.montantNegative });
  });
});

describe('drafts', () => {
  it('starts empty, with the gîte preselected when there is one', () => {
    expect(emptyReservationDraft(GITE).gite_id).toBe(GITE);
    expect(emptyReservationDraft().client_nom).toBe('');
  });

  it('turns a saved row into form text that validates back to the same values', () => {
    const row = {
      gite_id: GITE,
      date_debut: '2026-07-14',
      date_fin: '2026-07-21',
      client_nom: 'Jeanne Dupônt',
      client_email: null,
      client_telephone: null,
      nb_personnes: 4,
      nb_adultes: 3,
      montant: 1250.5,
      notes: 'Arrivée tardive',
    };
    const text = reservationToDraft(row);
    expect(text.montant).toBe('1250,50');
    expect(reservationToDraft({ ...row, montant: 450 }).montant).toBe('450');
    const result = validateReservationForm(text, 'direct');
    expect(result.ok ? result.value : null).toEqual({ ...row });
  });

  it('tells imported stays from direct bookings', () => {
    expect(isImportedStay({ feed_id: null, external_uid: null })).toBe(false);
    expect(isImportedStay({ feed_id: 'f', external_uid: 'uid@airbnb' })).toBe(true);
    // Its feed was removed later: still an imported stay.
    expect(isImportedStay({ feed_id: null, external_uid: 'uid@airbnb' })).toBe(true);
  });
});
