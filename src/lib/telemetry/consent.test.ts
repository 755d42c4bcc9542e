import { describe, expect, it } from 'vitest';
import {
  CONSENT_KEY,
  forgetConsent,
  readConsent,
  telemetryPlan,
  writeConsent,
} from '@/lib/telemetry/consent';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

const SENTRY = { VITE_SENTRY_DSN: 'https://k@o1.ingest.sentry.io/2' };
const VITALS = { VITE_VITALS_URL: '/vitals' };

describe('telemetryPlan', () => {
  it('loads and asks nothing when nothing is configured to receive data, whatever was chosen', () => {
    expect(telemetryPlan({}, null)).toBe('off');
    expect(telemetryPlan({}, 'accepted')).toBe('off');
  });

  it('asks first when Sentry or a vitals endpoint is configured and the owner has not chosen', () => {
    expect(telemetryPlan(SENTRY, null)).toBe('ask');
    expect(telemetryPlan(VITALS, null)).toBe('ask');
  });

  it('starts only after an acceptance, and never after a refusal', () => {
    expect(telemetryPlan({ ...SENTRY, ...VITALS }, 'accepted')).toBe('start');
    expect(telemetryPlan(SENTRY, 'refused')).toBe('declined');
  });
});

describe('consent storage', () => {
  it('remembers the choice across reads, with the date it was made', () => {
    const storage = memoryStorage();
    expect(readConsent(storage)).toBeNull();
    expect(writeConsent(storage, 'refused', new Date('2026-11-24T10:00:00Z'))).toBe(true);
    expect(readConsent(storage)).toBe('refused');
    expect(JSON.parse(storage.data.get(CONSENT_KEY) ?? '{}')).toMatchObject({
      choice: 'refused',
      at: '2026-11-24T10:00:00.000Z',
    });
  });

  it('asks again after the choice is forgotten, or when it was made for another version', () => {
    const storage = memoryStorage();
    writeConsent(storage, 'accepted');
    forgetConsent(storage);
    expect(readConsent(storage)).toBeNull();
    const old = memoryStorage({ [CONSENT_KEY]: JSON.stringify({ v: 0, choice: 'accepted' }) });
    expect(readConsent(old)).toBeNull();
  });

  it('treats unreadable or tampered values, and a missing storage, as no choice', () => {
    expect(readConsent(memoryStorage({ [CONSENT_KEY]: '{oops' }))).toBeNull();
    expect(
      readConsent(memoryStorage({ [CONSENT_KEY]: JSON.stringify({ v: 1, choice: 'yes' }) })),
    ).toBeNull();
    expect(readConsent(null)).toBeNull();
    expect(writeConsent(null, 'accepted')).toBe(false);
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readConsent(throwing)).toBeNull();
  });
});
