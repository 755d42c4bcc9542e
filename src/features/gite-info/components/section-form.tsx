import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { FormAlert } from '@/components/form-alert';
import { OfflineFormNote } from '@/components/offline-banner';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import { TextAreaField } from '@/features/gite-info/components/text-area-field';
import { giteInfoMessages as m } from '@/features/gite-info/messages';
import type { FieldErrors, FormResult } from '@/lib/form-validation';
import { describeError } from '@/lib/i18n';
import { useDirtyForm } from '@/lib/pwa/dirty-forms';
import { useWriteAccess } from '@/lib/pwa/write-access';

export interface FieldSpec<F extends string> {
  name: F;
  label: string;
  kind?: 'text' | 'textarea' | 'time' | 'tel' | 'email' | 'select';
  options?: ReadonlyArray<{ value: string; label: string }>;
  hint?: string;
  wide?: boolean;
  maxLength?: number;
  autoComplete?: string;
  inputMode?: 'decimal' | 'tel' | 'email' | 'text';
}

interface SectionFormProps<F extends string, V> {
  title: string;
  fields: ReadonlyArray<FieldSpec<F>>;
  initial: Record<F, string>;
  validate: (draft: Record<F, string>) => FormResult<F, V>;
  /** The form's values once saved (trimmed, normalised), so it is clean again. */
  toDraft: (values: V) => Record<F, string>;
  /** Saves valid values; rejects with the error to show. */
  onSave: (values: V) => Promise<void>;
  /** The confirmation once saved; « "<title>" enregistré. » by default. */
  savedMessage?: (values: V) => string;
  /** Buttons next to « Enregistrer » (delete a contact…). */
  extraActions?: ReactNode;
  className?: string;
}

/**
 * One section of the infos editor, saved on its own. Nothing is sent until every field is
 * valid; errors sit next to their field; while it holds unsaved values it says so, and the
 * app's update prompt and the page's leave guard wait for it (useDirtyForm).
 */
export function SectionForm<F extends string, V>({
  title,
  fields,
  initial,
  validate,
  toDraft,
  onSave,
  savedMessage,
  extraActions,
  className,
}: SectionFormProps<F, V>) {
  const idPrefix = useId();
  const titleId = `${idPrefix}-title`;
  const formRef = useRef<HTMLFormElement>(null);
  const [baseline, setBaseline] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(baseline);
  useDirtyForm(dirty);
  const write = useWriteAccess();

  function setField(field: F, value: string) {
    const next = { ...draft, [field]: value };
    setDraft(next);
    setNotice(null);
    if (submitted) {
      const result = validate(next);
      setErrors(result.ok ? {} : result.errors);
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving || write.blocked) return;
    setSubmitted(true);
    setSaveError(null);
    setNotice(null);
    const result = validate(draft);
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
      const saved = toDraft(result.value);
      setDraft(saved);
      setBaseline(saved);
      setSubmitted(false);
      setNotice(savedMessage ? savedMessage(result.value) : m.saved(title));
    } catch (error) {
      setSaveError(describeError(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      ref={formRef}
      className={`card info-section${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      noValidate
      onSubmit={handleSubmit}
    >
      <div className="info-section-header">
        <h2 id={titleId}>{title}</h2>
        {dirty ? <span className="info-unsaved">{m.unsaved}</span> : null}
      </div>
      {saveError ? <FormAlert>{saveError}</FormAlert> : null}
      <div className="form-grid info-grid">
        {fields.map((field) => {
          const common = {
            id: `${idPrefix}-${field.name}`,
            name: field.name,
            label: field.label,
            value: draft[field.name],
            error: errors[field.name],
            className: field.wide ? 'span-2' : undefined,
          };
          const onChange = (event: { target: { value: string } }) =>
            setField(field.name, event.target.value);
          if (field.kind === 'textarea') {
            return (
              <TextAreaField
                key={field.name}
                {...common}
                hint={field.hint}
                rows={4}
                maxLength={field.maxLength}
                onChange={onChange}
              />
            );
          }
          if (field.kind === 'select') {
            return (
              <SelectField
                key={field.name}
                {...common}
                options={field.options ?? []}
                onChange={onChange}
              />
            );
          }
          return (
            <TextField
              key={field.name}
              {...common}
              hint={field.hint}
              type={field.kind === 'time' ? 'time' : field.kind === 'tel' ? 'tel' : 'text'}
              inputMode={field.inputMode}
              autoComplete={field.autoComplete ?? 'off'}
              onChange={onChange}
            />
          );
        })}
      </div>
      <p className="notice" role="status">
        {notice}
      </p>
      <div className="form-actions">
        <OfflineFormNote />
        {extraActions}
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
