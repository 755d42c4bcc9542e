import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-error';
import { pageRange } from '@/lib/pagination';
import { type SupabaseClient, supabase } from '@/lib/supabase';

/** Tickets per page of the list. */
export const TICKETS_PAGE_SIZE = 10;

/** Every support query key starts with `supportKeys.all`. */
export const supportKeys = {
  all: ['support'] as const,
  lists: () => [...supportKeys.all, 'list'] as const,
  list: (page: number) => [...supportKeys.lists(), page] as const,
  ticket: (id: string) => [...supportKeys.all, 'ticket', id] as const,
};

export interface TicketSummary {
  id: string;
  sujet: string;
  status: string;
  updated_at: string;
}

/** A page of the owner's tickets, the latest activity first (range() and an exact count). */
export async function getTicketsPage(
  client: SupabaseClient,
  page: number,
): Promise<{ rows: TicketSummary[]; total: number }> {
  const { from, to } = pageRange(page, TICKETS_PAGE_SIZE);
  const { data, count, error, status } = await client
    .from('cm_support_tickets')
    .select('id, sujet, status, updated_at', { count: 'exact' })
    .order('updated_at', { ascending: false })
    .order('id')
    .range(from, to);
  if (error) throw new ApiError(error, status);
  return { rows: data, total: count ?? data.length };
}

export const ticketsQueries = {
  list: (page: number) =>
    queryOptions({
      queryKey: supportKeys.list(page),
      queryFn: () => getTicketsPage(supabase, page),
      placeholderData: keepPreviousData,
    }),
};

export function useTickets(page: number) {
  return useQuery(ticketsQueries.list(page));
}
