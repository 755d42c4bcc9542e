import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { taxeKeys } from '@/features/taxe-sejour/api/taxe-keys';
import type { LedgerRow } from '@/features/taxe-sejour/registre';
import { ApiError } from '@/lib/api-error';
import type { IsoDate } from '@/lib/iso-date';
import { pageRange } from '@/lib/pagination';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export const LEDGER_PAGE_SIZE = 25;

/** One page of the period's ledger (computed by the database), with the row count. */
export async function getLedgerPage(
  client: SupabaseClient,
  from: IsoDate,
  to: IsoDate,
  page: number,
): Promise<{ rows: LedgerRow[]; total: number }> {
  const range = pageRange(page, LEDGER_PAGE_SIZE);
  const { data, error, status, count } = await client
    .rpc('taxe_sejour_ledger', { p_from: from, p_to: to }, { get: true, count: 'exact' })
    .range(range.from, range.to);
  if (error) throw new ApiError(error, status);
  return { rows: data ?? [], total: count ?? 0 };
}

/** Every row of the period, 1,000 at a time, for the CSV export. */
export async function getLedgerAll(
  client: SupabaseClient,
  from: IsoDate,
  to: IsoDate,
): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  for (let start = 0; ; start += 1000) {
    const { data, error, status } = await client
      .rpc('taxe_sejour_ledger', { p_from: from, p_to: to }, { get: true })
      .range(start, start + 999);
    if (error) throw new ApiError(error, status);
    rows.push(...(data ?? []));
    if ((data ?? []).length < 1000) return rows;
  }
}

export const ledgerQueries = {
  page: (from: IsoDate, to: IsoDate, page: number) =>
    queryOptions({
      queryKey: taxeKeys.ledger(from, to, page),
      queryFn: () => getLedgerPage(supabase, from, to, page),
      placeholderData: keepPreviousData,
    }),
};

export function useLedgerPage(from: IsoDate, to: IsoDate, page: number) {
  return useQuery(ledgerQueries.page(from, to, page));
}
