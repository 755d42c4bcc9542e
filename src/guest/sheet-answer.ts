/**
 * The answer of `guest_sheet(token)` (supabase/migrations/20261125000200_guest_sheets.sql),
 * checked field by field: the page renders only what has the expected type, as text.
 */

export type Lang = 'fr' | 'en';

export interface OwnerContact {
  nom: string | null;
  telephone: string | null;
  email: string | null;
}

export interface Consignes {
  arrivee: string | null;
  sejour: string | null;
  sortie: string | null;
  code_acces: string | null;
  horaire_arrivee: string | null;
  horaire_depart: string | null;
  parking: string | null;
}

export interface Contact {
  type: string;
  nom: string;
  telephone: string | null;
  adresse: string | null;
  disponibilite: string | null;
}

export interface Activity {
  nom: string;
  categorie: string;
  description: string | null;
  adresse: string | null;
  distance_km: number | null;
  url: string | null;
  telephone: string | null;
}

/** One equipment section: its entries as [name, text] pairs, in the owner's order. */
export type EquipmentSection = Array<[string, string]>;

export interface LiveSheet {
  status: 'ok';
  langue: Lang;
  validUntil: string | null;
  contact: OwnerContact | null;
  prenom: string | null;
  arrivee: string | null;
  depart: string | null;
  gite: {
    nom: string | null;
    adresse: string | null;
    latitude: number | null;
    longitude: number | null;
    telephoneUrgence: string | null;
    email: string | null;
  };
  wifi: {
    ssid: string | null;
    password: string | null;
    securite: string | null;
    debit: string | null;
    localisationBox: string | null;
    zones: string[];
  } | null;
  consignes: Partial<Record<Lang, Consignes>>;
  equipements: Array<{ section: string; entries: EquipmentSection }>;
  contacts: Contact[];
  activites: Activity[];
}

export interface ClosedSheet {
  status: 'expired' | 'revoked' | 'not_yet';
  langue: Lang;
  contact: OwnerContact | null;
}

export type SheetAnswer = LiveSheet | ClosedSheet | { status: 'unknown' };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const lang = (value: unknown): Lang => (value === 'en' ? 'en' : 'fr');

function contactOf(value: unknown): OwnerContact | null {
  if (!isObject(value)) return null;
  const contact = { nom: str(value.nom), telephone: str(value.telephone), email: str(value.email) };
  return contact.nom || contact.telephone || contact.email ? contact : null;
}

function consignesOf(value: unknown): Consignes | null {
  if (!isObject(value)) return null;
  return {
    arrivee: str(value.arrivee),
    sejour: str(value.sejour),
    sortie: str(value.sortie),
    code_acces: str(value.code_acces),
    horaire_arrivee: str(value.horaire_arrivee),
    horaire_depart: str(value.horaire_depart),
    parking: str(value.parking),
  };
}

/** A value of an equipment entry as text: strings as they are, yes/no for booleans, lists joined. */
function equipmentText(value: unknown, yes: string, no: string): string | null {
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) {
    const parts = value.map((item) => equipmentText(item, yes, no)).filter((x) => x !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  if (isObject(value)) {
    const parts = Object.entries(value)
      .map(([key, item]) => {
        const text = equipmentText(item, yes, no);
        return text === null ? null : `${key} : ${text}`;
      })
      .filter((x) => x !== null);
    return parts.length > 0 ? parts.join(' ; ') : null;
  }
  return null;
}

/**
 * A section's entries. The editor stores `{"items": [{"nom", "mode_emploi"}, …]}` (the
 * equipment and how to use it, in the owner's order); any other object is read as
 * name → value pairs (older or imported data).
 */
export function equipmentEntries(value: unknown): EquipmentSection {
  if (!isObject(value)) return [];
  if (Array.isArray(value.items)) {
    return value.items.filter(isObject).flatMap((item): EquipmentSection => {
      const nom = str(item.nom);
      if (nom === null) return [];
      return [[nom, str(item.mode_emploi) ?? '']];
    });
  }
  return Object.entries(value)
    .map(([key, item]): [string, string | null] => [humanize(key), equipmentText(item, '✓', '✗')])
    .filter((entry): entry is [string, string] => entry[1] !== null);
}

/** `lave_linge` → « Lave linge ». */
export function humanize(key: string): string {
  const text = key.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const EQUIPMENT_SECTIONS = [
  'chauffage',
  'cuisine',
  'multimedia',
  'exterieur',
  'divers',
] as const;

/** Pure: the RPC's JSON (already parsed) as a typed answer; anything unexpected is dropped. */
export function parseSheetAnswer(raw: unknown): SheetAnswer {
  if (!isObject(raw)) return { status: 'unknown' };
  const status = raw.status;
  if (status === 'expired' || status === 'revoked' || status === 'not_yet') {
    return { status, langue: lang(raw.langue), contact: contactOf(raw.contact) };
  }
  if (status !== 'ok') return { status: 'unknown' };
  const gite = isObject(raw.gite) ? raw.gite : {};
  const stay = isObject(raw.stay) ? raw.stay : {};
  const guest = isObject(raw.guest) ? raw.guest : {};
  const wifi = isObject(raw.wifi) ? raw.wifi : null;
  const consignes = isObject(raw.consignes) ? raw.consignes : {};
  const equipements = isObject(raw.equipements) ? raw.equipements : {};
  const fr = consignesOf(consignes.fr);
  const en = consignesOf(consignes.en);
  return {
    status: 'ok',
    langue: lang(raw.langue),
    validUntil: str(raw.valid_until),
    contact: contactOf(raw.contact),
    prenom: str(guest.prenom),
    arrivee: str(stay.arrivee),
    depart: str(stay.depart),
    gite: {
      nom: str(gite.nom),
      adresse: str(gite.adresse),
      latitude: num(gite.latitude),
      longitude: num(gite.longitude),
      telephoneUrgence: str(gite.telephone_urgence),
      email: str(gite.email_contact),
    },
    wifi: wifi
      ? {
          ssid: str(wifi.ssid),
          password: str(wifi.password),
          securite: str(wifi.securite),
          debit: str(wifi.debit),
          localisationBox: str(wifi.localisation_box),
          zones: Array.isArray(wifi.zones)
            ? wifi.zones.map(str).filter((zone): zone is string => zone !== null)
            : [],
        }
      : null,
    consignes: { ...(fr ? { fr } : {}), ...(en ? { en } : {}) },
    equipements: EQUIPMENT_SECTIONS.map((section) => ({
      section,
      entries: equipmentEntries(equipements[section]),
    })).filter((section) => section.entries.length > 0),
    contacts: Array.isArray(raw.contacts)
      ? raw.contacts.filter(isObject).flatMap((c) => {
          const nom = str(c.nom);
          return nom
            ? [
                {
                  type: str(c.type) ?? 'autre',
                  nom,
                  telephone: str(c.telephone),
                  adresse: str(c.adresse),
                  disponibilite: str(c.disponibilite),
                },
              ]
            : [];
        })
      : [],
    activites: Array.isArray(raw.activites)
      ? raw.activites.filter(isObject).flatMap((a) => {
          const nom = str(a.nom);
          return nom
            ? [
                {
                  nom,
                  categorie: str(a.categorie) ?? 'autre',
                  description: str(a.description),
                  adresse: str(a.adresse),
                  distance_km: num(a.distance_km),
                  url: safeWebUrl(a.url),
                  telephone: str(a.telephone),
                },
              ]
            : [];
        })
      : [],
  };
}

/** Only http(s) links are made clickable (never `javascript:` or `data:`). */
export function safeWebUrl(value: unknown): string | null {
  const text = str(value);
  if (text === null) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A map search that opens the phone's map app (Google Maps' cross-platform URL). */
export function mapLink(gite: LiveSheet['gite']): string | null {
  const query =
    gite.latitude !== null && gite.longitude !== null
      ? `${gite.latitude},${gite.longitude}`
      : gite.adresse;
  if (!query) return null;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}

/**
 * The instructions in the guest's language, each field falling back to the other language's:
 * the owner may have filled the access code or the times in one language only, and a guest
 * without the door code is locked out.
 */
export function consignesFor(
  consignes: Partial<Record<Lang, Consignes>>,
  lang: Lang,
): Consignes | null {
  const mine = consignes[lang];
  const other = consignes[lang === 'fr' ? 'en' : 'fr'];
  if (!mine) return other ?? null;
  if (!other) return mine;
  const merged = { ...mine };
  for (const key of Object.keys(merged) as Array<keyof Consignes>) {
    merged[key] = mine[key] ?? other[key];
  }
  return merged;
}

/**
 * `tel:` link for a phone number as typed by the owner (spaces, dots and dashes removed; the
 * French « (0) » written after +33 is not dialled).
 */
export function telLink(phone: string): string | null {
  const international = phone.trim().startsWith('+');
  const digits = (international ? phone.replace(/\(0\)/g, '') : phone).replace(/[\s.\-()]/g, '');
  return /^\+?[0-9]{2,20}$/.test(digits) ? `tel:${digits}` : null;
}

/** The token in `/g/<token>` (URL-safe base64 as the database makes them), else null. */
export function tokenFromPath(pathname: string): string | null {
  const match = /^\/g\/([A-Za-z0-9_-]{16,128})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}
