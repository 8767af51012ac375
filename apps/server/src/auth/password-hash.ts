/**
 * Password hashing with scrypt at OWASP's parameters (N=2^17, r=8, p=1: 128 MiB and a few hundred
 * milliseconds per hash). Node's default `maxmem` (32 MiB) refuses them, so it is raised to twice
 * what the parameters need. The parameters travel with each hash (`scrypt$N$r$p$salt$key`), so a
 * later change of the defaults still verifies old hashes.
 *
 * Each hash holds 128 MiB for its duration: callers must not run many at once (auth-service.ts
 * runs them one at a time).
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

export const OWASP_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  const N = options.N ?? OWASP_SCRYPT.N;
  const r = options.r ?? OWASP_SCRYPT.r;
  const p = options.p ?? OWASP_SCRYPT.p;
  const maxmem = 2 * 128 * N * r * p;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, N: number = OWASP_SCRYPT.N): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const { r, p } = OWASP_SCRYPT;
  const key = await derive(password, salt, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export function parseHash(
  encoded: string,
): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return null;
  return {
    N,
    r,
    p,
    salt: Buffer.from(parts[4] ?? '', 'base64'),
    key: Buffer.from(parts[5] ?? '', 'base64'),
  };
}

/** Constant-time comparison of the derived key; false for a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}
