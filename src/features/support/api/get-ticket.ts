import { queryOptions, useQuery } from '@tanstack/react-query';
import { supportKeys } from '@/features/support/api/get-tickets';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type Ticket = Pick<
  Tables<'cm_support_tickets'>,
  'id' | 'sujet' | 'message' | 'status' | 'sentry_event_id' | 'created_at'
>;
export type TicketMessage = Pick<
  Tables<'cm_support_messages'>,
  'id' | 'auteur' | 'message' | 'created_at'
>;

/** A ticket of the owner's and its thread, in order; null when there is no such ticket. */
export async function getTicket(
  client: SupabaseClient,
  id: string,
): Promise<{ ticket: Ticket; messages: TicketMessage[] } | null> {
  const [ticket, messages] = await Promise.all([
    client
      .from('cm_support_tickets')
      .select('id, sujet, message, status, sentry_event_id, created_at')
      .eq('id', id)
      .maybeSingle(),
    client
      .from('cm_support_messages')
      .select('id, auteur, message, created_at')
      .eq('ticket_id', id)
      .order('created_at')
      // A thread is a conversation, not a log: a few dozen messages at the most.
      .range(0, 499),
  ]);
  if (ticket.error) throw new ApiError(ticket.error, ticket.status);
  if (messages.error) throw new ApiError(messages.error, messages.status);
  return ticket.data ? { ticket: ticket.data, messages: messages.data } : null;
}

export const ticketQueries = {
  detail: (id: string) =>
    queryOptions({ queryKey: supportKeys.ticket(id), queryFn: () => getTicket(supabase, id) }),
};

export function useTicket(id: string) {
  return useQuery(ticketQueries.detail(id));
}
