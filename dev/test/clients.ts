import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import type { Database } from '../../src/lib/database.types.ts';
import type { StackInfo } from '../stack/stack.ts';

/**
 * supabase-js as a Node test uses it: no persisted session, no background refresh,
 * and `ws` as the realtime transport (Node 20 has no global WebSocket).
 */
export function testClient(stack: StackInfo, key = stack.anonKey): SupabaseClient<Database> {
  return createClient<Database>(stack.url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  });
}

let counter = 0;
/** A unique address per call, so tests never collide with each other or with earlier runs. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${process.pid}-${Date.now()}-${counter}@test.liveownerunit.fr`;
}

/** Signs up a new owner and returns a client acting as them. */
export async function signedUpOwner(stack: StackInfo, label: string) {
  const client = testClient(stack);
  const email = uniqueEmail(label);
  const password = 'correct-horse-battery';
  const { data, error } = await client.auth.signUp({ email, password });
  if (error || !data.user || !data.session) throw error ?? new Error('sign-up returned no session');
  return { client, user: data.user, session: data.session, email, password };
}

/** Superuser connection for arranging and checking rows behind RLS's back. */
export async function superuserPool(stack: StackInfo): Promise<pg.Pool> {
  return new pg.Pool({ connectionString: stack.dbUrl, max: 4 });
}
