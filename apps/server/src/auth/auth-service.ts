/**
 * Sign-in, sessions and the admin password, as the device does it (SPEC §4, doc) and a little
 * better:
 * - one admin account; the factory password `Password1` must be changed at first sign-in, and
 *   until it is, every other call answers 403 `password.changeRequired`;
 * - sessions are random 256-bit tokens, stored in SQLite as their SHA-256 (session-store.ts: they
 *   survive a restart), ended by sign-out, a password change, an idle time and an absolute
 *   lifetime; at most `sessionMaxCount` exist (a new one evicts the oldest);
 * - failed sign-ins are throttled per source (sign-in-throttle.ts, ADR 0010): each failure in a
 *   row slows that source's next answer down, and `lockoutThreshold` in a row lock that source out
 *   for `lockoutSeconds` (429 with Retry-After) — other sources, the admin's among them, are still
 *   checked; past a global ceiling everyone is slowed, never locked. The count since the last
 *   good sign-in is kept in the store and shown to the admin at the next one.
 * - password checks run one at a time (each scrypt holds 128 MiB); a queue longer than
 *   `MAX_QUEUED_CHECKS` is refused at once.
 */
import { hash, randomBytes } from 'node:crypto';
import { INITIAL_PASSWORD, type Issue, issue, validatePassword } from '@edgenet/network-config';
import type { Session } from '@edgenet/network-config/contract';
import { Busy, Forbidden, RuleViolation, Unauthenticated } from '../domain-errors';
import { SessionStore } from '../store/session-store';
import type { AccountRecord, Store } from '../store/store';
import { hashPassword, verifyPassword } from './password-hash';
import { SignInThrottle } from './sign-in-throttle';

export const SESSION_COOKIE = 'edgenet_session';
const MAX_QUEUED_CHECKS = 8;
const MAX_SIGN_IN_DELAY_MS = 4000;

export interface AuthOptions {
  sessionIdleSeconds: number;
  lockoutThreshold: number;
  lockoutSeconds: number;
  signInDelayMs: number;
  scryptN: number;
  /** Failed sign-ins per minute from all sources before every check is slowed; 0 disables. */
  signInGlobalCeiling?: number;
  /** The wait of every check past the global ceiling. */
  signInGlobalDelayMs?: number;
  /** Absolute lifetime of a session, whatever its activity. */
  sessionMaxSeconds?: number;
  /** Sessions kept at most; a new one evicts the oldest. */
  sessionMaxCount?: number;
}

/** `last_seen_at` is written at most this often per session (session-store.ts). */
const TOUCH_EVERY_MS = 60_000;

/** Where failed sign-ins and lockouts are logged (at warn, with the source). */
export interface WarnLog {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface SessionRecord {
  /** SHA-256 of the cookie's token (hex): the key in memory and in the store. */
  id: string;
  createdAt: number;
  lastSeenAt: number;
  /** What the sign-in answered, so GET /api/session can repeat it. */
  failedAttemptsAtSignIn: number;
}

export interface SignedIn {
  session: SessionRecord;
  /** The cookie's value: known only to the client (the store holds its hash). */
  token: string;
  body: Session;
}

/**
 * SHA-256 of a cookie's token, in hex. Runs on every signed-in request: the one-shot
 * `crypto.hash` costs about 1 µs where a `createHash` object costs 2.4 µs (ADR 0043).
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/** Initial account of a new store: the factory password with a forced change, or the operator's. */
export async function createInitialAccount(
  initialPassword: string | null,
  scryptN: number,
): Promise<Pick<AccountRecord, 'passwordHash' | 'mustChange'>> {
  return {
    passwordHash: await hashPassword(initialPassword ?? INITIAL_PASSWORD, scryptN),
    mustChange: initialPassword === null,
  };
}

function lockedOut(retryAfterSeconds: number): Busy {
  return new Busy('signIn.lockedOut', { seconds: retryAfterSeconds }, undefined, retryAfterSeconds);
}

function wrongPassword(): Unauthenticated {
  return new Unauthenticated('signIn.failed');
}

function busy(): Busy {
  return new Busy('signIn.busy', {}, undefined, 1);
}

export function signInRequired(expired: boolean): Unauthenticated {
  return expired
    ? new Unauthenticated('session.expired', { reason: 'idle' })
    : new Unauthenticated('session.required');
}

function sessionLifetimeOver(): Unauthenticated {
  return new Unauthenticated('session.expired', { reason: 'lifetime' });
}

export function passwordChangeRequired(): Forbidden {
  return new Forbidden('password.changeRequired');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AuthService {
  private readonly sessions = new Map<string, SessionRecord>();
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;
  /** Cached: checked on every request. */
  private mustChange: boolean;

  private readonly throttle: SignInThrottle;
  private readonly sessionStore: SessionStore;
  /** When each session's `last_seen_at` was last written. */
  private readonly persistedSeen = new Map<string, number>();

  constructor(
    private readonly store: Store,
    readonly options: AuthOptions,
    private readonly now: () => number = Date.now,
    private readonly log?: WarnLog,
  ) {
    this.mustChange = store.account().mustChange;
    this.sessionStore = new SessionStore(store.database);
    for (const row of this.sessionStore.all()) {
      this.sessions.set(row.idHash, {
        id: row.idHash,
        createdAt: row.createdAt,
        lastSeenAt: row.lastSeenAt,
        failedAttemptsAtSignIn: row.failedAttemptsAtSignIn,
      });
      this.persistedSeen.set(row.idHash, row.lastSeenAt);
    }
    this.prune();
    this.throttle = new SignInThrottle(
      {
        threshold: options.lockoutThreshold,
        lockoutSeconds: options.lockoutSeconds,
        baseDelayMs: options.signInDelayMs,
        maxDelayMs: MAX_SIGN_IN_DELAY_MS,
        globalCeiling: options.signInGlobalCeiling ?? 0,
        globalDelayMs: options.signInGlobalDelayMs ?? 1000,
      },
      now,
    );
  }

  get mustChangePassword(): boolean {
    return this.mustChange;
  }

  /** Runs password checks one at a time. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    if (this.queued >= MAX_QUEUED_CHECKS) return Promise.reject(busy());
    this.queued++;
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run.finally(() => {
      this.queued--;
    });
  }

  /**
   * Checks a password against the account for a client at `source`, with the throttling of
   * sign-in-throttle.ts (ADR 0010): a locked-out source is refused without checking (429); a
   * source with checks in flight already is refused at once (429 `signIn.busy`); past the global
   * ceiling every check waits first. Resolves false on a wrong password, after the source's
   * slow-down delay, served outside the shared queue of password checks.
   */
  private async checkPassword(password: string, source: string): Promise<boolean> {
    const admission = this.throttle.admit(source);
    if (admission.kind === 'locked') {
      const account = this.store.account();
      this.store.updateAccount({ failuresSinceSignIn: account.failuresSinceSignIn + 1 });
      this.log?.warn({ source }, 'sign-in refused: this source is locked out');
      throw lockedOut(admission.retryAfterSeconds);
    }
    if (admission.kind === 'busy') throw busy();
    try {
      if (admission.globalDelayMs > 0) await sleep(admission.globalDelayMs);
      const account = this.store.account();
      const good = await this.exclusive(() => verifyPassword(password, account.passwordHash));
      if (good) {
        this.throttle.succeeded(source);
        return true;
      }
      this.store.updateAccount({
        failuresSinceSignIn: this.store.account().failuresSinceSignIn + 1,
      });
      const { delayMs, failures, lockedSeconds } = this.throttle.failed(source);
      if (lockedSeconds > 0) {
        this.log?.warn({ source, failures, lockedSeconds }, 'sign-in locked out for this source');
        throw lockedOut(lockedSeconds);
      }
      this.log?.warn({ source, failures }, 'sign-in failed: wrong password');
      // Slow this source's next guess down (it holds one of its in-flight slots meanwhile).
      if (delayMs > 0) await sleep(delayMs);
      return false;
    } finally {
      this.throttle.done(source);
    }
  }

  async signIn(password: string, source = 'unknown'): Promise<SignedIn> {
    if (!(await this.checkPassword(password, source))) throw wrongPassword();
    const account = this.store.account();
    const failed = account.failuresSinceSignIn;
    this.store.updateAccount({
      consecutiveFailures: 0,
      failuresSinceSignIn: 0,
      lockedUntil: null,
      lastSignInAt: new Date(this.now()).toISOString(),
    });
    const next = this.createSession(failed);
    return { ...next, body: this.describe(next.session) };
  }

  describe(session: SessionRecord): Session {
    return {
      mustChangePassword: this.mustChangePassword,
      failedAttemptsSinceLastSignIn: session.failedAttemptsAtSignIn,
      idleTimeoutSeconds: this.options.sessionIdleSeconds,
    };
  }

  private createSession(failedAttemptsAtSignIn: number): { session: SessionRecord; token: string } {
    this.prune();
    const now = this.now();
    const token = randomBytes(32).toString('base64url');
    const session: SessionRecord = {
      id: hashToken(token),
      createdAt: now,
      lastSeenAt: now,
      failedAttemptsAtSignIn,
    };
    // The cap: the oldest sessions go first (the Map is in order of creation).
    const max = this.options.sessionMaxCount ?? Number.POSITIVE_INFINITY;
    const evicted: string[] = [];
    for (const id of this.sessions.keys()) {
      if (this.sessions.size - evicted.length < max) break;
      evicted.push(id);
    }
    this.endSessions(evicted);
    this.sessionStore.insert({ idHash: session.id, ...session });
    this.sessions.set(session.id, session);
    this.persistedSeen.set(session.id, now);
    return { session, token };
  }

  private endSessions(ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.sessionStore.delete(ids);
    for (const id of ids) {
      this.sessions.delete(id);
      this.persistedSeen.delete(id);
    }
  }

  /** Why `session` has ended at `now`, or null while it lives. */
  private ended(session: SessionRecord, now: number): 'idle' | 'lifetime' | null {
    if (now - session.lastSeenAt > this.options.sessionIdleSeconds * 1000) return 'idle';
    const max = this.options.sessionMaxSeconds;
    if (max !== undefined && now - session.createdAt > max * 1000) return 'lifetime';
    return null;
  }

  /** The live session of a cookie value (touching it), or a 401 problem. */
  authenticate(token: string | undefined): SessionRecord {
    if (!token) throw signInRequired(false);
    const id = hashToken(token);
    const session = this.sessions.get(id);
    if (!session) throw signInRequired(false);
    const now = this.now();
    const why = this.ended(session, now);
    if (why) {
      this.endSessions([id]);
      throw why === 'idle' ? signInRequired(true) : sessionLifetimeOver();
    }
    session.lastSeenAt = now;
    if (now - (this.persistedSeen.get(id) ?? 0) >= TOUCH_EVERY_MS) {
      this.sessionStore.touch(id, now);
      this.persistedSeen.set(id, now);
    }
    return session;
  }

  /**
   * Writes every session's last-seen time that moved since it was last written (the write-behind
   * of `authenticate`), so a clean restart keeps each session's idle clock exactly. Called when
   * the server closes, before the store does.
   */
  flushLastSeen(): void {
    const moved: [string, number][] = [];
    for (const [id, session] of this.sessions) {
      if (session.lastSeenAt > (this.persistedSeen.get(id) ?? 0))
        moved.push([id, session.lastSeenAt]);
    }
    this.sessionStore.touchAll(moved);
    for (const [id, lastSeenAt] of moved) this.persistedSeen.set(id, lastSeenAt);
  }

  signOut(token: string | undefined): void {
    if (token) this.endSessions([hashToken(token)]);
  }

  /**
   * Changes the password. Wrong current password: counted like a failed sign-in, 422 on
   * `currentPassword`. A weak new one: 422 with the core's issues. Success ends every other
   * session and returns a fresh session id for this one.
   */
  async changePassword(
    session: SessionRecord,
    currentPassword: string,
    newPassword: string,
    source = 'unknown',
  ): Promise<SignedIn> {
    const issues: Issue[] = validatePassword(newPassword, currentPassword);
    if (!(await this.checkPassword(currentPassword, source))) {
      throw new RuleViolation([issue('currentPassword', 'password.incorrect'), ...issues]);
    }
    if (issues.some((i) => i.severity === 'error')) throw new RuleViolation(issues);
    const passwordHash = await this.exclusive(() =>
      hashPassword(newPassword, this.options.scryptN),
    );
    this.store.updateAccount({
      passwordHash,
      mustChange: false,
      consecutiveFailures: 0,
      passwordChangedAt: new Date(this.now()).toISOString(),
    });
    this.mustChange = false;
    this.sessionStore.deleteAll();
    this.sessions.clear();
    this.persistedSeen.clear();
    const next = this.createSession(session.failedAttemptsAtSignIn);
    return { ...next, body: this.describe(next.session) };
  }

  private prune(): void {
    const now = this.now();
    const ended: string[] = [];
    for (const [id, session] of this.sessions) if (this.ended(session, now)) ended.push(id);
    this.endSessions(ended);
  }

  get sessionCount(): number {
    return this.sessions.size;
  }
}
