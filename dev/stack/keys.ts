import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SignJWT } from 'jose';
import { writeFileAtomic } from './data-dir.ts';

export interface StackKeys {
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
}

const TEN_YEARS_S = 10 * 365 * 24 * 3600;

/** Signs an HS256 JWT with the claims PostgREST and supabase-js expect. */
export async function signJwt(
  secret: string,
  claims: Record<string, unknown>,
  expiresInSeconds: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(new TextEncoder().encode(secret));
}

/**
 * The JWT secret belongs to the data directory: created with it, reused with it,
 * so tokens issued before a restart stay valid and a new data dir never shares a secret.
 */
export async function loadOrCreateKeys(dataDir: string): Promise<StackKeys> {
  const secretFile = path.join(dataDir, 'jwt-secret');
  let jwtSecret: string;
  if (existsSync(secretFile)) {
    jwtSecret = (await readFile(secretFile, 'utf8')).trim();
  } else {
    jwtSecret = randomBytes(48).toString('base64url');
    // Atomic: a failed write must not leave an empty secret that the next start would use.
    await writeFileAtomic(secretFile, `${jwtSecret}\n`);
  }
  const issuer = 'liveownerunit-local';
  const anonKey = await signJwt(jwtSecret, { iss: issuer, role: 'anon' }, TEN_YEARS_S);
  const serviceRoleKey = await signJwt(
    jwtSecret,
    { iss: issuer, role: 'service_role' },
    TEN_YEARS_S,
  );
  return { jwtSecret, anonKey, serviceRoleKey };
}
