import { type FormEvent, useId, useRef, useState } from 'react';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { FormAlert } from '@/components/form-alert';
import { OfflineFormNote } from '@/components/offline-banner';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import type { Cleaner } from '@/features/cleaning/api/get-cleaners';
import type { CleaningRow } from '@/features/cleaning/api/get-cleanings';
import {
  type TaskDraft,
  type TaskField,
  type TaskValues,
  taskFormSchema,
} from '@/features/cleaning/cleaning-form-schema';
import { cleaningDay, shortTime } from '@/features/cleaning/cleaning-format';
import { cleaningMessages as m } from '@/features/cleaning/messages';
import { type FieldErrors, validateForm } from '@/lib/form-validation';
import { describeError } from '@/lib/i18n';
import { useDirtyForm } from '@/lib/pwa/dirty-forms';
import { useWriteAccess } from '@/lib/pwa/write-access';

function draftOf(row: CleaningRow): TaskDraft {
  return {
    cleaner_id: row.cleaner_id ?? '',
    heure_debut: shortTime(row.heure_debut) ?? '',
    heure_fin: shortTime(row.heure_fin) ?? '',
    notes: row.notes ?? '',
  };
}

/** The owner edits a cleaning: who does it, the time window, the notes the cleaner reads. */
export function TaskForm({
  row,
  cleaners,
  onSave,
  onCancel,
}: {
  row: CleaningRow;
  cleaners: Cleaner[];
  onSave: (values: TaskValues) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [initial] = useState(() => draftOf(row));
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<TaskField>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  useDirtyForm(JSON.stringify(draft) !== JSON.stringify(initial));
  const write = useWriteAccess();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving || write.blocked) return;
    const result = validateForm(taskFormSchema, draft);
    if (!result.ok) {
      setErrors(result.errors);
      setSaveError(m.fixErrors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setSaveError(null);
    setSaving(true);
    try {
      await onSave(result.value);
    } catch (error) {
      setSaveError(describeError(error));
    } finally {
      setSaving(false);
    }
  }

  const set = (field: TaskField) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });

  return (
    <form ref={formRef} className="cleaning-form" noValidate onSubmit={handleSubmit}>
      <h3 className="cleaning-form-title">
        {m.taskFormTitle(cleaningDay(row.date), row.gites?.nom ?? '')}
      </h3>
      {saveError ? <FormAlert>{saveError}</FormAlert> : null}
      <div className="form-grid">
        <SelectField
          id={`${id}-cleaner`}
          label={m.cleanerField}
          value={draft.cleaner_id}
          onChange={set('cleaner_id')}
          options={[
            { value: '', label: m.unassigned },
            ...cleaners.map((cleaner) => ({ value: cleaner.id, label: cleaner.nom })),
          ]}
        />
        <TextField
          id={`${id}-start`}
          label={m.startField}
          type="time"
          value={draft.heure_debut}
          error={errors.heure_debut}
          onChange={set('heure_debut')}
        />
        <TextField
          id={`${id}-end`}
          label={m.endField}
          type="time"
          value={draft.heure_fin}
          error={errors.heure_fin}
          onChange={set('heure_fin')}
        />
        <div className="field span-2">
          <label htmlFor={`${id}-notes`}>{m.notesField}</label>
          <textarea
            id={`${id}-notes`}
            rows={3}
            value={draft.notes}
            aria-invalid={errors.notes ? true : undefined}
            aria-describedby={`${id}-notes-hint${errors.notes ? ` ${id}-notes-error` : ''}`}
            onChange={set('notes')}
          />
          <p id={`${id}-notes-hint`} className="field-hint">
            {m.notesHint}
          </p>
          {errors.notes ? (
            <p id={`${id}-notes-error`} className="field-error">
              {errors.notes}
            </p>
          ) : null}
        </div>
      </div>
      <div className="form-actions">
        <OfflineFormNote />
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {m.cancel}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={saving || write.blocked}
          {...write.reasonProps}
        >
          {saving ? m.saving : m.save}
        </button>
      </div>
    </form>
  );
}
