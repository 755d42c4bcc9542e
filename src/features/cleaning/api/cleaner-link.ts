import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cleaningKeys } from '@/features/cleaning/api/get-cleanings';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** A new secret link for the cleaner (the old one stops working); the token, shown once. */
export async function createCleanerLink(
  client: SupabaseClient,
  cleanerId: string,
): Promise<string> {
  const { data, error, status } = await client.rpc('create_cleaner_link', {
    p_cleaner_id: cleanerId,
  });
  if (error) throw new ApiError(error, status);
  return data;
}

export async function revokeCleanerLink(client: SupabaseClient, cleanerId: string): Promise<void> {
  const { error, status } = await client.rpc('revoke_cleaner_link', { p_cleaner_id: cleanerId });
  if (error) throw new ApiError(error, status);
}

/** The address a cleaner opens: `/m/<token>` on this app's origin. */
export function cleanerLinkUrl(origin: string, token: string): string {
  return `${origin}/m/${token}`;
}

export function useCreateCleanerLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cleanerId: string) => createCleanerLink(supabase, cleanerId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: cleaningKeys.cleaners() }),
  });
}

export function useRevokeCleanerLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cleanerId: string) => revokeCleanerLink(supabase, cleanerId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: cleaningKeys.cleaners() }),
  });
}
