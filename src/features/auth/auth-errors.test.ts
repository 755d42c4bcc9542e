import {
  AuthApiError,
  AuthRetryableFetchError,
  AuthWeakPasswordError,
} from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { describeAuthError } from '@/features/auth/auth-errors';
import { authMessages } from '@/features/auth/messages';

describe('describeAuthError', () => {
  it('says "E-mail ou mot de passe incorrect" for a wrong password', () => {
    const error = new AuthApiError('Invalid login credentials', 400, 'invalid_credentials');
    expect(describeAuthError(error)).toEqual({
      field: null,
      message: 'E-mail ou mot de passe incorrect',
    });
  });

  it('recognises the GoTrue invalid_grant answer without a code', () => {
    const error = new AuthApiError('Invalid login credentials', 400, undefined);
    expect(describeAuthError(error).message).toBe(authMessages.invalidCredentials);
  });

  it('puts "account exists" on the e-mail field', () => {
    const error = new AuthApiError('User already registered', 422, 'user_already_exists');
    expect(describeAuthError(error)).toEqual({ field: 'email', message: authMessages.userExists });
  });

  it('puts a weak password on the password field', () => {
    const error = new AuthWeakPasswordError('Password should be at least 8 characters.', 422, [
      'length',
    ]);
    expect(describeAuthError(error)).toEqual({
      field: 'password',
      message: 'Le mot de passe doit contenir au moins 8 caractères',
    });
  });

  it('says the server cannot be reached on a network failure', () => {
    expect(describeAuthError(new AuthRetryableFetchError('Failed to fetch', 0)).message).toBe(
      'Connexion impossible au serveur',
    );
    expect(describeAuthError(new TypeError('Failed to fetch')).message).toBe(authMessages.network);
  });

  it('falls back to a generic French message', () => {
    expect(describeAuthError(new Error('boom')).message).toBe(authMessages.unexpected);
    expect(describeAuthError('boom').message).toBe(authMessages.unexpected);
  });
});
