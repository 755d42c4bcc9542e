import { describe, expect, it } from 'vitest';
import {
  type ConsignesDraft,
  type ContactDraft,
  type CoreDraft,
  consignesSchema,
  consignesToDraft,
  contactSchema,
  coreSchema,
  coreToDraft,
  type WifiDraft,
  wifiSchema,
  wifiToDraft,
} from '@/features/gite-info/gite-info-schema';
import { giteInfoMessages as m } from '@/features/gite-info/messages';
import { validateForm } from '@/lib/form-validation';

function core(overrides: Partial<CoreDraft> = {}): CoreDraft {
  return { ...coreToDraft(null), ...overrides };
}

function coreError(field: keyof CoreDraft, value: string): string | undefined {
  const result = validateForm(coreSchema, core({ [field]: value }));
  return result.ok ? undefined : result.errors[field];
}

describe('core section', () => {
  it('turns the raw text into columns: trimmed, empty → null, comma decimals', () => {
    const result = validateForm(
      coreSchema,
      core({
        nom: '  La Bergerie  ',
        latitude: '46,3219',
        longitude: ' -0.5861 ',
        telephone_urgence: '+33 6 12 34 56 78',
        email_contact: 'helene@example.com',
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        nom: 'La Bergerie',
        adresse_complete: null,
        latitude: 46.3219,
        longitude: -0.5861,
        telephone_urgence: '+33 6 12 34 56 78',
        email_contact: 'helene@example.com',
      },
    });
  });

  it.each(['05 49 35 12 00', '05.49.35.12.00', '+33 (0)5 49 35 12 00', '15', '112'])(
    'accepts the phone number %s',
    (phone) => {
      expect(coreError('telephone_urgence', phone)).toBeUndefined();
    },
  );

  it.each([
    'appelez-moi',
    '1',
    '06 12 34 56 78 ext 4',
    '<script>',
    '0'.repeat(21),
    `+33 ${'1 '.repeat(19)}`,
  ])('refuses the phone number %s with a French message', (phone) => {
    expect(coreError('telephone_urgence', phone)).toBe(m.phoneInvalid);
  });

  it('refuses coordinates out of range or not numbers, as the numeric checks would', () => {
    expect(coreError('latitude', '90')).toBeUndefined();
    expect(coreError('latitude', '-90.5')).toBe(m.latitudeInvalid);
    expect(coreError('latitude', '123')).toBe(m.latitudeInvalid);
    expect(coreError('latitude', 'abc')).toBe(m.latitudeInvalid);
    expect(coreError('latitude', '4e1')).toBe(m.latitudeInvalid);
    expect(coreError('longitude', '-180')).toBeUndefined();
    expect(coreError('longitude', '180.0001')).toBe(m.longitudeInvalid);
  });

  it('refuses a bad e-mail and text longer than the database allows', () => {
    expect(coreError('email_contact', 'helene@')).toBe(m.emailInvalid);
    expect(coreError('nom', 'a'.repeat(200))).toBeUndefined();
    expect(coreError('nom', 'a'.repeat(201))).toBe(m.tooLong(m.nomLabel, 200));
    expect(coreError('adresse_complete', 'a'.repeat(501))).toBe(m.tooLong(m.adresseLabel, 500));
  });

  it('gives the draft of a stored row (numbers as text, null as empty)', () => {
    expect(
      coreToDraft({ nom: 'X', adresse_complete: null, latitude: 46.5, longitude: -0.25 }),
    ).toEqual({
      nom: 'X',
      adresse_complete: '',
      latitude: '46.5',
      longitude: '-0.25',
      telephone_urgence: '',
      email_contact: '',
    });
  });
});

describe('wifi section', () => {
  const wifi = (overrides: Partial<WifiDraft> = {}): WifiDraft => ({
    ...wifiToDraft(null),
    ...overrides,
  });

  it('reads rooms one per line, drops blank lines, and round-trips', () => {
    const result = validateForm(
      wifiSchema,
      wifi({ ssid: 'Gîte', zones_reception: 'Salon\n\n  Chambre 1 \nTerrasse\n' }),
    );
    expect(result.ok && result.value.zones_reception).toEqual(['Salon', 'Chambre 1', 'Terrasse']);
    if (result.ok)
      expect(wifiToDraft(result.value).zones_reception).toBe('Salon\nChambre 1\nTerrasse');
  });

  it('refuses an unknown security, a 65-character SSID and a 129-character password', () => {
    const result = validateForm(
      wifiSchema,
      wifi({ securite: 'WPA4', ssid: 's'.repeat(65), wifi_password: 'p'.repeat(129) }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      securite: m.securiteInvalid,
      ssid: m.tooLong(m.ssidLabel, 64),
      wifi_password: m.tooLong(m.passwordLabel, 128),
    });
  });

  it('keeps a passphrase exactly as typed, spaces at its ends included; blank is none', () => {
    const spaced = validateForm(
      wifiSchema,
      wifi({ ssid: 'Gîte', wifi_password: ' mot de passe ' }),
    );
    expect(spaced.ok && spaced.value.wifi_password).toBe(' mot de passe ');
    const blank = validateForm(wifiSchema, wifi({ ssid: 'Gîte', wifi_password: '   ' }));
    expect(blank.ok && blank.value.wifi_password).toBeNull();
  });

  it('starts a new gîte on WPA', () => {
    expect(wifiToDraft(null).securite).toBe('WPA');
  });
});

describe('consignes section', () => {
  const consignes = (overrides: Partial<ConsignesDraft> = {}): ConsignesDraft => ({
    ...consignesToDraft(null),
    ...overrides,
  });

  it('takes HH:MM times and shows the database’s HH:MM:SS as HH:MM', () => {
    const result = validateForm(
      consignesSchema,
      consignes({ horaire_arrivee: '16:00', horaire_depart: '' }),
    );
    expect(result.ok && [result.value.horaire_arrivee, result.value.horaire_depart]).toEqual([
      '16:00',
      null,
    ]);
    expect(consignesToDraft({ horaire_arrivee: '16:30:00' }).horaire_arrivee).toBe('16:30');
  });

  it.each(['24:00', '16h', '7:00', 'midi'])('refuses the time %s', (time) => {
    const result = validateForm(consignesSchema, consignes({ horaire_depart: time }));
    expect(result.ok ? undefined : result.errors.horaire_depart).toBe(m.timeInvalid);
  });

  it('refuses an access code over 100 characters and instructions over 10,000', () => {
    const result = validateForm(
      consignesSchema,
      consignes({ code_acces: 'x'.repeat(101), consignes_sejour: 'x'.repeat(10_001) }),
    );
    expect(result.ok ? {} : result.errors).toEqual({
      code_acces: m.tooLong(m.codeAccesLabel, 100),
      consignes_sejour: m.tooLong(m.sejourLabel, 10_000),
    });
  });
});

describe('contact', () => {
  const contact = (overrides: Partial<ContactDraft> = {}): ContactDraft => ({
    type: 'medecin',
    nom: 'Dr Martin',
    telephone: '',
    adresse: '',
    disponibilite: '',
    ...overrides,
  });

  it('needs a name and a known type', () => {
    const result = validateForm(contactSchema, contact({ nom: '   ', type: 'sorcier' }));
    expect(result.ok ? {} : result.errors).toEqual({
      nom: m.required(m.contactNomLabel),
      type: m.contactTypeInvalid,
    });
  });

  it('keeps HTML as plain text (it is rendered as text, never parsed)', () => {
    const result = validateForm(contactSchema, contact({ nom: '<b>Dr</b> <script>x</script>' }));
    expect(result.ok && result.value.nom).toBe('<b>Dr</b> <script>x</script>');
  });
});
