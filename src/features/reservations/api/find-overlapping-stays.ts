import { queryOptions } from '@tanstack/react-query';
import { reservationKeys } from '@/features/reservations/api/get-reservations';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export interface OverlapCheck {
  giteId: string;
  /** Arrival day (YYYY-MM-DD). */
  debut: string;
  /** Departure day (YYYY-MM-DD), not a night of the stay. */
  fin: string;
  /** The reservation being edited, which must not be found overlapping itself. */
  excludeId: string | null;
}

export type OverlappingStay = Pick<
  Tables<'reservations'>,
  'id' | 'client_nom' | 'date_debut' | 'date_fin' | 'plateforme'
>;

export interface OverlapResult {
  /** The first few, by arrival date: enough for the owner to recognise them. */
  stays: OverlappingStay[];
  total: number;
}

export const OVERLAP_SHOWN = 5;

/**
 * The confirmed stays of the gîte that share at least one night with [debut, fin):
 * arriving before the departure and leaving after the arrival (a departure on the arrival
 * day is a changeover, not an overlap). Blocks and cancelled stays never count.
 */
export async function findOverlappingStays(
  client: SupabaseClient,
  { giteId, debut, fin, excludeId }: OverlapCheck,
): Promise<OverlapResult> {
  let query = client
    .from('reservations')
    .select('id, client_nom, date_debut, date_fin, plateforme', { count: 'exact' })
    .eq('gite_id', giteId)
    .eq('status', 'confirmed')
    .lt('date_debut', fin)
    .gt('date_fin', debut);
  if (excludeId) query = query.neq('id', excludeId);
  const { data, count, error, status } = await query
    .order('date_debut')
    .order('id')
    .limit(OVERLAP_SHOWN);
  if (error) throw new ApiError(error, status);
  return { stays: data, total: count ?? data.length };
}

export const overlapQueries = {
  /** Asked right before a save: always fresh (staleTime 0), never a cached answer. */
  check: (check: OverlapCheck) =>
    queryOptions({
      queryKey: reservationKeys.overlaps(check.giteId, check.debut, check.fin, check.excludeId),
      queryFn: () => findOverlappingStays(supabase, check),
      staleTime: 0,
    }),
};
