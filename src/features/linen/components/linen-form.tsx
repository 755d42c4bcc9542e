import { useId } from 'react';
import { FormAlert } from '@/components/form-alert';
import { OfflineFormNote } from '@/components/offline-banner';
import { TextField } from '@/components/text-field';
import { useValidatedForm } from '@/components/use-validated-form';
import {
  type LinenDraft,
  type LinenField,
  type LinenValues,
  linenFormSchema,
} from '@/features/linen/linen-form-schema';
import { linenMessages as m } from '@/features/linen/messages';

const NUMBER_FIELDS: ReadonlyArray<{ field: Exclude<LinenField, 'article'>; label: string }> = [
  { field: 'quantite_en_service', label: m.inUse },
  { field: 'quantite_propre', label: m.clean },
  { field: 'quantite_sale', label: m.dirty },
  { field: 'seuil_alerte', label: m.threshold },
  { field: 'besoin_par_sejour', label: m.perStay },
  { field: 'besoin_par_personne', label: m.perGuest },
];

/** Adds or edits an article's stock; nothing is sent until every field is valid. */
export function LinenForm({
  title,
  initial,
  onSave,
  onCancel,
}: {
  title: string;
  initial: LinenDraft;
  onSave: (values: LinenValues) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const form = useValidatedForm(linenFormSchema, initial, onSave);
  const { draft, errors, write } = form;

  return (
    <form
      ref={form.formRef}
      className="card linen-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={form.handleSubmit}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <div className="linen-form-grid">
        <TextField
          id={`${id}-article`}
          className="linen-article-field"
          label={m.article}
          value={draft.article}
          error={errors.article}
          autoComplete="off"
          onChange={(event) => form.setField('article', event.target.value)}
        />
        {NUMBER_FIELDS.map(({ field, label }) => (
          <TextField
            key={field}
            id={`${id}-${field}`}
            label={label}
            inputMode="numeric"
            value={draft[field]}
            error={errors[field]}
            onChange={(event) => form.setField(field, event.target.value)}
          />
        ))}
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
