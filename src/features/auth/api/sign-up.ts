import { useMutation } from '@tanstack/react-query';
import type { Credentials } from '@/features/auth/auth-form-schema';
import { supabaseAuth } from '@/lib/supabase';

/**
 * Creates the account. The local stack (and a hosted project without e-mail
 * confirmation) answers with a session: the owner is signed in at once. With
 * confirmation on, `session` is null and the owner must open the e-mailed link.
 */
export async function signUp({ email, password }: Credentials) {
  const { data, error } = await supabaseAuth.signUp({ email, password });
  if (error) throw error;
  return data;
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}
