/**
 * The health check as a Supabase edge function (Deno), for uptime monitors. Deployed without
 * JWT verification (`supabase functions deploy health --no-verify-jwt`): monitors send no
 * credentials, and the answer says nothing about any owner. The database is read with the
 * service-role key (service_health() is granted to nothing else). The handler is shared with
 * the local stack: supabase/functions/_shared/health/health.ts.
 *
 * Environment (set by Supabase): SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY.
 */
import { createClient } from '@supabase/supabase-js';
import { healthHandler } from '../_shared/health/health.ts';

const client = createClient(
  Deno.env.get('SUPABASE_URL') ?? '',
  Deno.env.get('SUPABASE_SERVICE_ROLE_KEY') ?? '',
  { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } },
);

Deno.serve(healthHandler(client));
