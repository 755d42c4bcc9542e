import { useId } from 'react';
import { FormAlert } from '@/components/form-alert';
import { OfflineFormNote } from '@/components/offline-banner';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import { useValidatedForm } from '@/components/use-validated-form';
import {
  ACTIVITY_CATEGORIES,
  type ActivityDraft,
  type ActivityField,
  type ActivityValues,
  activityFormSchema,
  categoryLabel,
} from '@/features/activities/activity-form-schema';
import { activitiesMessages as m } from '@/features/activities/messages';

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
  const form = useValidatedForm(activityFormSchema, initial, onSave);
  const { draft, errors, write } = form;

  const fieldProps = (field: ActivityField) => ({
    id: `${idPrefix}-${field}`,
    name: field,
    value: draft[field],
    error: errors[field],
    onChange: (event: { target: { value: string } }) => form.setField(field, event.target.value),
  });

  return (
    <form
      ref={form.formRef}
      className="card activity-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={form.handleSubmit}
    >
      <h2 id={titleId}>{title}</h2>
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
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
            onChange={(event) => form.setField('description', event.target.value)}
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
          disabled={form.saving || write.blocked}
          {...write.reasonProps}
        >
          {form.saving ? m.saving : submitLabel}
        </button>
      </div>
    </form>
  );
}
