import { describe, expect, it } from 'vitest';
import { supportMessages as m } from '@/features/support/messages';
import { referenceFromSearch, ticketFormSchema } from '@/features/support/support-form-schema';
import { validateForm } from '@/lib/form-validation';

const EVENT = '0123456789ABCDEF0123456789abcdef';

describe('support forms', () => {
  it('sends a subject, a message and an optional error reference', () => {
    expect(
      validateForm(ticketFormSchema, {
        sujet: ' Export ',
        message: ' Bonjour ',
        sentry_event_id: EVENT,
      }),
    ).toEqual({
      ok: true,
      value: { sujet: 'Export', message: 'Bonjour', sentry_event_id: EVENT.toLowerCase() },
    });
    expect(
      validateForm(ticketFormSchema, { sujet: 'a', message: 'b', sentry_event_id: '' }),
    ).toMatchObject({
      ok: true,
      value: { sentry_event_id: null },
    });
  });

  it('refuses an empty subject or message and a malformed reference', () => {
    expect(
      validateForm(ticketFormSchema, { sujet: ' ', message: '', sentry_event_id: 'abc' }),
    ).toEqual({
      ok: false,
      errors: {
        sujet: m.subjectRequired,
        message: m.messageRequired,
        sentry_event_id: m.referenceInvalid,
      },
    });
  });

  it('takes the reference from a link only when it has the right form', () => {
    expect(referenceFromSearch(new URLSearchParams(`erreur=${EVENT}`))).toBe(EVENT.toLowerCase());
    expect(referenceFromSearch(new URLSearchParams('erreur=<script>'))).toBe('');
    expect(referenceFromSearch(new URLSearchParams(''))).toBe('');
  });
});
