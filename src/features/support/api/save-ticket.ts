import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supportKeys } from '@/features/support/api/get-tickets';
import type { TicketValues } from '@/features/support/support-form-schema';
import { ApiError } from '@/lib/api-error';
import { commonMessages } from '@/lib/i18n';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export async function createTicket(client: SupabaseClient, values: TicketValues): Promise<string> {
  const { data, error, status } = await client
    .from('cm_support_tickets')
    .insert(values)
    .select('id')
    .single();
  if (error) throw new ApiError(error, status);
  return data.id;
}

export async function addAnswer(client: SupabaseClient, ticketId: string, message: string) {
  const { error, status } = await client
    .from('cm_support_messages')
    .insert({ ticket_id: ticketId, message });
  if (error) throw new ApiError(error, status);
}

export async function closeTicket(client: SupabaseClient, ticketId: string) {
  const { data, error, status } = await client
    .from('cm_support_tickets')
    .update({ status: 'closed', closed_at: new Date().toISOString() })
    .eq('id', ticketId)
    .select('id');
  if (error) throw new ApiError(error, status);
  if (data.length === 0) {
    throw new ApiError({ message: commonMessages.notFound, code: 'PGRST116' }, 404);
  }
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: TicketValues) => createTicket(supabase, values),
    onSettled: () => queryClient.invalidateQueries({ queryKey: supportKeys.lists() }),
  });
}

export function useAddAnswer(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: string) => addAnswer(supabase, ticketId, message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: supportKeys.all }),
  });
}

export function useCloseTicket(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => closeTicket(supabase, ticketId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: supportKeys.all }),
  });
}
