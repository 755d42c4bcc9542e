import { z } from 'zod';
import { giteInfoMessages as m } from '@/features/gite-info/messages';
import type { Json } from '@/lib/database.types';

/**
 * The equipment sections (infos_gites_equipements: one JSONB column per section). Each holds
 * `{"items": [{"nom", "mode_emploi"}, …]}` in the owner's order (a JSON object's keys would
 * lose it: jsonb sorts them). The guest page reads the same shape. Pure.
 */
export const EQUIPMENT_SECTIONS = [
  'chauffage',
  'cuisine',
  'multimedia',
  'exterieur',
  'divers',
] as const;
export type EquipmentSection = (typeof EQUIPMENT_SECTIONS)[number];

export const MAX_EQUIPMENT_ITEMS = 50;
export const EQUIPMENT_NOM_MAX_LENGTH = 100;
export const EQUIPMENT_HOW_TO_MAX_LENGTH = 2000;

export type EquipmentItem = {
  nom: string;
  mode_emploi: string;
};

/** A row of the editor: the id only keeps React keys and errors attached to their row. */
export interface EquipmentItemDraft extends EquipmentItem {
  id: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function howToText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

/**
 * The items stored in a section. `{"items": [...]}` as written by this editor; any other
 * object (hand-written `{"four": true}`) is read as one item per key, so nothing stored is
 * hidden from the owner.
 */
export function parseEquipmentSection(json: Json | undefined): EquipmentItem[] {
  if (!isRecord(json)) return [];
  const items = json.items;
  if (Array.isArray(items)) {
    return items.flatMap((item) =>
      isRecord(item) && typeof item.nom === 'string'
        ? [{ nom: item.nom, mode_emploi: howToText(item.mode_emploi) }]
        : [],
    );
  }
  return Object.entries(json).map(([nom, value]) => ({ nom, mode_emploi: howToText(value) }));
}

export function equipmentSectionJson(items: readonly EquipmentItem[]): {
  items: EquipmentItem[];
} {
  return { items: items.map(({ nom, mode_emploi }) => ({ nom, mode_emploi })) };
}

const itemSchema = z.object({
  id: z.string(),
  nom: z
    .string()
    .trim()
    .min(1, { error: m.itemNomRequired })
    .max(EQUIPMENT_NOM_MAX_LENGTH, {
      error: m.tooLong(m.equipmentNomField, EQUIPMENT_NOM_MAX_LENGTH),
    }),
  mode_emploi: z
    .string()
    .trim()
    .max(EQUIPMENT_HOW_TO_MAX_LENGTH, {
      error: m.tooLong(m.equipmentHowToField, EQUIPMENT_HOW_TO_MAX_LENGTH),
    }),
});

const itemsSchema = z
  .array(itemSchema)
  .max(MAX_EQUIPMENT_ITEMS, { error: m.tooManyItems(MAX_EQUIPMENT_ITEMS) });

export interface EquipmentErrors {
  /** Keyed by row id. */
  items: Record<string, Partial<Record<'nom' | 'mode_emploi', string>>>;
  list?: string;
}

export type EquipmentResult =
  | { ok: true; value: EquipmentItem[] }
  | { ok: false; errors: EquipmentErrors };

/** Validates a section's rows; a row left entirely blank is dropped, not an error. */
export function validateEquipmentItems(drafts: readonly EquipmentItemDraft[]): EquipmentResult {
  const kept = drafts.filter((d) => d.nom.trim() !== '' || d.mode_emploi.trim() !== '');
  const result = itemsSchema.safeParse(kept);
  if (result.success) {
    return {
      ok: true,
      value: result.data.map(({ nom, mode_emploi }) => ({ nom, mode_emploi })),
    };
  }
  const errors: EquipmentErrors = { items: {} };
  for (const issue of result.error.issues) {
    const [index, field] = issue.path;
    const id = typeof index === 'number' ? kept[index]?.id : undefined;
    if (id !== undefined && (field === 'nom' || field === 'mode_emploi')) {
      const rowErrors = errors.items[id] ?? {};
      rowErrors[field] ??= issue.message;
      errors.items[id] = rowErrors;
    } else {
      errors.list ??= issue.message;
    }
  }
  return { ok: false, errors };
}

export function toItemDrafts(
  items: readonly EquipmentItem[],
  newId: () => string = () => crypto.randomUUID(),
): EquipmentItemDraft[] {
  return items.map((item) => ({ id: newId(), ...item }));
}
