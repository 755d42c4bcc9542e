import { queryOptions, useQuery } from '@tanstack/react-query';
import { taxeKeys } from '@/features/taxe-sejour/api/taxe-keys';
import { type PeriodTotals, sumTotalsRows } from '@/features/taxe-sejour/ledger';
import { ApiError } from '@/lib/api-error';
import type { IsoDate } from '@/lib/iso-date';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export interface LedgerTotals {
  all: PeriodTotals;
  byMonth: { mois: string; totals: PeriodTotals }[];
}

/** The period's totals per month and collector, added up by the database. */
export async function getTotals(
  client: SupabaseClient,
  from: IsoDate,
  to: IsoDate,
): Promise<LedgerTotals> {
  const { data, error, status } = await client.rpc(
    'taxe_sejour_totals',
    { p_from: from, p_to: to },
    { get: true },
  );
  if (error) throw new ApiError(error, status);
  const rows = data ?? [];
  const months = [...new Set(rows.map((r) => r.mois))].sort();
  return {
    all: sumTotalsRows(rows),
    byMonth: months.map((mois) => ({
      mois,
      totals: sumTotalsRows(rows.filter((r) => r.mois === mois)),
    })),
  };
}

export const totalsQueries = {
  period: (from: IsoDate, to: IsoDate) =>
    queryOptions({
      queryKey: taxeKeys.totals(from, to),
      queryFn: () => getTotals(supabase, from, to),
    }),
};

export function useTotals(from: IsoDate, to: IsoDate) {
  return useQuery(totalsQueries.period(from, to));
}
