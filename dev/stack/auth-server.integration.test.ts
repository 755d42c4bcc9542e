import { describe, expect, inject, it } from 'vitest';
import { signedUpOwner, testClient, uniqueEmail } from '../test/clients.ts';

const stack = inject('stack');

describe('local auth service, driven by supabase-js', () => {
  it('signs up with a session, and the session is accepted by PostgREST as the user (auth.uid())', async () => {
    const owner = await signedUpOwner(stack, 'auth-signup');
    expect(owner.session.user.id).toBe(owner.user.id);
    const { data, error } = await owner.client
      .from('gites')
      .insert({ nom: 'Gîte du test auth' })
      .select('id, owner_user_id')
      .single();
    expect(error).toBeNull();
    expect(data?.owner_user_id).toBe(owner.user.id);
  });

  it('signs in with the password, and refuses a wrong password or an unknown e-mail with the same 400 invalid_credentials', async () => {
    const owner = await signedUpOwner(stack, 'auth-login');
    const client = testClient(stack);
    const ok = await client.auth.signInWithPassword({
      email: owner.email,
      password: owner.password,
    });
    expect(ok.error).toBeNull();
    expect(ok.data.user?.email).toBe(owner.email);

    const wrong = await client.auth.signInWithPassword({
      email: owner.email,
      password: 'not-the-password',
    });
    const unknown = await client.auth.signInWithPassword({
      email: uniqueEmail('nobody'),
      password: 'not-the-password',
    });
    for (const result of [wrong, unknown]) {
      expect(result.data.session).toBeNull();
      expect(result.error?.status).toBe(400);
      expect(result.error?.code).toBe('invalid_credentials');
      expect(result.error?.message).toBe('Invalid login credentials');
    }
  });

  it('answers the raw token endpoint with invalid_grant, as GoTrue does', async () => {
    const response = await fetch(`${stack.url}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ email: uniqueEmail('raw'), password: 'whatever-it-is' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a second account for the same e-mail and a password under 8 characters', async () => {
    const owner = await signedUpOwner(stack, 'auth-dup');
    const again = await testClient(stack).auth.signUp({
      email: owner.email,
      password: 'another-password',
    });
    expect(again.error?.status).toBe(422);
    expect(again.error?.code).toBe('user_already_exists');

    const weak = await testClient(stack).auth.signUp({
      email: uniqueEmail('weak'),
      password: 'short',
    });
    expect(weak.error?.status).toBe(422);
    expect(weak.error?.code).toBe('weak_password');
  });

  it('refreshes a session with a rotating refresh token', async () => {
    const owner = await signedUpOwner(stack, 'auth-refresh');
    const refreshed = await owner.client.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session?.refresh_token).not.toBe(owner.session.refresh_token);
    expect(refreshed.data.user?.id).toBe(owner.user.id);
    const me = await owner.client.auth.getUser();
    expect(me.data.user?.email).toBe(owner.email);
  });

  it('changes the password with PUT /user; the old one stops working', async () => {
    const owner = await signedUpOwner(stack, 'auth-update');
    const updated = await owner.client.auth.updateUser({ password: 'a-brand-new-password' });
    expect(updated.error).toBeNull();
    const client = testClient(stack);
    const old = await client.auth.signInWithPassword({
      email: owner.email,
      password: owner.password,
    });
    expect(old.error?.code).toBe('invalid_credentials');
    const fresh = await client.auth.signInWithPassword({
      email: owner.email,
      password: 'a-brand-new-password',
    });
    expect(fresh.error).toBeNull();
  });

  it('logs out: the refresh token and the session are dead afterwards', async () => {
    const owner = await signedUpOwner(stack, 'auth-logout');
    const { refresh_token: refreshToken, access_token: accessToken } = owner.session;
    const out = await owner.client.auth.signOut();
    expect(out.error).toBeNull();

    const reuse = await testClient(stack).auth.refreshSession({ refresh_token: refreshToken });
    expect(reuse.error?.status).toBe(400);
    const me = await testClient(stack).auth.getUser(accessToken);
    expect(me.data.user).toBeNull();
    expect(me.error).not.toBeNull();
  });
});

describe('gateway', () => {
  it('answers CORS preflights for the browser app', async () => {
    const response = await fetch(`${stack.url}/rest/v1/gites`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('apikey');
  });

  it('refuses a request without an API key and an unknown route', async () => {
    expect((await fetch(`${stack.url}/rest/v1/gites`)).status).toBe(401);
    const unknown = await fetch(`${stack.url}/nowhere`, { headers: { apikey: stack.anonKey } });
    expect(unknown.status).toBe(404);
  });
});
