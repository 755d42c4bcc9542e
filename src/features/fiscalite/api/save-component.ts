import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import type { componentSchema } from '@/features/fiscalite/fiscal-forms';
import { ApiError } from '@/lib/api-error';
import type { TablesInsert } from '@/lib/database.types';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type ComponentValues = z.output<typeof componentSchema>;

const notFound = () => new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);

/** Adds a component to a gîte, or changes one (the composite key keeps it on the owner's gîte). */
export async function saveComponent(
  client: SupabaseClient,
  { id, values }: { id?: string; values: ComponentValues },
): Promise<void> {
  const row: TablesInsert<'composants_amortissables'> = {
    gite_id: values.gite_id,
    libelle: values.libelle,
    nature: values.nature,
    cout_centimes: values.cout_centimes,
    date_mise_en_service: values.date_mise_en_service,
    duree_annees: values.duree_annees,
  };
  if (id === undefined) {
    const { error, status } = await client.from('composants_amortissables').insert(row);
    if (error) throw new ApiError(error, status);
    return;
  }
  const { data, error, status } = await client
    .from('composants_amortissables')
    .update(row)
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) throw notFound();
}

export async function deleteComponent(client: SupabaseClient, id: string): Promise<void> {
  const { data, error, status } = await client
    .from('composants_amortissables')
    .delete()
    .eq('id', id)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) throw notFound();
}

export function useSaveComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; values: ComponentValues }) => saveComponent(supabase, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fiscaliteKeys.components() }),
  });
}

export function useDeleteComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteComponent(supabase, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fiscaliteKeys.components() }),
  });
}
