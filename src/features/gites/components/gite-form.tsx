import { type FormEvent, useId, useRef, useState } from 'react';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { FormAlert } from '@/components/form-alert';
import { OfflineFormNote } from '@/components/offline-banner';
import { TextField } from '@/components/text-field';
import { FeedFields } from '@/features/gites/components/feed-fields';
import {
  type GiteDraft,
  type GiteField,
  type GiteFormErrors,
  type GiteFormValues,
  validateGiteForm,
} from '@/features/gites/gite-form-schema';
import { gitesMessages as m } from '@/features/gites/messages';
import { useDirtyForm } from '@/lib/pwa/dirty-forms';
import { useWriteAccess } from '@/lib/pwa/write-access';

const noErrors: GiteFormErrors = { fields: {}, feeds: {} };

interface GiteFormProps {
  title: string;
  initial: GiteDraft;
  submitLabel: string;
  isSaving: boolean;
  /** Saves valid values; rejects with the error to show in the form. */
  onSave: (values: GiteFormValues) => Promise<unknown>;
  describeSaveError: (error: unknown) => string;
  onCancel: () => void;
}

/**
 * Create / edit form of a gîte and its feeds. Nothing is sent until every field is
 * valid; errors sit next to their field, server errors at the top of the form.
 */
export function GiteForm({
  title,
  initial,
  submitLabel,
  isSaving,
  onSave,
  describeSaveError,
  onCancel,
}: GiteFormProps) {
  const idPrefix = useId();
  const titleId = `${idPrefix}-title`;
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<GiteDraft>(initial);
  const [errors, setErrors] = useState<GiteFormErrors>(noErrors);
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  // Typed values the owner has not saved: a new version of the app waits for them.
  useDirtyForm(JSON.stringify(draft) !== JSON.stringify(initial));
  const write = useWriteAccess();

  function change(next: GiteDraft) {
    setDraft(next);
    if (submitted) {
      const result = validateGiteForm(next);
      setErrors(result.ok ? noErrors : result.errors);
    }
  }

  function setField(field: GiteField, value: string) {
    change({ ...draft, [field]: value });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving || write.blocked) return;
    setSubmitted(true);
    setSaveError(null);
    const result = validateGiteForm(draft);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors(noErrors);
    try {
      await onSave(result.value);
    } catch (error) {
      setSaveError(describeSaveError(error));
    }
  }

  const fieldProps = (field: GiteField) => ({
    id: `${idPrefix}-${field}`,
    name: field,
    value: draft[field],
    error: errors.fields[field],
    onChange: (event: { target: { value: string } }) => setField(field, event.target.value),
  });

  return (
    <form
      ref={formRef}
      className="card gite-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={handleSubmit}
    >
      <h2 id={titleId}>{title}</h2>
      {saveError ? <FormAlert>{saveError}</FormAlert> : null}
      <div className="form-grid">
        <TextField
          {...fieldProps('nom')}
          className="span-2"
          label={m.nomLabel}
          required
          maxLength={200}
          autoComplete="off"
        />
        <TextField
          {...fieldProps('adresse')}
          className="span-2"
          label={m.adresseLabel}
          autoComplete="street-address"
        />
        <TextField
          {...fieldProps('code_postal')}
          label={m.codePostalLabel}
          inputMode="numeric"
          autoComplete="postal-code"
        />
        <TextField {...fieldProps('ville')} label={m.villeLabel} autoComplete="address-level2" />
        <TextField {...fieldProps('capacite')} label={m.capaciteLabel} inputMode="numeric" />
        <TextField {...fieldProps('couleur')} label={m.couleurLabel} type="color" />
      </div>
      <FeedFields
        idPrefix={idPrefix}
        feeds={draft.feeds}
        errors={errors.feeds}
        listError={errors.feedList}
        onChange={(feeds) => change({ ...draft, feeds })}
      />
      <div className="form-actions">
        <OfflineFormNote />
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {m.cancel}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={isSaving || write.blocked}
          {...write.reasonProps}
        >
          {isSaving ? m.saving : submitLabel}
        </button>
      </div>
    </form>
  );
}
