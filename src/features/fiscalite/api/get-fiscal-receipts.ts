import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { fiscaliteKeys } from '@/features/fiscalite/api/fiscalite-keys';
import type { ReceiptRow } from '@/features/fiscalite/simulation-input';
import { ApiError } from '@/lib/api-error';
import { heavyReads, type SupabaseClient } from '@/lib/supabase';

const receiptRowsSchema = z.array(
  z.object({
    annee: z.number().int(),
    categorie_fiscale: z.string(),
    recettes_centimes: z.number().int().nonnegative(),
    sejours: z.number().int().nonnegative(),
    sejours_sans_montant: z.number().int().nonnegative(),
  }),
);

/**
 * The year's receipts and those of the two years before, per gîte category, computed by the
 * database (`fiscal_receipts`): a dozen rows, never the stays. GET (stable function): the
 * service worker keeps it for offline reading.
 */
export async function getFiscalReceipts(
  client: SupabaseClient,
  year: number,
): Promise<ReceiptRow[]> {
  const { data, error, status } = await client.rpc(
    'fiscal_receipts',
    { p_year: year },
    { get: true },
  );
  if (error) throw new ApiError(error, status);
  const parsed = receiptRowsSchema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError(
      { message: `fiscal_receipts: unexpected answer (${parsed.error.message})`, code: '' },
      status,
    );
  }
  return parsed.data;
}

export const fiscalReceiptsQueries = {
  year: (year: number) =>
    queryOptions({
      queryKey: fiscaliteKeys.receipts(year),
      // A heavy read: on the read replica when one is configured (falls back to the primary).
      queryFn: () => heavyReads.run((client) => getFiscalReceipts(client, year)),
    }),
};

export function useFiscalReceipts(year: number) {
  return useQuery(fiscalReceiptsQueries.year(year));
}
