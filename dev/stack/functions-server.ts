/**
 * The edge functions of the local stack, run by Node: each function's handler (a web
 * `Request → Response` function shared with its Deno entry point in supabase/functions/) behind
 * one http server, which the gateway exposes at /functions/v1/<name>/… like hosted Supabase.
 * Only the functions that answer requests live here; the sync worker runs on timers
 * (dev/sync/local-sync.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { icalExportHandler } from '../../supabase/functions/_shared/export/ical-export.ts';
import { healthHandler } from '../../supabase/functions/_shared/health/health.ts';

type Handler = (request: Request) => Promise<Response>;

async function toRequest(message: IncomingMessage, port: number): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const method = message.method ?? 'GET';
  return new Request(`http://127.0.0.1:${port}${message.url ?? '/'}`, {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
  });
}

async function send(response: Response, out: ServerResponse) {
  out.writeHead(response.status, Object.fromEntries(response.headers));
  out.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

export async function startFunctionsServer(options: {
  port: number;
  /** The gateway's URL and keys: the functions call the API as deployed ones do. */
  apiUrl: string;
  anonKey: string;
  serviceRoleKey: string;
}): Promise<{ server: Server; stop(): Promise<void> }> {
  const anon = createClient(options.apiUrl, options.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  });
  const service = createClient(options.apiUrl, options.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  });
  const functions: Record<string, Handler> = {
    'ical-export': icalExportHandler(anon),
    health: healthHandler(service),
  };
  const server = createServer((message, out) => {
    const name = (message.url ?? '/').split(/[/?]/)[1] ?? '';
    const handler = functions[name];
    if (!handler) {
      out.writeHead(404, { 'content-type': 'application/json' });
      out.end(JSON.stringify({ message: `function ${name} not found` }));
      return;
    }
    toRequest(message, options.port)
      .then(handler)
      .then((response) => send(response, out))
      .catch(() => {
        if (!out.headersSent) out.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        out.end('Erreur interne.');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    server,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
