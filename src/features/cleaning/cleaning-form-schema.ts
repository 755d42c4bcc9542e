import { z } from 'zod';
import { cleaningMessages as m } from '@/features/cleaning/messages';
import { isPhoneNumber } from '@/lib/phone';

/** The columns' limits (migration 20261123000400_operations.sql and 20261125000600_cleaning.sql). */
export const NOTES_MAX_LENGTH = 5000;
const CLEANER_NAME_MAX_LENGTH = 200;

const optionalTime = z
  .string()
  .trim()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, { error: m.timeInvalid })
  .transform((value) => (value === '' ? null : value));

/** A task as the owner edits it: who, when, and the notes the cleaner will read. */
export const taskFormSchema = z
  .object({
    cleaner_id: z.string().transform((value) => (value === '' ? null : value)),
    heure_debut: optionalTime,
    heure_fin: optionalTime,
    notes: z
      .string()
      .trim()
      .max(NOTES_MAX_LENGTH, { error: m.notesTooLong(NOTES_MAX_LENGTH) })
      .transform((value) => (value === '' ? null : value)),
  })
  .superRefine((value, ctx) => {
    if (value.heure_debut && value.heure_fin && value.heure_fin <= value.heure_debut) {
      ctx.addIssue({ code: 'custom', path: ['heure_fin'], message: m.windowInvalid });
    }
  });

export type TaskDraft = z.input<typeof taskFormSchema>;
export type TaskValues = z.output<typeof taskFormSchema>;
export type TaskField = keyof TaskDraft;

export const cleanerFormSchema = z.object({
  nom: z
    .string()
    .trim()
    .min(1, { error: m.nameRequired })
    .max(CLEANER_NAME_MAX_LENGTH, { error: m.nameTooLong }),
  telephone: z
    .string()
    .trim()
    .refine((value) => value === '' || isPhoneNumber(value, { minDigits: 6 }), {
      error: m.phoneInvalid,
    })
    .transform((value) => (value === '' ? null : value)),
});

export type CleanerDraft = z.input<typeof cleanerFormSchema>;
export type CleanerValues = z.output<typeof cleanerFormSchema>;
export type CleanerField = keyof CleanerDraft;

/** The done note a cleaner or the owner may add (same limit as the column). */
export function doneNoteError(note: string): string | null {
  return note.trim().length > NOTES_MAX_LENGTH ? m.notesTooLong(NOTES_MAX_LENGTH) : null;
}
