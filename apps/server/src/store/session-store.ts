/**
 * Sessions in SQLite (migration 2; issue 10, shared with issue 9): they survive a restart. The
 * cookie carries a random 256-bit token; the table holds only its SHA-256 (`id_hash`), so a
 * copy of the database (a backup, a support bundle) signs nobody in.
 *
 * Writes: a row at sign-in, a delete at sign-out, expiry or eviction. `last_seen_at` moves in
 * memory on every request but is written at most once per `touchEveryMs` per session — an fsync
 * per request would cost more than the request — so after a restart a session may end up to
 * that much earlier than its idle timeout says (never later). A clean stop writes the moved
 * times first (`touchAll`), so only a crash loses them.
 */
import type { Db } from './database';

export interface StoredSession {
  idHash: string;
  createdAt: number;
  lastSeenAt: number;
  failedAttemptsAtSignIn: number;
}

interface Row {
  id_hash: string;
  created_at: number;
  last_seen_at: number;
  failed_attempts_at_sign_in: number;
}

export class SessionStore {
  private readonly insertRow;
  private readonly deleteRow;
  private readonly touchRow;

  constructor(private readonly db: Db) {
    this.insertRow = db.prepare(
      'INSERT INTO sessions (id_hash, created_at, last_seen_at, failed_attempts_at_sign_in) VALUES (?, ?, ?, ?)',
    );
    this.deleteRow = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
    this.touchRow = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
  }

  /** Every stored session, oldest first. */
  all(): StoredSession[] {
    const rows = this.db
      .prepare('SELECT * FROM sessions ORDER BY created_at, rowid')
      .all() as Row[];
    return rows.map((r) => ({
      idHash: r.id_hash,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      failedAttemptsAtSignIn: r.failed_attempts_at_sign_in,
    }));
  }

  insert(session: StoredSession): void {
    this.insertRow.run(
      session.idHash,
      session.createdAt,
      session.lastSeenAt,
      session.failedAttemptsAtSignIn,
    );
  }

  delete(idHashes: readonly string[]): void {
    if (idHashes.length === 0) return;
    this.db.transaction(() => {
      for (const id of idHashes) this.deleteRow.run(id);
    })();
  }

  deleteAll(): void {
    this.db.prepare('DELETE FROM sessions').run();
  }

  touch(idHash: string, lastSeenAt: number): void {
    this.touchRow.run(lastSeenAt, idHash);
  }

  /** Several `touch`es in one transaction (one fsync). */
  touchAll(entries: readonly (readonly [idHash: string, lastSeenAt: number])[]): void {
    if (entries.length === 0) return;
    this.db.transaction(() => {
      for (const [id, lastSeenAt] of entries) this.touchRow.run(lastSeenAt, id);
    })();
  }
}
