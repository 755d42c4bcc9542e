import { z } from 'zod';
import { supportMessages as m } from '@/features/support/messages';

/** A Sentry event id, as the error screen shows it: 32 hexadecimal characters. */
const EVENT_ID = /^[0-9a-f]{32}$/i;

export const ticketFormSchema = z.object({
  sujet: z
    .string()
    .trim()
    .min(1, { error: m.subjectRequired })
    .max(200, { error: m.subjectTooLong }),
  message: z
    .string()
    .trim()
    .min(1, { error: m.messageRequired })
    .max(10_000, { error: m.messageTooLong }),
  sentry_event_id: z
    .string()
    .trim()
    .refine((value) => value === '' || EVENT_ID.test(value), { error: m.referenceInvalid })
    .transform((value) => (value === '' ? null : value.toLowerCase())),
});

export type TicketDraft = z.input<typeof ticketFormSchema>;
export type TicketValues = z.output<typeof ticketFormSchema>;

export const answerFormSchema = z.object({
  message: z
    .string()
    .trim()
    .min(1, { error: m.messageRequired })
    .max(10_000, { error: m.messageTooLong }),
});

/** The error reference a link carries (`/aide?erreur=…`), when it has the right form. */
export function referenceFromSearch(search: URLSearchParams): string {
  const value = search.get('erreur')?.trim() ?? '';
  return EVENT_ID.test(value) ? value.toLowerCase() : '';
}
