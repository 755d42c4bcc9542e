/**
 * The gîte calendar export as a Supabase edge function (Deno). Deployed without JWT
 * verification (`supabase functions deploy ical-export --no-verify-jwt`): the platforms that
 * import the calendar send no credentials; the token in the path is the secret, checked by
 * the database with the anon key (public.ical_export). The handler is shared with the local
 * stack: supabase/functions/_shared/export/ical-export.ts.
 *
 * Environment (set by Supabase): SUPABASE_URL, SUPABASE_ANON_KEY.
 */
import { createClient } from '@supabase/supabase-js';
import { icalExportHandler } from '../_shared/export/ical-export.ts';

const client = createClient(
  Deno.env.get('SUPABASE_URL') ?? '',
  Deno.env.get('SUPABASE_ANON_KEY') ?? '',
  { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } },
);

Deno.serve(icalExportHandler(client));
