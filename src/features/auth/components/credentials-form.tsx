import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { describeAuthError } from '@/features/auth/auth-errors';
import type { Credentials, CredentialsErrors } from '@/features/auth/auth-form-schema';
import { authMessages } from '@/features/auth/messages';
import { useDirtyForm } from '@/lib/pwa/dirty-forms';
import { offlineMessages, useWriteAccess } from '@/lib/pwa/write-access';

/**
 * The validation rules (zod) load after the form is shown, not before: zod is not part of the
 * JavaScript the first page waits for (dev/build/budget.ts). They are fetched as soon as the
 * form has rendered, so they are there long before the owner has typed a password.
 */
const loadValidation = () => import('@/features/auth/auth-form-schema');

interface CredentialsFormProps {
  mode: 'sign-in' | 'sign-up';
  submitLabel: string;
  pendingLabel: string;
  isPending: boolean;
  /** Resolves when done; rejects with the supabase-js error to show. */
  onSubmit: (credentials: Credentials) => Promise<unknown>;
}

/** E-mail + password form shared by sign-in and sign-up: validates, then submits. */
export function CredentialsForm({
  mode,
  submitLabel,
  pendingLabel,
  isPending,
  onSubmit,
}: CredentialsFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const idPrefix = useId();
  const [errors, setErrors] = useState<CredentialsErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  // Something typed: a new version of the app does not reload over it.
  const [typed, setTyped] = useState(false);
  useDirtyForm(typed);
  const write = useWriteAccess(offlineMessages.signInReason);

  useEffect(() => {
    // A prefetch: a failure here is reported by the submit, which loads it again.
    loadValidation().catch(() => undefined);
  }, []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
    };
    let validation: Awaited<ReturnType<typeof loadValidation>>;
    try {
      validation = await loadValidation();
    } catch (error) {
      setFormError(describeAuthError(error).message);
      return;
    }
    const result = validation.validateCredentials(validation.credentialsSchemas[mode], input);
    setFormError(null);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    try {
      await onSubmit(result.value);
    } catch (error) {
      const described = describeAuthError(error);
      if (described.field) {
        setErrors({ [described.field]: described.message });
        focusFirstInvalid(formRef.current);
      } else {
        setFormError(described.message);
      }
    }
  }

  return (
    <form
      ref={formRef}
      className="stack"
      noValidate
      onSubmit={handleSubmit}
      onInput={(event) => {
        const data = new FormData(event.currentTarget);
        setTyped(Boolean(data.get('email') || data.get('password')));
      }}
    >
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <TextField
        id={`${idPrefix}-email`}
        name="email"
        type="email"
        label={authMessages.emailLabel}
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        error={errors.email}
      />
      <TextField
        id={`${idPrefix}-password`}
        name="password"
        type={showPassword ? 'text' : 'password'}
        label={authMessages.passwordLabel}
        autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
        required
        minLength={8}
        hint={mode === 'sign-up' ? authMessages.passwordHintSignUp : undefined}
        error={errors.password}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={showPassword}
          onChange={(event) => setShowPassword(event.target.checked)}
        />
        {authMessages.showPassword}
      </label>
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={isPending || write.blocked}
        {...write.reasonProps}
      >
        {isPending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
