/**
 * The owner's choice about telemetry (Sentry errors and performance, Web Vitals), kept in
 * localStorage on this device. Nothing is sent, and no third-party code is even downloaded,
 * before the owner has accepted; a refusal is remembered and nothing is asked again.
 * Pure functions over a Storage-like object, so they are tested without a browser.
 */
import type { Env } from '@/lib/env';

export type ConsentChoice = 'accepted' | 'refused';

/** Bump the version when what is collected changes: everyone is asked again. */
export const CONSENT_KEY = 'liveownerunit.consentement-mesures';
const CONSENT_VERSION = 1;

interface StoredConsent {
  v: number;
  choice: ConsentChoice;
  /** When the owner chose (ISO), for the record. */
  at: string;
}

type ReadableStorage = Pick<Storage, 'getItem'>;
type WritableStorage = Pick<Storage, 'setItem' | 'removeItem'>;

/** localStorage, or null where it is unavailable (disabled, some private modes). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The recorded choice of the current version, or null (never asked, or asked for another). */
export function readConsent(storage: ReadableStorage | null): ConsentChoice | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(CONSENT_KEY) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as Partial<StoredConsent>;
    if (stored.v !== CONSENT_VERSION) return null;
    return stored.choice === 'accepted' || stored.choice === 'refused' ? stored.choice : null;
  } catch {
    return null;
  }
}

/** Records the choice; false when it could not be stored (it then holds for this visit only). */
export function writeConsent(
  storage: WritableStorage | null,
  choice: ConsentChoice,
  now: Date = new Date(),
): boolean {
  const stored: StoredConsent = { v: CONSENT_VERSION, choice, at: now.toISOString() };
  try {
    storage?.setItem(CONSENT_KEY, JSON.stringify(stored));
    return storage !== null;
  } catch {
    return false;
  }
}

/** Forgets the choice: the banner is shown again at the next start. */
export function forgetConsent(storage: WritableStorage | null): void {
  try {
    storage?.removeItem(CONSENT_KEY);
  } catch {
    // nothing stored, nothing to forget
  }
}

/**
 * What to do at start-up:
 * - `off`: nothing is configured to receive anything — no banner, nothing loaded;
 * - `ask`: something is configured and the owner has not chosen — show the banner;
 * - `start`: the owner accepted — load Sentry and/or Web Vitals after the first render;
 * - `declined`: the owner refused — nothing loaded, nothing sent.
 */
export type TelemetryPlan = 'off' | 'ask' | 'start' | 'declined';

export type TelemetryEnv = Pick<Env, 'VITE_SENTRY_DSN' | 'VITE_VITALS_URL'>;

export function telemetryConfigured(env: TelemetryEnv): boolean {
  return Boolean(env.VITE_SENTRY_DSN || env.VITE_VITALS_URL);
}

export function telemetryPlan(env: TelemetryEnv, consent: ConsentChoice | null): TelemetryPlan {
  if (!telemetryConfigured(env)) return 'off';
  if (consent === 'accepted') return 'start';
  if (consent === 'refused') return 'declined';
  return 'ask';
}
