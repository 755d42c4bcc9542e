import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  POLICE_FORM_COLUMNS,
  type PoliceForm,
} from '@/features/police-forms/api/get-stay-police-forms';
import { policeFormKeys } from '@/features/police-forms/api/police-form-keys';
import { ApiError } from '@/lib/api-error';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/**
 * One of the owner's forms by its id, or null when there is none (deleted, purged, or not the
 * owner's: RLS). The list links here for a form whose stay was deleted with its gîte.
 */
export async function getPoliceForm(
  client: SupabaseClient,
  id: string,
): Promise<PoliceForm | null> {
  const { data, error, status } = await client
    .from('police_forms')
    .select(POLICE_FORM_COLUMNS)
    .eq('id', id)
    .maybeSingle();
  if (error) throw new ApiError(error, status);
  const form: PoliceForm | null = data;
  return form;
}

export const policeFormQueries = {
  form: (id: string) =>
    queryOptions({
      queryKey: policeFormKeys.form(id),
      queryFn: () => getPoliceForm(supabase, id),
    }),
};

export function usePoliceForm(id: string) {
  return useQuery(policeFormQueries.form(id));
}
