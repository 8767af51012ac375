/**
 * Sessions in SQLite (issue 10, shared with issue 9): they survive a restart on the same data
 * directory (real SQLite, a real second app), the store holds only the SHA-256 of each token, and
 * they still end at sign-out, password change, idle time, an absolute lifetime and a cap.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../src/store/database';
import { ADMIN_PASSWORD, Client, signedIn, startApp, tempDir } from './helpers';

const tokenOf = (c: Client) => (c.cookie as string).split('=')[1] as string;

describe('sessions', () => {
  it('survive a restart; the database holds only the SHA-256 of the token', async () => {
    const dataDir = tempDir();
    const first = await startApp({ dataDir });
    const c = await signedIn(first.app);
    const ended = await signedIn(first.app);
    const endedToken = tokenOf(ended);
    expect((await ended.delete('/api/session')).status).toBe(204);
    await first.close();

    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const rows = db.prepare('SELECT id_hash FROM sessions').pluck().all() as string[];
    db.close();
    expect(rows).toEqual([createHash('sha256').update(tokenOf(c)).digest('hex')]);
    expect(rows).not.toContain(tokenOf(c));

    const second = await startApp({ dataDir });
    const again = new Client(second.app);
    again.cookie = c.cookie;
    expect((await again.get('/api/session')).status).toBe(200);
    expect((await again.get('/api/ports')).status).toBe(200);
    // The signed-out one stays signed out.
    const gone = new Client(second.app);
    gone.cookie = `edgenet_session=${endedToken}`;
    expect((await gone.get('/api/session')).status).toBe(401);
    await second.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a clean stop writes the last-seen time, so the idle clock survives a restart exactly', async () => {
    const dataDir = tempDir();
    const first = await startApp({ dataDir });
    const c = await signedIn(first.app);
    await new Promise((r) => setTimeout(r, 1100));
    const seenAt = Date.now();
    expect((await c.get('/api/ports')).status).toBe(200);
    await first.close();
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const row = db.prepare('SELECT created_at, last_seen_at FROM sessions').get() as {
      created_at: number;
      last_seen_at: number;
    };
    db.close();
    // Written behind at most once a minute while running, and at the stop.
    expect(row.last_seen_at).toBeGreaterThanOrEqual(seenAt);
    expect(row.last_seen_at - row.created_at).toBeGreaterThanOrEqual(1000);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a password change ends the other sessions, across a restart too', async () => {
    const dataDir = tempDir();
    const first = await startApp({ dataDir });
    const other = await signedIn(first.app);
    const me = await signedIn(first.app);
    const changed = await me.post('/api/password', {
      currentPassword: ADMIN_PASSWORD,
      newPassword: 'New#Pass2026',
    });
    expect(changed.status).toBe(200);
    await first.close();
    const second = await startApp({ dataDir });
    const as = (c: Client) => Object.assign(new Client(second.app), { cookie: c.cookie });
    expect((await as(other).get('/api/session')).status).toBe(401);
    expect((await as(me).get('/api/session')).status).toBe(200);
    await second.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('end after their absolute lifetime, however active', async () => {
    const t = await startApp({ sessionMaxSeconds: 1 });
    const c = await signedIn(t.app);
    for (let i = 0; i < 4; i++) {
      expect((await c.get('/api/session')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 400));
    const res = await c.get('/api/session');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('session.expired');
    await t.close();
  });

  it('are capped: a new one evicts the oldest', async () => {
    const t = await startApp({ sessionMaxCount: 3 });
    const clients = [];
    for (let i = 0; i < 4; i++) clients.push(await signedIn(t.app));
    const statuses = [];
    for (const c of clients) statuses.push((await c.get('/api/session')).status);
    expect(statuses).toEqual([401, 200, 200, 200]);
    await t.close();
  });
});
