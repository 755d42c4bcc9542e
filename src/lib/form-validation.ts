import type { z } from 'zod';

/** A form's French messages by field (the first problem of each field). */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type FormResult<F extends string, V> =
  | { ok: true; value: V }
  | { ok: false; errors: FieldErrors<F> };

/**
 * Runs a form's zod schema on what was typed (each field as its input's text, or a checkbox's
 * boolean): the values to send, or the first message of each field. Issues about anything but
 * a field of the draft are left out. Pure; the schema module is what brings zod.
 */
export function validateForm<F extends string, V>(
  schema: z.ZodType<V>,
  draft: Readonly<Record<F, unknown>>,
): FormResult<F, V> {
  const result = schema.safeParse(draft);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors<F> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && field in draft) errors[field as F] ??= issue.message;
  }
  return { ok: false, errors };
}
