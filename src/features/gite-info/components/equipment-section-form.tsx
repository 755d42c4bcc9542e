import { type FormEvent, useId, useRef, useState } from 'react';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { FormAlert } from '@/components/form-alert';
import { OfflineFormNote } from '@/components/offline-banner';
import { TextField } from '@/components/text-field';
import { TextAreaField } from '@/features/gite-info/components/text-area-field';
import {
  type EquipmentErrors,
  type EquipmentItem,
  type EquipmentItemDraft,
  MAX_EQUIPMENT_ITEMS,
  toItemDrafts,
  validateEquipmentItems,
} from '@/features/gite-info/equipment';
import { giteInfoMessages as m } from '@/features/gite-info/messages';
import { describeError } from '@/lib/i18n';
import { useDirtyForm } from '@/lib/pwa/dirty-forms';
import { useWriteAccess } from '@/lib/pwa/write-access';

const noErrors: EquipmentErrors = { items: {} };

/** What the owner compares against to know the section is unsaved (ids left out). */
function comparable(items: readonly EquipmentItemDraft[]): string {
  return JSON.stringify(items.map(({ nom, mode_emploi }) => [nom, mode_emploi]));
}

interface EquipmentSectionFormProps {
  title: string;
  initial: EquipmentItem[];
  onSave: (items: EquipmentItem[]) => Promise<void>;
}

/**
 * One equipment section (« Cuisine »…) as a list of « équipement → mode d’emploi » rows,
 * stored as {"items": [...]} in its JSONB column; saved on its own.
 */
export function EquipmentSectionForm({ title, initial, onSave }: EquipmentSectionFormProps) {
  const idPrefix = useId();
  const titleId = `${idPrefix}-title`;
  const formRef = useRef<HTMLFormElement>(null);
  const [baseline, setBaseline] = useState(() => comparable(toItemDrafts(initial)));
  const [items, setItems] = useState<EquipmentItemDraft[]>(() => toItemDrafts(initial));
  const [errors, setErrors] = useState<EquipmentErrors>(noErrors);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const dirty = comparable(items) !== baseline;
  useDirtyForm(dirty);
  const write = useWriteAccess();

  function change(next: EquipmentItemDraft[]) {
    setItems(next);
    setNotice(null);
    if (submitted) {
      const result = validateEquipmentItems(next);
      setErrors(result.ok ? noErrors : result.errors);
    }
  }

  function setItem(id: string, field: 'nom' | 'mode_emploi', value: string) {
    change(items.map((item) => (item.id === id ? { ...item, [field]: value } : item)));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving || write.blocked) return;
    setSubmitted(true);
    setSaveError(null);
    setNotice(null);
    const result = validateEquipmentItems(items);
    if (!result.ok) {
      setErrors(result.errors);
      setSaveError(m.fixErrors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors(noErrors);
    setSaving(true);
    try {
      await onSave(result.value);
      const saved = toItemDrafts(result.value);
      setItems(saved);
      setBaseline(comparable(saved));
      setSubmitted(false);
      setNotice(m.saved(title));
    } catch (error) {
      setSaveError(describeError(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="card info-section"
      aria-labelledby={titleId}
      noValidate
      onSubmit={handleSubmit}
    >
      <div className="info-section-header">
        <h3 id={titleId}>{title}</h3>
        {dirty ? <span className="info-unsaved">{m.unsaved}</span> : null}
      </div>
      {saveError ? <FormAlert>{saveError}</FormAlert> : null}
      {errors.list ? <p className="field-error">{errors.list}</p> : null}
      {items.length === 0 ? <p className="field-hint">{m.equipmentEmpty}</p> : null}
      <ol className="equipment-list">
        {items.map((item, index) => {
          const n = index + 1;
          const itemErrors = errors.items[item.id] ?? {};
          return (
            <li key={item.id} className="equipment-item">
              <TextField
                id={`${idPrefix}-${item.id}-nom`}
                label={`${m.equipmentNomLabel(n)}${title ? ` (${title})` : ''}`}
                value={item.nom}
                error={itemErrors.nom}
                autoComplete="off"
                onChange={(event) => setItem(item.id, 'nom', event.target.value)}
              />
              <TextAreaField
                id={`${idPrefix}-${item.id}-how-to`}
                label={`${m.equipmentHowToLabel(n)}${title ? ` (${title})` : ''}`}
                value={item.mode_emploi}
                rows={3}
                error={itemErrors.mode_emploi}
                onChange={(event) => setItem(item.id, 'mode_emploi', event.target.value)}
              />
              <button
                type="button"
                className="button button-danger-quiet equipment-remove"
                aria-label={`${m.equipmentRemove(n)} (${title})`}
                onClick={() => change(items.filter((other) => other.id !== item.id))}
              >
                {m.equipmentRemoveShort}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="notice" role="status">
        {notice}
      </p>
      <div className="form-actions">
        <OfflineFormNote />
        <button
          type="button"
          className="button button-secondary"
          disabled={items.length >= MAX_EQUIPMENT_ITEMS}
          onClick={() => change([...items, { id: crypto.randomUUID(), nom: '', mode_emploi: '' }])}
        >
          + {m.equipmentAdd}
          <span className="visually-hidden"> ({title})</span>
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={saving || write.blocked}
          {...write.reasonProps}
        >
          {saving ? m.saving : m.save}
          <span className="visually-hidden"> « {title} »</span>
        </button>
      </div>
    </form>
  );
}
