/**
 * The configuration store: one revision number for the whole device configuration, and every
 * accepted change kept as a revision (who, when, a summary, the whole resulting document).
 *
 * The latest document is cached in memory (reads never touch SQLite); a commit writes the row in
 * a transaction (fsynced, see database.ts) before the cache moves, so a caller that replies after
 * `commit` returns never acknowledges a change the disk does not hold.
 *
 * Concurrency: every write checks the revision it was computed from (`basedOn`) inside the same
 * synchronous call that writes it. better-sqlite3 is synchronous and Node runs one request handler
 * at a time between awaits, so check-and-write is atomic: two writers on one revision → one wins,
 * the other gets `StaleRevisionError`.
 */
import type { DeviceConfig, RevisionSource } from '@edgenet/network-config';
import type { Job } from '@edgenet/network-config/contract';
import { serverText } from '../messages';
import { type Db, openDatabase, schemaVersion } from './database';
import { RevisionLog, type RevisionMeta } from './revision-log';

export type RevisionInfo = RevisionMeta;

/** The tentative change waiting for confirmation (SPEC §7.2), as stored. */
export interface PendingRecord {
  /** The tentative revision. */
  revision: number;
  /** The revision a rollback restores. */
  previous: number;
  /** Epoch milliseconds. */
  deadline: number;
  seconds: number;
  author: string;
  reason: string;
  createdAt: string;
}

export interface CommitInput {
  /** The revision the new document was computed from; the commit fails if it is not current. */
  basedOn: number;
  author: string;
  summary: string;
  document: DeviceConfig;
  /** Where the change came from (default `api`). */
  source?: RevisionSource;
  /** The summary in Japanese (default: the core's summary of the change). */
  summaryJa?: string;
  /**
   * The pending change, written in the same transaction: a record to start one (a tentative
   * change, its `revision` is the one this commit writes), null to end it (a revert or a
   * rollback), undefined to leave it.
   */
  pending?: Omit<PendingRecord, 'revision'> | null;
}

/** A job as stored: the contract's Job plus the revision that started it. */
export interface JobRecord extends Job {
  revision: number;
}

export interface AccountRecord {
  passwordHash: string;
  mustChange: boolean;
  /** Failed sign-ins in a row (reset by a good sign-in and by a lockout). */
  consecutiveFailures: number;
  /** Failed sign-ins since the last good one, shown to the admin at the next sign-in. */
  failuresSinceSignIn: number;
  /** Epoch milliseconds until which sign-in is refused, or null. */
  lockedUntil: number | null;
  lastSignInAt: string | null;
  passwordChangedAt: string | null;
}

/** The summary of revision 1 (the factory configuration). */
const FACTORY_SUMMARY = serverText('revision.factory');

export class StaleRevisionError extends Error {
  override name = 'StaleRevisionError';
  constructor(
    readonly expected: number,
    readonly current: number,
  ) {
    super(`revision ${expected} is stale; the current revision is ${current}`);
  }
}

export interface StoreInit {
  /** The factory document, stored as revision 1. */
  document: DeviceConfig;
  account: Pick<AccountRecord, 'passwordHash' | 'mustChange'>;
}

/** The document of a store not initialized yet; never served (initialize comes first). */
const EMPTY = Object.freeze({}) as DeviceConfig;

/** A `pending_change` row: the record's fields, `createdAt` in the table's snake case. */
type PendingRow = Omit<PendingRecord, 'createdAt'> & { created_at: string };

interface JobRow {
  id: string;
  kind: string;
  state: Job['state'];
  progress: number;
  steps: string;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  revision: number;
}

interface AccountRow {
  password_hash: string;
  must_change: number;
  consecutive_failures: number;
  failures_since_sign_in: number;
  locked_until: number | null;
  last_sign_in_at: string | null;
  password_changed_at: string | null;
}

/** Catches a handler mutating the cached document in place (it must build a new one). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class Store {
  private revisionNumber: number;
  private document: DeviceConfig;
  private closed = false;
  private readonly statements;
  private readonly log: RevisionLog;

  private constructor(private readonly db: Db) {
    this.log = new RevisionLog(db);
    this.statements = {
      pending: db.prepare<[], PendingRow>('SELECT * FROM pending_change WHERE id = 1'),
      setPending: db.prepare(
        `INSERT OR REPLACE INTO pending_change (id, revision, previous, deadline, seconds, author, reason, created_at)
         VALUES (1, @revision, @previous, @deadline, @seconds, @author, @reason, @created_at)`,
      ),
      clearPending: db.prepare('DELETE FROM pending_change'),
      upsertJob: db.prepare(
        `INSERT INTO jobs (id, kind, state, progress, steps, error, started_at, finished_at, revision)
         VALUES (@id, @kind, @state, @progress, @steps, @error, @started_at, @finished_at, @revision)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, progress = excluded.progress,
           steps = excluded.steps, error = excluded.error, finished_at = excluded.finished_at`,
      ),
      job: db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?'),
      jobsRunning: db.prepare<[], JobRow>(
        "SELECT * FROM jobs WHERE state = 'running' ORDER BY started_at",
      ),
      latestJob: db.prepare<[], JobRow>(
        'SELECT * FROM jobs ORDER BY started_at DESC, rowid DESC LIMIT 1',
      ),
      account: db.prepare<[], AccountRow>('SELECT * FROM account WHERE id = 1'),
      insertAccount: db.prepare(
        'INSERT INTO account (id, password_hash, must_change) VALUES (1, ?, ?)',
      ),
      updateAccount: db.prepare(
        `UPDATE account SET password_hash = @password_hash, must_change = @must_change,
           consecutive_failures = @consecutive_failures, failures_since_sign_in = @failures_since_sign_in,
           locked_until = @locked_until, last_sign_in_at = @last_sign_in_at,
           password_changed_at = @password_changed_at WHERE id = 1`,
      ),
    };

    this.revisionNumber = this.log.latestNumber();
    const latest = this.revisionNumber > 0 ? this.log.document(this.revisionNumber) : null;
    this.document = latest ? deepFreeze(latest) : EMPTY;
  }

  /** True until `initialize` stores the factory document (a new data directory). */
  get isEmpty(): boolean {
    return this.revisionNumber === 0;
  }

  /** Stores the factory document as revision 1 and creates the account, in one transaction. */
  initialize(init: StoreInit): void {
    this.assertOpen();
    if (!this.isEmpty) throw new Error('the store is already initialized');
    const json = JSON.stringify(init.document);
    this.db.transaction(() => {
      this.log.append(
        {
          number: 1,
          createdAt: new Date().toISOString(),
          author: 'system',
          source: 'system',
          summary: FACTORY_SUMMARY.en,
          summaryJa: FACTORY_SUMMARY.ja,
        },
        null,
        init.document,
        json,
      );
      this.statements.insertAccount.run(init.account.passwordHash, init.account.mustChange ? 1 : 0);
    })();
    this.revisionNumber = 1;
    this.document = deepFreeze(JSON.parse(json) as DeviceConfig);
  }

  static open(dataDir: string): Store {
    const db = openDatabase(dataDir);
    try {
      return new Store(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  get revision(): number {
    return this.revisionNumber;
  }

  /** The current document (frozen: build a new object to change it). */
  get current(): DeviceConfig {
    return this.document;
  }

  /**
   * Stores a new revision and returns its number. Throws `StaleRevisionError` when `basedOn` is
   * not the current revision. Returns only once the row is durable.
   */
  commit(input: CommitInput): number {
    this.assertOpen();
    if (input.basedOn !== this.revisionNumber) {
      throw new StaleRevisionError(input.basedOn, this.revisionNumber);
    }
    const number = this.revisionNumber + 1;
    const json = JSON.stringify(input.document);
    const next = JSON.parse(json) as DeviceConfig;
    try {
      this.db.transaction(() => {
        this.log.append(
          {
            number,
            createdAt: new Date().toISOString(),
            author: input.author,
            source: input.source ?? 'api',
            summary: input.summary,
            ...(input.summaryJa !== undefined ? { summaryJa: input.summaryJa } : {}),
          },
          this.document,
          input.document,
          json,
        );
        if (input.pending === null) this.statements.clearPending.run();
        else if (input.pending) this.writePending({ ...input.pending, revision: number });
      })();
    } catch (error) {
      this.log.resync();
      throw error;
    }
    this.revisionNumber = number;
    // The cache holds a private copy, so later changes to the caller's object cannot leak in.
    this.document = deepFreeze(next);
    return number;
  }

  /** Revision summaries, newest first, below `before` (exclusive). */
  listRevisions(limit: number, before = Number.MAX_SAFE_INTEGER): RevisionInfo[] {
    return this.log.list(limit, before);
  }

  revisionInfo(number: number): RevisionInfo | null {
    return this.log.meta(number);
  }

  /** The document of revision `number` (a fresh copy), or null when there is no such revision. */
  revisionDocument(number: number): DeviceConfig | null {
    if (number === this.revisionNumber && number > 0) {
      return JSON.parse(JSON.stringify(this.document)) as DeviceConfig;
    }
    return this.log.document(number);
  }

  /** The change waiting for confirmation, or null. */
  pending(): PendingRecord | null {
    const row = this.statements.pending.get();
    return row
      ? {
          revision: row.revision,
          previous: row.previous,
          deadline: row.deadline,
          seconds: row.seconds,
          author: row.author,
          reason: row.reason,
          createdAt: row.created_at,
        }
      : null;
  }

  /** Ends the pending change (it is confirmed): the revision stays. */
  clearPending(): void {
    this.assertOpen();
    this.statements.clearPending.run();
  }

  private writePending(pending: PendingRecord): void {
    this.statements.setPending.run({
      revision: pending.revision,
      previous: pending.previous,
      deadline: pending.deadline,
      seconds: pending.seconds,
      author: pending.author,
      reason: pending.reason,
      created_at: pending.createdAt,
    });
  }

  saveJob(job: JobRecord): void {
    this.assertOpen();
    this.statements.upsertJob.run({
      id: job.id,
      kind: job.kind,
      state: job.state,
      progress: job.progress,
      steps: JSON.stringify(job.steps),
      error: job.error,
      started_at: job.startedAt,
      finished_at: job.finishedAt,
      revision: job.revision,
    });
  }

  job(id: string): JobRecord | null {
    const row = this.statements.job.get(id);
    return row ? jobFromRow(row) : null;
  }

  runningJobs(): JobRecord[] {
    return this.statements.jobsRunning.all().map(jobFromRow);
  }

  latestJob(): JobRecord | null {
    const row = this.statements.latestJob.get();
    return row ? jobFromRow(row) : null;
  }

  account(): AccountRecord {
    const row = this.statements.account.get();
    if (!row) throw new Error('the account row is missing');
    return {
      passwordHash: row.password_hash,
      mustChange: row.must_change === 1,
      consecutiveFailures: row.consecutive_failures,
      failuresSinceSignIn: row.failures_since_sign_in,
      lockedUntil: row.locked_until,
      lastSignInAt: row.last_sign_in_at,
      passwordChangedAt: row.password_changed_at,
    };
  }

  updateAccount(patch: Partial<AccountRecord>): AccountRecord {
    this.assertOpen();
    const next = { ...this.account(), ...patch };
    this.statements.updateAccount.run({
      password_hash: next.passwordHash,
      must_change: next.mustChange ? 1 : 0,
      consecutive_failures: next.consecutiveFailures,
      failures_since_sign_in: next.failuresSinceSignIn,
      locked_until: next.lockedUntil,
      last_sign_in_at: next.lastSignInAt,
      password_changed_at: next.passwordChangedAt,
    });
    return next;
  }

  /** What the database runs with, as SQLite reports it (checked at start-up). */
  diagnostics(): {
    journalMode: string;
    synchronous: number;
    lockingMode: string;
    schemaVersion: number;
  } {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
      lockingMode: String(this.db.pragma('locking_mode', { simple: true })),
      schemaVersion: schemaVersion(this.db),
    };
  }

  /** `PRAGMA integrity_check`: 'ok' or the problems found. */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check', { simple: true }) as string) ?? 'ok';
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the store is closed');
  }

  /** The open database, for stores of other tables on the same file (sessions). */
  get database(): Db {
    this.assertOpen();
    return this.db;
  }
}

function jobFromRow(row: JobRow): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    progress: row.progress,
    steps: JSON.parse(row.steps) as Job['steps'],
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    revision: row.revision,
  };
}
