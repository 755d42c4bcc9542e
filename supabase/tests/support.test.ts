/**
 * Support tickets and their replies (issue 9), against the real local stack: an owner opens a
 * ticket with an error reference, the support team replies (service role) — the ticket moves
 * to « en cours » and the owner is notified —, the owner answers (always as the owner), and
 * another owner reaches none of it.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedUpOwner, superuserPool } from '../../dev/test/clients.ts';

const stack = inject('stack');
let db: pg.Pool;

beforeAll(async () => {
  db = await superuserPool(stack);
});

afterAll(async () => {
  await db.end();
});

describe('support tickets', () => {
  it('carry a thread: a reply from support moves the ticket and notifies the owner', async () => {
    const owner = await signedUpOwner(stack, 'support');
    const { data: ticket, error } = await owner.client
      .from('cm_support_tickets')
      .insert({
        sujet: 'La page Statistiques ne charge pas',
        message: 'Bonjour, une erreur s’affiche.',
        sentry_event_id: '0123456789abcdef0123456789abcdef',
      })
      .select('id, status')
      .single();
    expect(error).toBeNull();
    expect(ticket?.status).toBe('open');

    // The support team replies from its own tool (service role).
    await db.query(
      `insert into public.cm_support_messages (owner_user_id, ticket_id, auteur, message)
       values ($1, $2, 'support', 'Merci, c’est corrigé. <b>Rechargez</b> la page.')`,
      [owner.user.id, ticket?.id],
    );
    const { data: after } = await owner.client
      .from('cm_support_tickets')
      .select('status')
      .eq('id', ticket?.id ?? '')
      .single();
    expect(after?.status).toBe('in_progress');
    const { data: notices } = await owner.client
      .from('notifications')
      .select('type, titre, lien')
      .eq('type', 'support_reply');
    expect(notices).toEqual([
      {
        type: 'support_reply',
        titre: 'Réponse du support : La page Statistiques ne charge pas',
        lien: `/aide/${ticket?.id}`,
      },
    ]);

    // The owner answers; naming themselves « support » is not theirs to do.
    const { error: answer } = await owner.client
      .from('cm_support_messages')
      .insert({ ticket_id: ticket?.id ?? '', message: 'Parfait, merci.' });
    expect(answer).toBeNull();
    const { error: impersonate } = await owner.client
      .from('cm_support_messages')
      .insert({ ticket_id: ticket?.id ?? '', message: 'x', auteur: 'support' });
    expect(impersonate?.code).toBe('42501');
    const { data: thread } = await owner.client
      .from('cm_support_messages')
      .select('auteur, message')
      .eq('ticket_id', ticket?.id ?? '')
      .order('created_at');
    expect(thread?.map((m) => m.auteur)).toEqual(['support', 'proprietaire']);
  });

  it('keeps another owner out of a ticket’s thread', async () => {
    const owner = await signedUpOwner(stack, 'support-a');
    const other = await signedUpOwner(stack, 'support-b');
    const { data: ticket } = await owner.client
      .from('cm_support_tickets')
      .insert({ sujet: 'Question', message: 'Bonjour' })
      .select('id')
      .single();
    const { error } = await other.client
      .from('cm_support_messages')
      .insert({ ticket_id: ticket?.id ?? '', message: 'Intrus' });
    expect(error).not.toBeNull();
    const { data } = await other.client.from('cm_support_messages').select('id');
    expect(data).toEqual([]);
  });
});
