import { z } from 'zod';
import { giteInfoMessages as m } from '@/features/gite-info/messages';
import { isPhoneNumber } from '@/lib/phone';

/**
 * Field rules of the infos forms: each takes the input's raw text and gives the column's
 * value ('' → null), with the limits of the database's checks (migration
 * 20261123000300_guest_information.sql) and a French message. Pure.
 */

/** Optional text up to `max` characters (the column's char_length check). */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: m.tooLong(label, max) })
    .transform((value) => (value === '' ? null : value));

/**
 * Optional text kept exactly as typed (no trimming): a Wi-Fi passphrase may begin or end with
 * a space, and the guest must get it as the box has it. Blank is none.
 */
export const optionalVerbatimText = (label: string, max: number) =>
  z
    .string()
    .max(max, { error: m.tooLong(label, max) })
    .transform((value) => (value.trim() === '' ? null : value));

export const requiredText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: m.required(label) })
    .max(max, { error: m.tooLong(label, max) });

export const optionalPhone = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (value !== '' && !isPhoneNumber(value)) {
      ctx.addIssue({ code: 'custom', message: m.phoneInvalid });
    }
  })
  .transform((value) => (value === '' ? null : value));

export const optionalEmail = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (value === '') return;
    if (value.length > 320 || !z.email().safeParse(value).success) {
      ctx.addIssue({ code: 'custom', message: m.emailInvalid });
    }
  })
  .transform((value) => (value === '' ? null : value));

/** 'HH:MM' (what <input type="time"> gives) → 'HH:MM'; '' → null. */
export const optionalTime = z
  .string()
  .trim()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, { error: m.timeInvalid })
  .transform((value) => (value === '' ? null : value));

/** Decimal degrees, comma or dot: '46,3219' → 46.3219; '' → null. */
export const optionalCoordinate = (limit: 90 | 180, message: string) =>
  z
    .string()
    .trim()
    .transform((value) => value.replace(',', '.'))
    .superRefine((value, ctx) => {
      if (value === '') return;
      const n = Number(value);
      if (!/^-?\d{1,3}(\.\d{1,12})?$/.test(value) || !(Math.abs(n) <= limit)) {
        ctx.addIssue({ code: 'custom', message });
      }
    })
    .transform((value) => (value === '' ? null : Number(value)));

/** A column's value as an input's text (null → ''). */
export function asText(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
