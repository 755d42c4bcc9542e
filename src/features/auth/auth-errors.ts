import { authMessages } from '@/features/auth/messages';

/** Which form field a server error belongs to, when it belongs to one. */
export type AuthErrorField = 'email' | 'password' | null;

export interface AuthErrorMessage {
  field: AuthErrorField;
  message: string;
}

function field(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null
    ? (error as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Maps what supabase-js auth returns (AuthApiError, AuthWeakPasswordError,
 * AuthRetryableFetchError, or a thrown TypeError) to a French message. Pure.
 */
export function describeAuthError(error: unknown): AuthErrorMessage {
  const name = field(error, 'name');
  const rawCode = field(error, 'code');
  const rawStatus = field(error, 'status');
  const rawMessage = field(error, 'message');
  const code = typeof rawCode === 'string' ? rawCode : '';
  const status = typeof rawStatus === 'number' ? rawStatus : undefined;
  const message = typeof rawMessage === 'string' ? rawMessage.toLowerCase() : '';

  if (
    name === 'AuthRetryableFetchError' ||
    error instanceof TypeError ||
    status === 0 ||
    message.includes('failed to fetch') ||
    message.includes('networkerror') ||
    message.includes('load failed')
  ) {
    return { field: null, message: authMessages.network };
  }
  if (
    code === 'invalid_credentials' ||
    code === 'invalid_grant' ||
    message.includes('invalid login credentials')
  ) {
    return { field: null, message: authMessages.invalidCredentials };
  }
  if (
    code === 'user_already_exists' ||
    code === 'email_exists' ||
    message.includes('already registered') ||
    message.includes('already exists')
  ) {
    return { field: 'email', message: authMessages.userExists };
  }
  if (
    code === 'weak_password' ||
    name === 'AuthWeakPasswordError' ||
    message.includes('password should be') ||
    message.includes('weak password')
  ) {
    return { field: 'password', message: authMessages.weakPassword };
  }
  if (code === 'email_not_confirmed') {
    return { field: null, message: authMessages.emailNotConfirmed };
  }
  if (code === 'email_address_invalid' || message.includes('unable to validate email')) {
    return { field: 'email', message: authMessages.emailInvalid };
  }
  if (code === 'signup_disabled') {
    return { field: null, message: authMessages.signupDisabled };
  }
  if (status === 429 || code.startsWith('over_') || code.endsWith('rate_limit')) {
    return { field: null, message: authMessages.rateLimited };
  }
  return { field: null, message: authMessages.unexpected };
}
