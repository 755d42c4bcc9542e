import { queryOptions, useQuery } from '@tanstack/react-query';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type VehicleRecord = Omit<
  Tables<'vehicules_fiscaux'>,
  'owner_user_id' | 'created_at' | 'updated_at'
>;

/** The year's vehicle (one a year), or null when none is entered. */
export async function getVehicle(
  client: SupabaseClient,
  year: number,
): Promise<VehicleRecord | null> {
  const { data, error, status } = await client
    .from('vehicules_fiscaux')
    .select(
      'id, annee, libelle, km_total, frais_carburant_centimes, frais_assurance_centimes, frais_entretien_reparations_centimes, frais_pneumatiques_centimes, frais_location_credit_bail_centimes, frais_interets_emprunt_centimes, frais_autres_centimes',
    )
    .eq('annee', year)
    .maybeSingle();
  if (error) throw new ApiError(error, status);
  return data;
}

export const vehicleQueries = {
  year: (year: number) =>
    queryOptions({
      queryKey: fiscaliteKeys.vehicle(year),
      queryFn: () => getVehicle(supabase, year),
    }),
};

export function useVehicle(year: number) {
  return useQuery(vehicleQueries.year(year));
}
