import { useMutation } from '@tanstack/react-query';
import type { Credentials } from '@/features/auth/auth-form-schema';
import { supabaseAuth } from '@/lib/supabase';

export async function signIn({ email, password }: Credentials) {
  const { data, error } = await supabaseAuth.signInWithPassword({ email, password });
  if (error) throw error;
  return data;
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
