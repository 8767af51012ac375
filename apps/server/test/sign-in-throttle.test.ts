/**
 * Sign-in throttling an attacker cannot turn against the admin (issue 10, hole 2; ADR 0010).
 * Before: five wrong sign-ins from anywhere locked the account itself, so repeating them every
 * time the lock ended kept the admin out for good; eight guesses in flight filled the sign-in
 * queue for everyone. Now the lockout is per source, one source holds at most two checks, and a
 * global ceiling only slows everyone down.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sourceKey } from '../src/auth/sign-in-throttle';
import { ADMIN_PASSWORD, answer, type Json, startApp } from './helpers';

const ATTACKER = '203.0.113.66';
const ADMIN = '192.168.20.5';

function signIn(t: Awaited<ReturnType<typeof startApp>>, password: string, from: string) {
  return t.app
    .inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: from,
      payload: { password },
    })
    .then((res) => answer<Json>(res));
}

describe('sign-in throttling', () => {
  it("an attacker's lockout does not lock the admin out, however often it is renewed", async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const t = await startApp({ lockoutThreshold: 5, lockoutSeconds: 300, logStream });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) await signIn(t, `wrong-${round}-${i}`, ATTACKER);
      const locked = await signIn(t, ADMIN_PASSWORD, ATTACKER);
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('signIn.lockedOut');
      // The right password from the admin's own address is still checked.
      const admin = await signIn(t, ADMIN_PASSWORD, ADMIN);
      expect(admin.status).toBe(200);
    }
    // Failures and lockouts are logged at warn (40) with the source.
    const logs = lines.map((l) => JSON.parse(l));
    const failed = logs.filter((l) => l.msg === 'sign-in failed: wrong password');
    const lockouts = logs.filter((l) => l.msg === 'sign-in locked out for this source');
    expect(failed.length).toBeGreaterThanOrEqual(4);
    expect(lockouts.length).toBeGreaterThanOrEqual(1);
    for (const l of [...failed, ...lockouts]) {
      expect(l.level).toBe(40);
      expect(l.source).toBe(ATTACKER);
    }
    await t.close();
  });

  it('one source cannot fill the sign-in queue: its extra guesses are refused at once', async () => {
    const t = await startApp({ signInDelayMs: 300, lockoutThreshold: 1000 });
    const guesses = Array.from({ length: 10 }, (_, i) => signIn(t, `guess-${i}`, ATTACKER));
    const started = Date.now();
    const admin = await signIn(t, ADMIN_PASSWORD, ADMIN);
    expect(admin.status).toBe(200);
    // The admin did not wait behind the attacker's slowed-down guesses.
    expect(Date.now() - started).toBeLessThan(2000);
    const statuses = (await Promise.all(guesses)).map((g) => g.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(2);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(8);
    await t.close();
  });

  it('past the global ceiling everyone is slowed, but the right password still signs in', async () => {
    const t = await startApp({
      lockoutThreshold: 1000,
      signInGlobalCeiling: 6,
      signInGlobalDelayMs: 400,
    });
    // Six sources, one failure each: no source is locked, the ceiling is reached.
    for (let i = 0; i < 6; i++) {
      expect((await signIn(t, 'wrong', `198.51.100.${i + 1}`)).status).toBe(401);
    }
    const started = Date.now();
    const admin = await signIn(t, ADMIN_PASSWORD, ADMIN);
    expect(admin.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    await t.close();
  });

  it('keys IPv6 sources by their /64 and IPv4-mapped ones as IPv4', () => {
    expect(sourceKey('2001:db8:1:2:aaaa::1')).toBe(sourceKey('2001:db8:1:2:bbbb::2'));
    expect(sourceKey('2001:db8:1:2::1')).not.toBe(sourceKey('2001:db8:1:3::1'));
    expect(sourceKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(sourceKey('10.0.0.1')).toBe('10.0.0.1');
  });
});
