import { z } from 'zod';
import { authMessages } from '@/features/auth/messages';

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
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: CredentialsErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0];
    if ((key === 'email' || key === 'password') && errors[key] === undefined) {
      errors[key] = issue.message;
    }
  }
  return { ok: false, errors };
}
