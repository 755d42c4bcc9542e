export const SIGN_IN_PATH = '/connexion';
export const DEFAULT_AFTER_SIGN_IN = '/tableau-de-bord';
const PARAM = 'redirectTo';

/**
 * Only same-origin paths are accepted as a place to return to after signing in,
 * so `/connexion?redirectTo=https://evil.example` cannot send the owner away. Pure.
 */
export function safeRedirectTarget(raw: string | null | undefined): string {
  if (!raw) return DEFAULT_AFTER_SIGN_IN;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (raw === SIGN_IN_PATH || raw.startsWith(`${SIGN_IN_PATH}?`) || raw === '/inscription') {
    return DEFAULT_AFTER_SIGN_IN;
  }
  return raw;
}

/** The sign-in URL that brings the owner back to `target` afterwards. */
export function signInPathFor(target: string): string {
  const safe = safeRedirectTarget(target);
  if (safe === DEFAULT_AFTER_SIGN_IN || safe === '/') return SIGN_IN_PATH;
  return `${SIGN_IN_PATH}?${PARAM}=${encodeURIComponent(safe)}`;
}

export function redirectTargetFrom(search: URLSearchParams): string {
  return safeRedirectTarget(search.get(PARAM));
}

export function withRedirectTarget(path: string, search: URLSearchParams): string {
  const target = search.get(PARAM);
  return target ? `${path}?${PARAM}=${encodeURIComponent(target)}` : path;
}
