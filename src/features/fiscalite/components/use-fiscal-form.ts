import { type FormEvent, useRef, useState } from 'react';
import type { z } from 'zod';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { validateForm } from '@/features/fiscalite/fiscal-forms';
import { fiscalPageMessages as m } from '@/features/fiscalite/messages';
import { describeError } from '@/lib/i18n';
import { useDirtyForm } from '@/lib/pwa/dirty-forms';
import { useWriteAccess } from '@/lib/pwa/write-access';

/**
 * The Fiscalité forms' common behaviour: a draft of raw strings, validated by a zod schema
 * before anything is sent (a bad value changes nothing, its French message shows under the
 * field and takes the focus), writes disabled offline, unsaved-change protection.
 */
export function useFiscalForm<S extends z.ZodType, D extends Record<string, string | boolean>>(
  schema: S,
  initial: D,
  onSave: (values: z.output<S>) => Promise<void>,
) {
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
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
      const result = validateForm(schema, next);
      setErrors(result.ok ? {} : result.errors);
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving || write.blocked) return;
    setSubmitted(true);
    setFormError(null);
    const result = validateForm(schema, draft);
    if (!result.ok) {
      setErrors(result.errors);
      setFormError(m.fixErrors);
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
