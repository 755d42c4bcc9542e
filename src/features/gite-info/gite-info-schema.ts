import { z } from 'zod';
import {
  asText,
  optionalCoordinate,
  optionalEmail,
  optionalPhone,
  optionalText,
  optionalTime,
  optionalVerbatimText,
  requiredText,
} from '@/features/gite-info/field-rules';
import { giteInfoMessages as m } from '@/features/gite-info/messages';
import type { Tables } from '@/lib/database.types';

/**
 * The sections of the infos editor: for each, the form's raw values (a draft), the
 * schema that turns them into the table's columns, and the draft of a stored row. Pure.
 */

// ---------------------------------------------------------------- core
export const CORE_FIELDS = [
  'nom',
  'adresse_complete',
  'latitude',
  'longitude',
  'telephone_urgence',
  'email_contact',
] as const;
export type CoreField = (typeof CORE_FIELDS)[number];
export type CoreDraft = Record<CoreField, string>;

export const coreSchema = z.object({
  nom: optionalText(m.nomLabel, 200),
  adresse_complete: optionalText(m.adresseLabel, 500),
  latitude: optionalCoordinate(90, m.latitudeInvalid),
  longitude: optionalCoordinate(180, m.longitudeInvalid),
  telephone_urgence: optionalPhone,
  email_contact: optionalEmail,
});
export type CoreValues = z.output<typeof coreSchema>;

export function coreToDraft(row: Partial<CoreValues> | null): CoreDraft {
  return {
    nom: asText(row?.nom),
    adresse_complete: asText(row?.adresse_complete),
    latitude: asText(row?.latitude),
    longitude: asText(row?.longitude),
    telephone_urgence: asText(row?.telephone_urgence),
    email_contact: asText(row?.email_contact),
  };
}

// ---------------------------------------------------------------- wifi
export const WIFI_SECURITIES = ['WPA', 'WEP', 'nopass'] as const;
export const MAX_ZONES = 20;
const ZONE_MAX_LENGTH = 100;

export const WIFI_FIELDS = [
  'ssid',
  'wifi_password',
  'securite',
  'debit_approximatif',
  'localisation_box',
  'zones_reception',
] as const;
export type WifiField = (typeof WIFI_FIELDS)[number];
export type WifiDraft = Record<WifiField, string>;

export const wifiSchema = z.object({
  ssid: optionalText(m.ssidLabel, 64),
  wifi_password: optionalVerbatimText(m.passwordLabel, 128),
  securite: z.enum(WIFI_SECURITIES, { error: m.securiteInvalid }),
  debit_approximatif: optionalText(m.debitLabel, 100),
  localisation_box: optionalText(m.boxLabel, 500),
  /** One room per line → text[] (blank lines dropped). */
  zones_reception: z
    .string()
    .transform((value) =>
      value
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .pipe(
      z
        .array(z.string().max(ZONE_MAX_LENGTH, { error: m.tooLong(m.zonesLabel, ZONE_MAX_LENGTH) }))
        .max(MAX_ZONES, { error: m.tooManyZones(MAX_ZONES) }),
    ),
});
export type WifiValues = z.output<typeof wifiSchema>;

export function wifiToDraft(
  row: (Omit<Partial<WifiValues>, 'securite'> & { securite?: string }) | null,
): WifiDraft {
  return {
    ssid: asText(row?.ssid),
    wifi_password: asText(row?.wifi_password),
    securite: row?.securite ?? 'WPA',
    debit_approximatif: asText(row?.debit_approximatif),
    localisation_box: asText(row?.localisation_box),
    zones_reception: (row?.zones_reception ?? []).join('\n'),
  };
}

// ---------------------------------------------------------------- consignes (one per language)
export const LANGUES = ['fr', 'en'] as const;
export type Langue = (typeof LANGUES)[number];

export const CONSIGNES_FIELDS = [
  'consignes_arrivee',
  'consignes_sejour',
  'consignes_sortie',
  'code_acces',
  'horaire_arrivee',
  'horaire_depart',
  'instructions_parking',
] as const;
export type ConsignesField = (typeof CONSIGNES_FIELDS)[number];
export type ConsignesDraft = Record<ConsignesField, string>;

export const consignesSchema = z.object({
  consignes_arrivee: optionalText(m.arriveeLabel, 10_000),
  consignes_sejour: optionalText(m.sejourLabel, 10_000),
  consignes_sortie: optionalText(m.sortieLabel, 10_000),
  code_acces: optionalText(m.codeAccesLabel, 100),
  horaire_arrivee: optionalTime,
  horaire_depart: optionalTime,
  instructions_parking: optionalText(m.parkingLabel, 5000),
});
export type ConsignesValues = z.output<typeof consignesSchema>;

/** The database gives times as 'HH:MM:SS'; the time input wants 'HH:MM'. */
function timeText(value: string | null | undefined): string {
  return value ? value.slice(0, 5) : '';
}

export function consignesToDraft(row: Partial<ConsignesValues> | null): ConsignesDraft {
  return {
    consignes_arrivee: asText(row?.consignes_arrivee),
    consignes_sejour: asText(row?.consignes_sejour),
    consignes_sortie: asText(row?.consignes_sortie),
    code_acces: asText(row?.code_acces),
    horaire_arrivee: timeText(row?.horaire_arrivee),
    horaire_depart: timeText(row?.horaire_depart),
    instructions_parking: asText(row?.instructions_parking),
  };
}

// ---------------------------------------------------------------- contacts (several)
export const CONTACT_TYPES = [
  'urgence',
  'proprietaire',
  'gardien',
  'medecin',
  'pharmacie',
  'hopital',
  'veterinaire',
  'plombier',
  'electricien',
  'taxi',
  'autre',
] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export const CONTACT_FIELDS = ['type', 'nom', 'telephone', 'adresse', 'disponibilite'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type ContactDraft = Record<ContactField, string>;

export const contactSchema = z.object({
  type: z.enum(CONTACT_TYPES, { error: m.contactTypeInvalid }),
  nom: requiredText(m.contactNomLabel, 200),
  telephone: optionalPhone,
  adresse: optionalText(m.contactAdresseLabel, 500),
  disponibilite: optionalText(m.contactDisponibiliteLabel, 500),
});
export type ContactValues = z.output<typeof contactSchema>;

export type ContactRow = Pick<
  Tables<'infos_gites_contacts'>,
  'id' | 'type' | 'nom' | 'telephone' | 'adresse' | 'disponibilite' | 'ordre'
>;

export function contactToDraft(
  row: (Omit<Partial<ContactValues>, 'type'> & { type?: string }) | null,
): ContactDraft {
  return {
    type: row?.type ?? 'urgence',
    nom: asText(row?.nom),
    telephone: asText(row?.telephone),
    adresse: asText(row?.adresse),
    disponibilite: asText(row?.disponibilite),
  };
}

export function contactTypeLabel(type: string): string {
  return (m.contactTypes as Record<string, string>)[type] ?? m.contactTypes.autre;
}
