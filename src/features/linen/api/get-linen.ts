import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LinenForecast, LinenGite, LinenStock } from '@/features/linen/linen-model';
import { ApiError } from '@/lib/api-error';
import type { IsoDate } from '@/lib/iso-date';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** The days ahead the page checks: the coming week's arrivals. */
export const FORECAST_DAYS = 7;

/** Every linen query key starts with `linenKeys.all`. */
export const linenKeys = {
  all: ['linen'] as const,
  page: (today: IsoDate) => [...linenKeys.all, 'page', today] as const,
};

export interface LinenData {
  gites: LinenGite[];
  stocks: LinenStock[];
  forecast: LinenForecast[];
}

/**
 * The owner's gîtes, their linen stocks and `linen_forecast` (the next 7 days' needs,
 * computed by the database from the arrivals), in three parallel requests. An owner has a
 * few gîtes with a few articles each: bounded reads.
 */
export async function getLinen(client: SupabaseClient, today: IsoDate): Promise<LinenData> {
  const [gites, stocks, forecast] = await Promise.all([
    client.from('gites').select('id, nom').order('ordre').order('nom').range(0, 499),
    client
      .from('linen_stocks')
      .select(
        'id, gite_id, article, quantite_en_service, quantite_propre, quantite_sale, seuil_alerte, besoin_par_sejour, besoin_par_personne',
      )
      .order('article')
      .range(0, 4999),
    client.rpc('linen_forecast', { p_from: today, p_days: FORECAST_DAYS }, { get: true }),
  ]);
  for (const answer of [gites, stocks, forecast]) {
    if (answer.error) throw new ApiError(answer.error, answer.status);
  }
  return {
    gites: gites.data ?? [],
    stocks: stocks.data ?? [],
    forecast: (forecast.data ?? []).map(({ stock_id, besoin, manque, arrivees }) => ({
      stock_id,
      besoin,
      manque,
      arrivees,
    })),
  };
}

export const linenQueries = {
  page: (today: IsoDate) =>
    queryOptions({ queryKey: linenKeys.page(today), queryFn: () => getLinen(supabase, today) }),
};

export function useLinen(today: IsoDate) {
  return useQuery(linenQueries.page(today));
}
