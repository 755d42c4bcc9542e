import { type FormEvent, useId, useRef, useState } from 'react';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { FormAlert } from '@/components/form-alert';
import { OfflineFormNote } from '@/components/offline-banner';
import { TextField } from '@/components/text-field';
import {
  type LinenDraft,
  type LinenField,
  type LinenValues,
  linenFormSchema,
} from '@/features/linen/linen-form-schema';
import { linenMessages as m } from '@/features/linen/messages';
import { type FieldErrors, validateForm } from '@/lib/form-validation';
import { describeError } from '@/lib/i18n';
import { useDirtyForm } from '@/lib/pwa/dirty-forms';
import { useWriteAccess } from '@/lib/pwa/write-access';

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
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<LinenField>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const write = useWriteAccess();
  useDirtyForm(JSON.stringify(draft) !== JSON.stringify(initial));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving || write.blocked) return;
    const result = validateForm(linenFormSchema, draft);
    if (!result.ok) {
      setErrors(result.errors);
      setFailure(m.fixErrors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setFailure(null);
    setSaving(true);
    try {
      await onSave(result.value);
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="card linen-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={handleSubmit}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      <div className="linen-form-grid">
        <TextField
          id={`${id}-article`}
          className="linen-article-field"
          label={m.article}
          value={draft.article}
          error={errors.article}
          autoComplete="off"
          onChange={(event) => setDraft({ ...draft, article: event.target.value })}
        />
        {NUMBER_FIELDS.map(({ field, label }) => (
          <TextField
            key={field}
            id={`${id}-${field}`}
            label={label}
            inputMode="numeric"
            value={draft[field]}
            error={errors[field]}
            onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
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
          disabled={saving || write.blocked}
          {...write.reasonProps}
        >
          {saving ? m.saving : m.save}
        </button>
      </div>
    </form>
  );
}
