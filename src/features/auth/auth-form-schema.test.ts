import { describe, expect, it } from 'vitest';
import { signInSchema, signUpSchema, validateCredentials } from '@/features/auth/auth-form-schema';
import { authMessages } from '@/features/auth/messages';

describe('credentials validation', () => {
  it('accepts a valid e-mail and an 8-character password, trimming the e-mail', () => {
    expect(
      validateCredentials(signUpSchema, { email: ' marie@example.fr ', password: '12345678' }),
    ).toEqual({ ok: true, value: { email: 'marie@example.fr', password: '12345678' } });
  });

  it('refuses a malformed e-mail', () => {
    const result = validateCredentials(signInSchema, { email: 'marie@', password: '12345678' });
    expect(result).toEqual({ ok: false, errors: { email: authMessages.emailInvalid } });
  });

  it('asks for missing fields', () => {
    const result = validateCredentials(signInSchema, { email: '', password: '' });
    expect(result).toEqual({
      ok: false,
      errors: { email: authMessages.emailRequired, password: authMessages.passwordRequired },
    });
  });

  it('refuses a password shorter than 8 characters', () => {
    const result = validateCredentials(signUpSchema, { email: 'a@b.fr', password: '1234567' });
    expect(result).toEqual({ ok: false, errors: { password: authMessages.passwordTooShort } });
  });
});
