import { z } from 'zod';
import { authMessages } from '@/features/auth/messages';
import { validateForm } from '@/lib/form-validation';

const email = z
  .string()
  .trim()
  .min(1, { error: authMessages.emailRequired })
  .pipe(z.email({ error: authMessages.emailInvalid }));

/** bcrypt only reads the first 72 bytes; GoTrue refuses longer passwords. */
const newPassword = z
  .string()
  .min(8, { error: authMessages.passwordTooShort })
  .max(72, { error: authMessages.passwordTooLong });

export const signInSchema = z.object({
  email,
  password: z
    .string()
    .min(1, { error: authMessages.passwordRequired })
    .min(8, { error: authMessages.passwordTooShort }),
});

export const signUpSchema = z.object({ email, password: newPassword });

/** The rules of each form, by the form's mode. */
export const credentialsSchemas = { 'sign-in': signInSchema, 'sign-up': signUpSchema } as const;

export type Credentials = z.infer<typeof signInSchema>;
export type CredentialsField = keyof Credentials;
export type CredentialsErrors = Partial<Record<CredentialsField, string>>;

export type CredentialsResult =
  | { ok: true; value: Credentials }
  | { ok: false; errors: CredentialsErrors };

/** Validates raw form input; the first message per field wins. Pure. */
export function validateCredentials(
  schema: typeof signInSchema | typeof signUpSchema,
  input: { email: string; password: string },
): CredentialsResult {
  return validateForm<CredentialsField, Credentials>(schema, input);
}
