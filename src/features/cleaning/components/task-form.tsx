import { useId, useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { OfflineFormNote } from '@/components/offline-banner';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import { useValidatedForm } from '@/components/use-validated-form';
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
  const [initial] = useState(() => draftOf(row));
  const form = useValidatedForm(taskFormSchema, initial, onSave);
  const { draft, errors, write } = form;

  const set = (field: TaskField) => (event: { target: { value: string } }) =>
    form.setField(field, event.target.value);

  return (
    <form ref={form.formRef} className="cleaning-form" noValidate onSubmit={form.handleSubmit}>
      <h3 className="cleaning-form-title">
        {m.taskFormTitle(cleaningDay(row.date), row.gites?.nom ?? '')}
      </h3>
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
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
          disabled={form.saving || write.blocked}
          {...write.reasonProps}
        >
          {form.saving ? m.saving : m.save}
        </button>
      </div>
    </form>
  );
}
