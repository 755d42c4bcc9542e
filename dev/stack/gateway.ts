/**
 * One origin for the whole API, like `supabase start`'s Kong: /rest/v1 → PostgREST,
 * /auth/v1 → auth, /functions/v1 → edge functions. It answers CORS as the hosted gateway does
 * and, like it, turns the `apikey` header into the bearer token when no Authorization is sent.
 */
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';

export interface GatewayRoute {
  prefix: string;
  port: number;
  /**
   * Reachable without an API key, like hosted functions deployed with --no-verify-jwt (the
   * calendar export, fetched by the platforms): the function checks what it needs.
   */
  public?: boolean;
}

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD',
  'access-control-allow-headers':
    'authorization, x-client-info, apikey, content-type, content-profile, accept-profile, prefer, range, range-unit, x-supabase-api-version, if-none-match',
  'access-control-expose-headers': 'content-range, content-location, x-supabase-api-version, etag',
  'access-control-max-age': '86400',
};

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { ...CORS_HEADERS, 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

export function createGatewayHandler(routes: GatewayRoute[]) {
  // Reused upstream connections: without them every API call pays a TCP handshake.
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS_HEADERS);
      response.end();
      return;
    }
    const url = request.url ?? '/';
    const route = routes.find(
      (candidate) =>
        url === candidate.prefix ||
        url.startsWith(`${candidate.prefix}/`) ||
        url.startsWith(`${candidate.prefix}?`),
    );
    if (!route) {
      sendJson(response, 404, { message: 'no Route matched with those values' });
      return;
    }
    const headers = { ...request.headers };
    const apikey = headers.apikey;
    if (!apikey && !headers.authorization && !route.public) {
      sendJson(response, 401, { message: 'No API key found in request' });
      return;
    }
    if (!headers.authorization && typeof apikey === 'string')
      headers.authorization = `Bearer ${apikey}`;
    delete headers.host;
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        agent,
        port: route.port,
        method: request.method,
        path: url.slice(route.prefix.length) || '/',
        headers,
      },
      (upstreamResponse) => {
        response.writeHead(upstreamResponse.statusCode ?? 502, {
          ...upstreamResponse.headers,
          ...CORS_HEADERS,
        });
        upstreamResponse.pipe(response);
      },
    );
    upstream.on('error', () => {
      if (!response.headersSent) {
        sendJson(response, 502, { message: `upstream ${route.prefix} unavailable` });
      } else {
        response.destroy();
      }
    });
    request.pipe(upstream);
  };
}

export async function startGateway(
  port: number,
  routes: GatewayRoute[],
): Promise<{ server: Server; stop(): Promise<void> }> {
  const server = createServer(createGatewayHandler(routes));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    server,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
