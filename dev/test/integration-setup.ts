/**
 * Runs before each integration test file: lets app modules that create the browser's
 * supabase client (src/lib/supabase.ts) load under Node, pointed at the test stack.
 */
import { inject, vi } from 'vitest';
import WebSocket from 'ws';

const stack = inject('stack');
vi.stubEnv('VITE_SUPABASE_URL', stack.url);
vi.stubEnv('VITE_SUPABASE_ANON_KEY', stack.anonKey);
// Node 20 has no global WebSocket; supabase-js's realtime client needs one to be created.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;
