import type { FormEvent, ReactNode, RefObject } from 'react';
import { FormAlert } from '@/components/form-alert';
import { OfflineFormNote } from '@/components/offline-banner';
import { fiscalPageMessages as m } from '@/features/fiscalite/messages';
import type { WriteAccess } from '@/lib/pwa/write-access';

/** What the frame needs of a form made with useValidatedForm. */
interface FormState {
  formRef: RefObject<HTMLFormElement | null>;
  handleSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  formError: string | null;
  saving: boolean;
  write: WriteAccess;
}

/**
 * The frame every Fiscalité form shares: its name for screen readers, the save's error, the
 * fields (children), then the offline note, « Annuler » when editing, and the submit button
 * (disabled while saving and offline, with the reason).
 */
export function FiscalForm({
  form,
  label,
  submitLabel,
  onCancel,
  children,
}: {
  form: FormState;
  label: string;
  submitLabel: string;
  onCancel?: (() => void) | undefined;
  children: ReactNode;
}) {
  return (
    <form
      ref={form.formRef}
      className="fiscal-form"
      aria-label={label}
      noValidate
      onSubmit={form.handleSubmit}
    >
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      {children}
      <div className="form-actions">
        <OfflineFormNote />
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {m.cancel}
          </button>
        ) : null}
        <button
          type="submit"
          className="button button-primary"
          disabled={form.saving || form.write.blocked}
          {...form.write.reasonProps}
        >
          {form.saving ? m.saving : submitLabel}
        </button>
      </div>
    </form>
  );
}
