/**
 * The SQLite file: opening it with the durability we promise, and its schema migrations.
 *
 * Durability: WAL with `synchronous=FULL` fsyncs the log on every commit, so a transaction that
 * returned has reached the disk (better-sqlite3 defaults to NORMAL under WAL, which may lose the
 * last commits on power loss). Both are checked after being set: a file system that refuses WAL
 * must stop the server rather than silently weaken the promise.
 *
 * `locking_mode=EXCLUSIVE` keeps the file locked by this process for as long as it is open, so a
 * second server on the same data directory fails at start instead of both serving stale caches.
 * (It also keeps the WAL index in process memory: no `-shm` file.)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export const DATABASE_FILE = 'edgenet.db';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration never changes; a change is a new version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'revisions, jobs and the admin account',
    sql: `
      CREATE TABLE revisions (
        number     INTEGER PRIMARY KEY,
        created_at TEXT    NOT NULL,
        author     TEXT    NOT NULL,
        summary    TEXT    NOT NULL,
        document   TEXT    NOT NULL CHECK (json_valid(document))
      ) STRICT;

      CREATE TABLE jobs (
        id          TEXT    PRIMARY KEY,
        kind        TEXT    NOT NULL,
        state       TEXT    NOT NULL CHECK (state IN ('running', 'succeeded', 'failed')),
        progress    INTEGER NOT NULL,
        steps       TEXT    NOT NULL CHECK (json_valid(steps)),
        error       TEXT,
        started_at  TEXT    NOT NULL,
        finished_at TEXT,
        revision    INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX jobs_by_start ON jobs (started_at);

      CREATE TABLE account (
        id                        INTEGER PRIMARY KEY CHECK (id = 1),
        password_hash             TEXT    NOT NULL,
        must_change               INTEGER NOT NULL,
        consecutive_failures      INTEGER NOT NULL DEFAULT 0,
        failures_since_sign_in    INTEGER NOT NULL DEFAULT 0,
        locked_until              INTEGER,
        last_sign_in_at           TEXT,
        password_changed_at       TEXT
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'sessions (issue 10: they survive a restart; ids stored hashed)',
    sql: `
      CREATE TABLE sessions (
        id_hash                    TEXT    PRIMARY KEY,
        created_at                 INTEGER NOT NULL,
        last_seen_at               INTEGER NOT NULL,
        failed_attempts_at_sign_in INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX sessions_by_creation ON sessions (created_at);
    `,
  },
  {
    // Issue 9 (ADR 0013): revisions carry their source and a Japanese summary, and keep either
    // the whole document (a checkpoint) or the diff from the revision before (a delta). Rows
    // written before keep their whole document: they are checkpoints, nothing is lost.
    version: 3,
    name: 'revisions: source, Japanese summary, checkpoints plus deltas',
    sql: `
      CREATE TABLE revisions_v3 (
        number     INTEGER PRIMARY KEY,
        created_at TEXT    NOT NULL,
        author     TEXT    NOT NULL,
        source     TEXT    NOT NULL CHECK (source IN
                     ('web', 'api', 'cli', 'console', 'import', 'restore', 'rollback', 'system')),
        summary    TEXT    NOT NULL,
        summary_ja TEXT    NOT NULL,
        document   TEXT    CHECK (document IS NULL OR json_valid(document)),
        delta      TEXT    CHECK (delta IS NULL OR json_valid(delta)),
        CHECK (document IS NOT NULL OR delta IS NOT NULL)
      ) STRICT;
      INSERT INTO revisions_v3 (number, created_at, author, source, summary, summary_ja, document)
        SELECT number, created_at, author, CASE WHEN author = 'system' THEN 'system' ELSE 'api' END,
               summary, summary, document
        FROM revisions;
      DROP TABLE revisions;
      ALTER TABLE revisions_v3 RENAME TO revisions;
      CREATE INDEX revisions_checkpoints ON revisions (number) WHERE document IS NOT NULL;
    `,
  },
  {
    // Issue 9 (ADR 0014): the tentative change waiting for confirmation, with its deadline, so a
    // restarted server rolls it back (deadline passed) or re-arms it.
    version: 4,
    name: 'the pending (tentative) change',
    sql: `
      CREATE TABLE pending_change (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        revision    INTEGER NOT NULL,
        previous    INTEGER NOT NULL,
        deadline    INTEGER NOT NULL,
        seconds     INTEGER NOT NULL,
        author      TEXT    NOT NULL,
        reason      TEXT    NOT NULL,
        created_at  TEXT    NOT NULL
      ) STRICT;
    `,
  },
];

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/** Opens (creating when needed) the database in `dataDir`, checked and migrated. */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DATABASE_FILE);
  const db = new Database(path, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (String(mode).toLowerCase() !== 'wal') {
      throw new Error(`SQLite refused WAL mode on ${path} (journal_mode is ${mode})`);
    }
    db.pragma('synchronous = FULL');
    // 2 = FULL (https://sqlite.org/pragma.html#pragma_synchronous)
    const synchronous = db.pragma('synchronous', { simple: true });
    if (synchronous !== 2) {
      throw new Error(`SQLite synchronous is ${synchronous}, expected 2 (FULL) on ${path}`);
    }
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof Error && /SQLITE_BUSY|database is locked/i.test(error.message)) {
      throw new DataDirInUseError(
        `${path} is in use by another process (is another edgenet server running on this data directory?)`,
      );
    }
    throw error;
  }
}

/** Applies the migrations this file has not seen yet, each in its own transaction. */
export function migrate(db: Db): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((v) => Number(v)),
  );
  const latest = Math.max(0, ...MIGRATIONS.map((m) => m.version));
  const newest = Math.max(0, ...applied);
  if (newest > latest) {
    throw new Error(
      `The database schema is version ${newest}, newer than this server knows (${latest}); upgrade the server.`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
  }
  return latest;
}

export function schemaVersion(db: Db): number {
  return Number(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() ?? 0);
}
