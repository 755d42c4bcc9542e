import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabaseAuth } from '@/lib/supabase';

/** Ends this device's session (other devices stay signed in). */
export async function signOut() {
  const { error } = await supabaseAuth.signOut({ scope: 'local' });
  if (error) throw error;
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => queryClient.clear(),
  });
}
