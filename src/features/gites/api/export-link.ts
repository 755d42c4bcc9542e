import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type ExportLink = Pick<
  Tables<'gite_export_links'>,
  'id' | 'token' | 'created_at' | 'last_fetched_at'
>;

export const exportLinkKeys = {
  link: (giteId: string) => ['gites', 'export-link', giteId] as const,
};

/** The gîte's live export link, or null when it has none (never made, or revoked). */
export async function getExportLink(
  client: SupabaseClient,
  giteId: string,
): Promise<ExportLink | null> {
  const { data, error, status } = await client
    .from('gite_export_links')
    .select('id, token, created_at, last_fetched_at')
    .eq('gite_id', giteId)
    .is('revoked_at', null)
    .maybeSingle();
  if (error) throw new ApiError(error, status);
  return data;
}

/** A new link for the gîte; the previous one, if any, stops working at once. */
export async function createExportLink(
  client: SupabaseClient,
  giteId: string,
): Promise<ExportLink> {
  const { data, error, status } = await client.rpc('create_gite_export_link', {
    p_gite_id: giteId,
  });
  if (error) throw new ApiError(error, status);
  return data;
}

export async function revokeExportLink(client: SupabaseClient, giteId: string): Promise<void> {
  const { error, status } = await client.rpc('revoke_gite_export_link', { p_gite_id: giteId });
  if (error) throw new ApiError(error, status);
}

export const exportLinkQueries = {
  link: (giteId: string) =>
    queryOptions({
      queryKey: exportLinkKeys.link(giteId),
      queryFn: () => getExportLink(supabase, giteId),
    }),
};

export function useExportLink(giteId: string, enabled = true) {
  return useQuery({ ...exportLinkQueries.link(giteId), enabled });
}

/** Both refetch every query on success (the query client's MutationCache). */
export function useCreateExportLink() {
  return useMutation({ mutationFn: (giteId: string) => createExportLink(supabase, giteId) });
}

export function useRevokeExportLink() {
  return useMutation({ mutationFn: (giteId: string) => revokeExportLink(supabase, giteId) });
}
