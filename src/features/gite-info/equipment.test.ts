import { describe, expect, it } from 'vitest';
import {
  EQUIPMENT_NOM_MAX_LENGTH,
  equipmentSectionJson,
  MAX_EQUIPMENT_ITEMS,
  parseEquipmentSection,
  toItemDrafts,
  validateEquipmentItems,
} from '@/features/gite-info/equipment';
import { giteInfoMessages as m } from '@/features/gite-info/messages';

describe('equipment sections as {"items": [...]}', () => {
  it('reads the editor’s shape in its order and writes it back unchanged', () => {
    const json = {
      items: [
        { nom: 'Machine à café', mode_emploi: 'Capsules dans le tiroir' },
        { nom: 'Four', mode_emploi: '' },
      ],
    };
    const items = parseEquipmentSection(json);
    expect(items.map((i) => i.nom)).toEqual(['Machine à café', 'Four']);
    expect(equipmentSectionJson(items)).toEqual(json);
  });

  it('shows other objects (the table’s {} default, hand-written flags) instead of hiding them', () => {
    expect(parseEquipmentSection({})).toEqual([]);
    expect(parseEquipmentSection(null)).toEqual([]);
    expect(parseEquipmentSection(['not', 'an', 'object'])).toEqual([]);
    expect(parseEquipmentSection({ four: true, animaux_acceptes: false, tv: 'TNT' })).toEqual([
      { nom: 'four', mode_emploi: 'Oui' },
      { nom: 'animaux_acceptes', mode_emploi: 'Non' },
      { nom: 'tv', mode_emploi: 'TNT' },
    ]);
    // Items that are not {nom: string} are skipped.
    expect(parseEquipmentSection({ items: [{ nom: 'Spa' }, 3, { mode_emploi: 'x' }] })).toEqual([
      { nom: 'Spa', mode_emploi: '' },
    ]);
  });
});

describe('validateEquipmentItems', () => {
  const ids = (() => {
    let n = 0;
    return () => {
      n += 1;
      return `row-${n}`;
    };
  })();

  it('trims, drops rows left blank, and keeps the order', () => {
    const drafts = toItemDrafts(
      [
        { nom: ' Four ', mode_emploi: ' Préchauffer ' },
        { nom: '', mode_emploi: '  ' },
        { nom: 'Bouilloire', mode_emploi: '' },
      ],
      ids,
    );
    expect(validateEquipmentItems(drafts)).toEqual({
      ok: true,
      value: [
        { nom: 'Four', mode_emploi: 'Préchauffer' },
        { nom: 'Bouilloire', mode_emploi: '' },
      ],
    });
  });

  it('puts each error on its row: a how-to without a name, a name too long', () => {
    const drafts = toItemDrafts(
      [
        { nom: 'Four', mode_emploi: 'ok' },
        { nom: '', mode_emploi: 'Mode d’emploi orphelin' },
        { nom: 'x'.repeat(EQUIPMENT_NOM_MAX_LENGTH + 1), mode_emploi: '' },
      ],
      ids,
    );
    const result = validateEquipmentItems(drafts);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.items).toEqual({
      [drafts[1]?.id ?? '']: { nom: m.itemNomRequired },
      [drafts[2]?.id ?? '']: { nom: m.tooLong(m.equipmentNomField, EQUIPMENT_NOM_MAX_LENGTH) },
    });
  });

  it('refuses more than the maximum of items per section', () => {
    const drafts = toItemDrafts(
      Array.from({ length: MAX_EQUIPMENT_ITEMS + 1 }, (_, i) => ({
        nom: `É${i}`,
        mode_emploi: '',
      })),
      ids,
    );
    const result = validateEquipmentItems(drafts);
    expect(result.ok ? undefined : result.errors.list).toBe(m.tooManyItems(MAX_EQUIPMENT_ITEMS));
  });
});
