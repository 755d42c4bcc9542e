import { type FormEvent, useRef, useState } from 'react';
import type { z } from 'zod';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { validateForm } from '@/lib/form-validation';
import { commonMessages, describeError } from '@/lib/i18n';
import { useDirtyForm } from '@/lib/pwa/dirty-forms';
import { useWriteAccess } from '@/lib/pwa/write-access';

/**
 * What every form of the app does: a draft of raw values (inputs' text, checkboxes'
 * booleans), validated by a zod schema before anything is sent — a bad value changes nothing,
 * its French message shows under the field and the first one takes the focus —, the save's
 * error shown in the form, writes disabled offline, unsaved-change protection. Once submitted,
 * each change re-validates, so a fixed field loses its message at once.
 */
export function useValidatedForm<V, D extends Record<string, string | boolean>>(
  schema: z.ZodType<V>,
  initial: D,
  onSave: (values: V) => Promise<void>,
) {
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof D & string, string>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useDirtyForm(dirty);
  const write = useWriteAccess();

  function setField<K extends keyof D>(field: K, value: D[K]) {
    const next = { ...draft, [field]: value };
    setDraft(next);
    if (submitted) {
      const result = validateForm<keyof D & string, V>(schema, next);
      setErrors(result.ok ? {} : result.errors);
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving || write.blocked) return;
    setSubmitted(true);
    setFormError(null);
    const result = validateForm<keyof D & string, V>(schema, draft);
    if (!result.ok) {
      setErrors(result.errors);
      setFormError(commonMessages.fixErrors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(result.value);
    } catch (error) {
      setFormError(describeError(error));
    } finally {
      setSaving(false);
    }
  }

  function reset(next: D) {
    setDraft(next);
    setErrors({});
    setSubmitted(false);
    setFormError(null);
  }

  return { formRef, draft, setField, errors, saving, formError, handleSubmit, write, dirty, reset };
}
