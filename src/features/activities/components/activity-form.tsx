import { type FormEvent, useId, useRef, useState } from 'react';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { FormAlert } from '@/components/form-alert';
import { OfflineFormNote } from '@/components/offline-banner';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import {
  ACTIVITY_CATEGORIES,
  type ActivityDraft,
  type ActivityErrors,
  type ActivityField,
  type ActivityValues,
  categoryLabel,
  validateActivityForm,
} from '@/features/activities/activity-form-schema';
import { activitiesMessages as m } from '@/features/activities/messages';
import { describeError } from '@/lib/i18n';
import { useDirtyForm } from '@/lib/pwa/dirty-forms';
import { useWriteAccess } from '@/lib/pwa/write-access';

const CATEGORY_OPTIONS = ACTIVITY_CATEGORIES.map((value) => ({
  value,
  label: categoryLabel(value),
}));

interface ActivityFormProps {
  title: string;
  initial: ActivityDraft;
  submitLabel: string;
  onSave: (values: ActivityValues) => Promise<void>;
  onCancel: () => void;
}

/** Create / edit an activity; nothing is sent until every field is valid. */
export function ActivityForm({ title, initial, submitLabel, onSave, onCancel }: ActivityFormProps) {
  const idPrefix = useId();
  const titleId = `${idPrefix}-title`;
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<ActivityErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  useDirtyForm(JSON.stringify(draft) !== JSON.stringify(initial));
  const write = useWriteAccess();

  function setField(field: ActivityField, value: string) {
    const next = { ...draft, [field]: value };
    setDraft(next);
    if (submitted) {
      const result = validateActivityForm(next);
      setErrors(result.ok ? {} : result.errors);
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving || write.blocked) return;
    setSubmitted(true);
    setSaveError(null);
    const result = validateActivityForm(draft);
    if (!result.ok) {
      setErrors(result.errors);
      setSaveError(m.fixErrors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(result.value);
    } catch (error) {
      setSaveError(describeError(error));
    } finally {
      setSaving(false);
    }
  }

  const fieldProps = (field: ActivityField) => ({
    id: `${idPrefix}-${field}`,
    name: field,
    value: draft[field],
    error: errors[field],
    onChange: (event: { target: { value: string } }) => setField(field, event.target.value),
  });

  return (
    <form
      ref={formRef}
      className="card activity-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={handleSubmit}
    >
      <h2 id={titleId}>{title}</h2>
      {saveError ? <FormAlert>{saveError}</FormAlert> : null}
      <div className="form-grid activity-grid">
        <TextField {...fieldProps('nom')} label={m.nomLabel} required autoComplete="off" />
        <SelectField
          {...fieldProps('categorie')}
          label={m.categorieLabel}
          options={CATEGORY_OPTIONS}
        />
        <div className="field span-2">
          <label htmlFor={`${idPrefix}-description`}>{m.descriptionLabel}</label>
          <textarea
            id={`${idPrefix}-description`}
            name="description"
            rows={3}
            value={draft.description}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? `${idPrefix}-description-error` : undefined}
            onChange={(event) => setField('description', event.target.value)}
          />
          {errors.description ? (
            <p id={`${idPrefix}-description-error`} className="field-error">
              {errors.description}
            </p>
          ) : null}
        </div>
        <TextField {...fieldProps('adresse')} label={m.adresseLabel} autoComplete="off" />
        <TextField {...fieldProps('distance_km')} label={m.distanceLabel} inputMode="decimal" />
        <TextField
          {...fieldProps('url')}
          label={m.urlLabel}
          hint={m.urlHint}
          inputMode="url"
          autoComplete="off"
        />
        <TextField {...fieldProps('telephone')} label={m.telephoneLabel} type="tel" />
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
          {saving ? m.saving : submitLabel}
        </button>
      </div>
    </form>
  );
}
