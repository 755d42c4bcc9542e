/**
 * The only stand-in of the local stack: the GoTrue endpoints supabase-js calls, over the
 * `auth` schema of dev/stack/bootstrap.sql. Passwords are bcrypt hashes made by pgcrypto,
 * tokens are HS256 JWTs signed with the secret PostgREST checks. Keep it small; anything
 * supabase-js does not call is not here.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { signJwt } from './keys.ts';

export interface AuthServerOptions {
  databaseUrl: string;
  jwtSecret: string;
  port: number;
  /** Access-token lifetime; GoTrue's default is one hour. */
  accessTokenSeconds?: number;
}

interface UserRow {
  id: string;
  email: string;
  role: string;
  aud: string;
  email_confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const MIN_PASSWORD_LENGTH = 8;
const MAX_BODY_BYTES = 64 * 1024;
/** A second refresh with the same token within this window (two tabs) is not treated as theft. */
const REFRESH_REUSE_SECONDS = 10;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INVALID_CREDENTIALS = new HttpError(400, 'invalid_credentials', 'Invalid login credentials', {
  error: 'invalid_grant',
  error_description: 'Invalid login credentials',
});

const USER_COLUMNS = `id, email, role, aud, email_confirmed_at, last_sign_in_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at`;

/** The single row a statement must return; a missing one is a server bug, not a client error. */
function onlyRow<T>(rows: T[], what: string): T {
  const row = rows[0];
  if (!row) throw new Error(`expected a ${what} row`);
  return row;
}

function userJson(row: UserRow) {
  return {
    id: row.id,
    aud: row.aud,
    role: row.role,
    email: row.email,
    email_confirmed_at: row.email_confirmed_at?.toISOString() ?? null,
    confirmed_at: row.email_confirmed_at?.toISOString() ?? null,
    last_sign_in_at: row.last_sign_in_at?.toISOString() ?? null,
    phone: '',
    app_metadata: row.raw_app_meta_data ?? { provider: 'email', providers: ['email'] },
    user_metadata: row.raw_user_meta_data ?? {},
    identities: [],
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    is_anonymous: false,
  };
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request_too_large', 'Request too large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // fall through to the error below
  }
  throw new HttpError(400, 'bad_json', 'Could not parse request body as JSON');
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

export function createAuthHandler(options: AuthServerOptions) {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 5 });
  // An idle connection that the server drops (Postgres restarted, or crashed) is reported
  // here; without a listener Node would end the whole stack's process. The pool discards it
  // and the next request connects again (dev/faults/sync-faults.ts restarts Postgres).
  pool.on('error', () => undefined);
  const secret = new TextEncoder().encode(options.jwtSecret);
  const accessTokenSeconds = options.accessTokenSeconds ?? 3600;

  async function issueSession(client: pg.PoolClient | pg.Pool, user: UserRow, sessionId: string) {
    const refreshToken = randomBytes(24).toString('base64url');
    await client.query(
      'insert into auth.refresh_tokens (token, user_id, session_id) values ($1, $2, $3)',
      [refreshToken, user.id, sessionId],
    );
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await signJwt(
      options.jwtSecret,
      {
        sub: user.id,
        aud: user.aud,
        role: user.role,
        email: user.email,
        phone: '',
        session_id: sessionId,
        aal: 'aal1',
        amr: [{ method: 'password', timestamp: now }],
        app_metadata: user.raw_app_meta_data ?? {},
        user_metadata: user.raw_user_meta_data ?? {},
        is_anonymous: false,
      },
      accessTokenSeconds,
    );
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: accessTokenSeconds,
      expires_at: now + accessTokenSeconds,
      refresh_token: refreshToken,
      user: userJson(user),
    };
  }

  async function newSession(user: UserRow) {
    const { rows } = await pool.query<{ id: string }>(
      'insert into auth.sessions (user_id) values ($1) returning id',
      [user.id],
    );
    return issueSession(pool, user, onlyRow(rows, 'session').id);
  }

  /** Verifies the bearer JWT and that its session still exists (logout ends it). */
  async function authenticate(request: IncomingMessage) {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    let claims: { sub?: string; session_id?: string; role?: string };
    try {
      ({ payload: claims } = await jwtVerify(token, secret, { algorithms: ['HS256'] }));
    } catch {
      throw new HttpError(401, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');
    }
    if (claims.role !== 'authenticated' || !claims.sub || !claims.session_id) {
      throw new HttpError(403, 'no_authorization', 'This endpoint requires a user JWT');
    }
    const session = await pool.query('select 1 from auth.sessions where id = $1 and user_id = $2', [
      claims.session_id,
      claims.sub,
    ]);
    if (!session.rowCount) {
      throw new HttpError(
        403,
        'session_not_found',
        'Session from session_id claim in JWT does not exist',
      );
    }
    const { rows } = await pool.query<UserRow>(
      `select ${USER_COLUMNS} from auth.users where id = $1`,
      [claims.sub],
    );
    if (!rows[0])
      throw new HttpError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    return { user: rows[0], sessionId: claims.session_id };
  }

  async function signUp(body: Record<string, unknown>) {
    const email = stringField(body, 'email').trim().toLowerCase();
    const password = stringField(body, 'password');
    if (!EMAIL_PATTERN.test(email)) {
      throw new HttpError(
        400,
        'validation_failed',
        'Unable to validate email address: invalid format',
      );
    }
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new HttpError(
        422,
        'weak_password',
        `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
        { weak_password: { reasons: ['length'] } },
      );
    }
    const metadata = body.data && typeof body.data === 'object' ? body.data : {};
    const { rows } = await pool.query<UserRow>(
      `insert into auth.users (email, encrypted_password, email_confirmed_at, last_sign_in_at,
         raw_app_meta_data, raw_user_meta_data)
       values ($1, extensions.crypt($2, extensions.gen_salt('bf', 10)), now(), now(),
         '{"provider":"email","providers":["email"]}', $3)
       on conflict (email) do nothing
       returning ${USER_COLUMNS}`,
      [email, password, JSON.stringify(metadata)],
    );
    if (!rows[0]) throw new HttpError(422, 'user_already_exists', 'User already registered');
    return newSession(rows[0]);
  }

  async function passwordGrant(body: Record<string, unknown>) {
    const email = stringField(body, 'email').trim().toLowerCase();
    const password = stringField(body, 'password');
    const { rows } = await pool.query<UserRow & { password_ok: boolean }>(
      `select ${USER_COLUMNS}, encrypted_password = extensions.crypt($2, encrypted_password) as password_ok
         from auth.users where email = $1`,
      [email, password],
    );
    const user = rows[0];
    if (!user) {
      // Hash anyway so an unknown e-mail takes as long as a wrong password (no enumeration by timing).
      await pool.query("select extensions.crypt($1, extensions.gen_salt('bf', 10))", [password]);
      throw INVALID_CREDENTIALS;
    }
    if (!user.password_ok) throw INVALID_CREDENTIALS;
    await pool.query('update auth.users set last_sign_in_at = now() where id = $1', [user.id]);
    return newSession(user);
  }

  async function refreshGrant(body: Record<string, unknown>) {
    const token = stringField(body, 'refresh_token');
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<{
        user_id: string;
        session_id: string;
        revoked: boolean;
        reusable: boolean;
      }>(
        `select user_id, session_id, revoked,
                updated_at > now() - make_interval(secs => $2) as reusable
           from auth.refresh_tokens where token = $1 for update`,
        [token, REFRESH_REUSE_SECONDS],
      );
      const row = rows[0];
      if (!row) {
        throw new HttpError(
          400,
          'refresh_token_not_found',
          'Invalid Refresh Token: Refresh Token Not Found',
        );
      }
      if (row.revoked && !row.reusable) {
        // A rotated token used again long after: treat as stolen and end the whole session.
        await client.query('delete from auth.sessions where id = $1', [row.session_id]);
        await client.query('commit');
        throw new HttpError(
          400,
          'refresh_token_already_used',
          'Invalid Refresh Token: Already Used',
        );
      }
      await client.query(
        'update auth.refresh_tokens set revoked = true, updated_at = now() where token = $1 and not revoked',
        [token],
      );
      await client.query('update auth.sessions set updated_at = now() where id = $1', [
        row.session_id,
      ]);
      const users = await client.query<UserRow>(
        `select ${USER_COLUMNS} from auth.users where id = $1`,
        [row.user_id],
      );
      const session = await issueSession(client, onlyRow(users.rows, 'user'), row.session_id);
      await client.query('commit');
      return session;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function updateUser(request: IncomingMessage, body: Record<string, unknown>) {
    const { user } = await authenticate(request);
    const email = body.email === undefined ? null : stringField(body, 'email').trim().toLowerCase();
    const password = body.password === undefined ? null : stringField(body, 'password');
    if (email !== null && !EMAIL_PATTERN.test(email)) {
      throw new HttpError(
        400,
        'validation_failed',
        'Unable to validate email address: invalid format',
      );
    }
    if (password !== null && password.length < MIN_PASSWORD_LENGTH) {
      throw new HttpError(
        422,
        'weak_password',
        `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
        { weak_password: { reasons: ['length'] } },
      );
    }
    const metadata = body.data && typeof body.data === 'object' ? JSON.stringify(body.data) : null;
    try {
      const { rows } = await pool.query<UserRow>(
        `update auth.users set
           email = coalesce($2, email),
           encrypted_password = coalesce(extensions.crypt($3, extensions.gen_salt('bf', 10)), encrypted_password),
           raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || coalesce($4::jsonb, '{}'::jsonb),
           updated_at = now()
         where id = $1 returning ${USER_COLUMNS}`,
        [user.id, email, password, metadata],
      );
      return userJson(onlyRow(rows, 'user'));
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new HttpError(
          422,
          'email_exists',
          'A user with this email address has already been registered',
        );
      }
      throw error;
    }
  }

  async function logout(request: IncomingMessage, scope: string) {
    const { user, sessionId } = await authenticate(request);
    if (scope === 'local') {
      await pool.query('delete from auth.sessions where id = $1', [sessionId]);
    } else if (scope === 'others') {
      await pool.query('delete from auth.sessions where user_id = $1 and id <> $2', [
        user.id,
        sessionId,
      ]);
    } else {
      await pool.query('delete from auth.sessions where user_id = $1', [user.id]);
    }
  }

  async function route(request: IncomingMessage): Promise<{ status: number; body?: unknown }> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (method === 'GET' && path === '/health') {
      return { status: 200, body: { name: 'GoTrue', description: 'LiveOwnerUnit local auth' } };
    }
    if (method === 'GET' && path === '/settings') {
      return {
        status: 200,
        body: { external: { email: true }, disable_signup: false, mailer_autoconfirm: true },
      };
    }
    if (method === 'POST' && path === '/signup')
      return { status: 200, body: await signUp(await readJson(request)) };
    if (method === 'POST' && path === '/token') {
      const grant = url.searchParams.get('grant_type');
      const body = await readJson(request);
      if (grant === 'password') return { status: 200, body: await passwordGrant(body) };
      if (grant === 'refresh_token') return { status: 200, body: await refreshGrant(body) };
      throw new HttpError(400, 'unsupported_grant_type', 'unsupported_grant_type');
    }
    if (method === 'GET' && path === '/user') {
      return { status: 200, body: userJson((await authenticate(request)).user) };
    }
    if (method === 'PUT' && path === '/user') {
      return { status: 200, body: await updateUser(request, await readJson(request)) };
    }
    if (method === 'POST' && path === '/logout') {
      await logout(request, url.searchParams.get('scope') ?? 'global');
      return { status: 204 };
    }
    throw new HttpError(404, 'not_found', 'Not found');
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    let status: number;
    let body: unknown;
    try {
      ({ status, body } = await route(request));
    } catch (error) {
      if (error instanceof HttpError) {
        status = error.status;
        body = { code: error.code, error_code: error.code, msg: error.message, ...error.extra };
      } else {
        console.error('[auth]', error);
        status = 500;
        body = { code: 'unexpected_failure', msg: 'Unexpected failure' };
      }
    }
    response.statusCode = status;
    response.setHeader('x-supabase-api-version', '2024-01-01');
    if (body === undefined) {
      response.end();
      return;
    }
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(body));
  }

  return { handle, close: () => pool.end() };
}

export async function startAuthServer(
  options: AuthServerOptions,
): Promise<{ server: Server; stop(): Promise<void> }> {
  const handler = createAuthHandler(options);
  const server = createServer((request, response) => {
    void handler.handle(request, response);
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
      await handler.close();
    },
  };
}
