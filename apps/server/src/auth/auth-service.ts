/**
 * Sign-in, sessions and the admin password, as the device does it (SPEC §4, doc) and a little
 * better:
 * - one admin account; the factory password `Password1` must be changed at first sign-in, and
 *   until it is, every other call answers 403 `password.changeRequired`;
 * - sessions are random 256-bit ids kept in memory (a restart signs everyone out, like a device
 *   reboot) and expire after an idle time;
 * - failed sign-ins are counted in the store (they survive a restart), each failure in a row
 *   slows the next answer down, and `lockoutThreshold` in a row lock sign-in for
 *   `lockoutSeconds` (429 with Retry-After). Attempts during a lockout are refused without
 *   checking the password and do not extend it (so an attacker cannot keep the admin out forever).
 *   The count since the last good sign-in is shown to the admin at the next one.
 * - password checks run one at a time (each scrypt holds 128 MiB); a queue longer than
 *   `MAX_QUEUED_CHECKS` is refused at once.
 */
import { randomBytes } from 'node:crypto';
import { INITIAL_PASSWORD, type Issue, issue, validatePassword } from '@edgenet/network-config';
import type { Session } from '@edgenet/network-config/contract';
import { HttpProblem, ruleViolation, tooManyRequests } from '../http/problems';
import type { AccountRecord, Store } from '../store/store';
import { hashPassword, verifyPassword } from './password-hash';

export const SESSION_COOKIE = 'edgenet_session';
const MAX_QUEUED_CHECKS = 8;
const MAX_SIGN_IN_DELAY_MS = 4000;

export interface AuthOptions {
  sessionIdleSeconds: number;
  lockoutThreshold: number;
  lockoutSeconds: number;
  signInDelayMs: number;
  scryptN: number;
}

export interface SessionRecord {
  id: string;
  createdAt: number;
  lastSeenAt: number;
  /** What the sign-in answered, so GET /api/session can repeat it. */
  failedAttemptsAtSignIn: number;
}

export interface SignedIn {
  session: SessionRecord;
  body: Session;
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

function lockedOut(retryAfterSeconds: number): HttpProblem {
  return tooManyRequests(
    'signIn.lockedOut',
    'Too many failed sign-ins',
    {
      en: `Sign-in is locked after too many failed attempts. Try again in ${retryAfterSeconds} s.`,
      ja: `サインインの失敗が多すぎるため、サインインがロックされています。${retryAfterSeconds} 秒後にもう一度お試しください。`,
    },
    retryAfterSeconds,
  );
}

function wrongPassword(): HttpProblem {
  return new HttpProblem({
    status: 401,
    code: 'signIn.failed',
    title: 'Wrong password',
    message: { en: 'The password is not correct.', ja: 'パスワードが正しくありません。' },
  });
}

function busy(): HttpProblem {
  return tooManyRequests(
    'signIn.busy',
    'Too many sign-ins at once',
    {
      en: 'Too many sign-in attempts are in progress. Try again in a moment.',
      ja: '処理中のサインインが多すぎます。しばらくしてからもう一度お試しください。',
    },
    1,
  );
}

export function signInRequired(expired: boolean): HttpProblem {
  return new HttpProblem({
    status: 401,
    code: expired ? 'session.expired' : 'session.required',
    title: expired ? 'Session expired' : 'Sign-in required',
    message: expired
      ? {
          en: 'Your session ended after a period of inactivity. Sign in again.',
          ja: '一定時間操作がなかったため、セッションが終了しました。もう一度サインインしてください。',
        }
      : { en: 'Sign in to use the device.', ja: 'デバイスを使用するにはサインインしてください。' },
  });
}

export function passwordChangeRequired(): HttpProblem {
  return new HttpProblem({
    status: 403,
    code: 'password.changeRequired',
    title: 'Password change required',
    message: {
      en: 'Change the initial password before using the device (POST /api/password).',
      ja: 'デバイスを使用する前に初期パスワードを変更してください (POST /api/password)。',
    },
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AuthService {
  private readonly sessions = new Map<string, SessionRecord>();
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;
  /** Cached: checked on every request. */
  private mustChange: boolean;

  constructor(
    private readonly store: Store,
    readonly options: AuthOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.mustChange = store.account().mustChange;
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

  private remainingLock(account: AccountRecord): number {
    if (account.lockedUntil === null) return 0;
    return Math.max(0, Math.ceil((account.lockedUntil - this.now()) / 1000));
  }

  /**
   * Checks a password against the account, counting failures and applying the lockout. Throws
   * the 429 of a lockout; resolves false on a wrong password (after the slow-down delay).
   */
  private async checkPassword(password: string): Promise<boolean> {
    return this.exclusive(async () => {
      let account = this.store.account();
      const wait = this.remainingLock(account);
      if (wait > 0) {
        this.store.updateAccount({ failuresSinceSignIn: account.failuresSinceSignIn + 1 });
        throw lockedOut(wait);
      }
      if (account.lockedUntil !== null) {
        account = this.store.updateAccount({ lockedUntil: null, consecutiveFailures: 0 });
      }
      if (await verifyPassword(password, account.passwordHash)) return true;

      const failures = account.consecutiveFailures + 1;
      if (failures >= this.options.lockoutThreshold) {
        const lockedUntil = this.now() + this.options.lockoutSeconds * 1000;
        this.store.updateAccount({
          consecutiveFailures: 0,
          failuresSinceSignIn: account.failuresSinceSignIn + 1,
          lockedUntil,
        });
        throw lockedOut(this.options.lockoutSeconds);
      }
      this.store.updateAccount({
        consecutiveFailures: failures,
        failuresSinceSignIn: account.failuresSinceSignIn + 1,
      });
      // Slow the next guess down: the delay doubles with every failure in a row. It is served
      // inside the queue, so parallel guesses wait for each other too.
      const delay = Math.min(
        MAX_SIGN_IN_DELAY_MS,
        this.options.signInDelayMs * 2 ** (failures - 1),
      );
      if (delay > 0) await sleep(delay);
      return false;
    });
  }

  async signIn(password: string): Promise<SignedIn> {
    if (!(await this.checkPassword(password))) throw wrongPassword();
    const account = this.store.account();
    const failed = account.failuresSinceSignIn;
    this.store.updateAccount({
      consecutiveFailures: 0,
      failuresSinceSignIn: 0,
      lockedUntil: null,
      lastSignInAt: new Date(this.now()).toISOString(),
    });
    const session = this.createSession(failed);
    return { session, body: this.describe(session) };
  }

  describe(session: SessionRecord): Session {
    return {
      mustChangePassword: this.mustChangePassword,
      failedAttemptsSinceLastSignIn: session.failedAttemptsAtSignIn,
      idleTimeoutSeconds: this.options.sessionIdleSeconds,
    };
  }

  private createSession(failedAttemptsAtSignIn: number): SessionRecord {
    this.prune();
    const now = this.now();
    const session: SessionRecord = {
      id: randomBytes(32).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      failedAttemptsAtSignIn,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session of a cookie value (touching it), or a 401 problem. */
  authenticate(id: string | undefined): SessionRecord {
    if (!id) throw signInRequired(false);
    const session = this.sessions.get(id);
    if (!session) throw signInRequired(false);
    const now = this.now();
    if (now - session.lastSeenAt > this.options.sessionIdleSeconds * 1000) {
      this.sessions.delete(id);
      throw signInRequired(true);
    }
    session.lastSeenAt = now;
    return session;
  }

  signOut(id: string | undefined): void {
    if (id) this.sessions.delete(id);
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
  ): Promise<SignedIn> {
    const issues: Issue[] = validatePassword(newPassword, currentPassword);
    if (!(await this.checkPassword(currentPassword))) {
      throw ruleViolation([issue('currentPassword', 'password.incorrect'), ...issues]);
    }
    if (issues.some((i) => i.severity === 'error')) throw ruleViolation(issues);
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
    this.sessions.clear();
    const next = this.createSession(session.failedAttemptsAtSignIn);
    return { session: next, body: this.describe(next) };
  }

  private prune(): void {
    const limit = this.options.sessionIdleSeconds * 1000;
    const now = this.now();
    for (const [id, s] of this.sessions) if (now - s.lastSeenAt > limit) this.sessions.delete(id);
  }

  get sessionCount(): number {
    return this.sessions.size;
  }
}
