import { type FormEvent, useId, useRef, useState } from 'react';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { describeAuthError } from '@/features/auth/auth-errors';
import {
  type Credentials,
  type CredentialsErrors,
  type signInSchema,
  type signUpSchema,
  validateCredentials,
} from '@/features/auth/auth-form-schema';
import { authMessages } from '@/features/auth/messages';

interface CredentialsFormProps {
  mode: 'sign-in' | 'sign-up';
  schema: typeof signInSchema | typeof signUpSchema;
  submitLabel: string;
  pendingLabel: string;
  isPending: boolean;
  /** Resolves when done; rejects with the supabase-js error to show. */
  onSubmit: (credentials: Credentials) => Promise<unknown>;
}

/** E-mail + password form shared by sign-in and sign-up: validates, then submits. */
export function CredentialsForm({
  mode,
  schema,
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

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const result = validateCredentials(schema, {
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
    });
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
    <form ref={formRef} className="stack" noValidate onSubmit={handleSubmit}>
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
      <button type="submit" className="button button-primary button-block" disabled={isPending}>
        {isPending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
