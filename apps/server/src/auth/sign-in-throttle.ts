/**
 * Sign-in throttling that an attacker cannot turn against the admin (issue 10, ADR 0010).
 *
 * - Per source (the client address; IPv6 by its /64, which one host usually holds whole): each
 *   failure in a row doubles the next answer's delay, and `threshold` in a row lock that source
 *   out for `lockoutSeconds`. Other sources are unaffected: the admin's right password from
 *   elsewhere is still checked.
 * - Per source, at most `MAX_IN_FLIGHT_PER_SOURCE` checks at once (the rest get 429 at once), so
 *   one source can never fill the shared queue of password checks.
 * - Globally: past `globalCeiling` failures in the last minute (from every source), every check
 *   waits `globalDelayMs` first — everyone is slowed, nobody is locked, and it wears off a minute
 *   after the failures stop.
 *
 * State is in memory (a restart forgets it, as it forgets rate limits); the count of failures
 * since the last good sign-in, shown to the admin, stays in the store.
 */

/** Sources remembered at most (oldest forgotten first): bounded memory under address spraying. */
const MAX_SOURCES = 10_000;
export const MAX_IN_FLIGHT_PER_SOURCE = 2;
const GLOBAL_WINDOW_MS = 60_000;

export interface ThrottleOptions {
  threshold: number;
  lockoutSeconds: number;
  /** Delay after a source's first failure, doubled per failure in a row, at most `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Failures per minute from all sources before everyone is slowed; 0 disables. */
  globalCeiling: number;
  globalDelayMs: number;
}

interface SourceState {
  failures: number;
  lockedUntil: number;
  inFlight: number;
}

/** The throttling key of an address: IPv4 (also IPv4-mapped IPv6) whole, IPv6 by its /64. */
export function sourceKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1] as string;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [''];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

export type Admission =
  | { kind: 'go'; globalDelayMs: number }
  | { kind: 'locked'; retryAfterSeconds: number }
  | { kind: 'busy' };

export class SignInThrottle {
  private readonly sources = new Map<string, SourceState>();
  /** Times of recent failures from every source (at most `globalCeiling` + 1 kept). */
  private recentFailures: number[] = [];

  constructor(
    readonly options: ThrottleOptions,
    private readonly now: () => number = Date.now,
  ) {}

  private state(key: string): SourceState {
    let state = this.sources.get(key);
    if (!state) {
      if (this.sources.size >= MAX_SOURCES) this.forgetOldest();
      state = { failures: 0, lockedUntil: 0, inFlight: 0 };
      this.sources.set(key, state);
    }
    return state;
  }

  private forgetOldest(): void {
    for (const [key, state] of this.sources) {
      if (state.inFlight > 0) continue;
      this.sources.delete(key);
      if (this.sources.size < MAX_SOURCES) return;
    }
  }

  private globalFailures(): number {
    const since = this.now() - GLOBAL_WINDOW_MS;
    if (this.recentFailures.length > 0 && (this.recentFailures[0] as number) <= since) {
      this.recentFailures = this.recentFailures.filter((t) => t > since);
    }
    return this.recentFailures.length;
  }

  /** May `address` have its password checked now? `go` reserves a slot: call `done` after. */
  admit(address: string): Admission {
    const state = this.state(sourceKey(address));
    const now = this.now();
    if (state.lockedUntil > now) {
      return { kind: 'locked', retryAfterSeconds: Math.ceil((state.lockedUntil - now) / 1000) };
    }
    if (state.inFlight >= MAX_IN_FLIGHT_PER_SOURCE) return { kind: 'busy' };
    state.inFlight++;
    const { globalCeiling, globalDelayMs } = this.options;
    const slowed = globalCeiling > 0 && this.globalFailures() >= globalCeiling;
    return { kind: 'go', globalDelayMs: slowed ? globalDelayMs : 0 };
  }

  /** Ends an admitted check. */
  done(address: string): void {
    const state = this.sources.get(sourceKey(address));
    if (state && state.inFlight > 0) state.inFlight--;
  }

  /** A good password from `address`: its failures are forgotten. */
  succeeded(address: string): void {
    const key = sourceKey(address);
    const state = this.sources.get(key);
    if (state) {
      state.failures = 0;
      state.lockedUntil = 0;
    }
  }

  /**
   * A wrong password from `address`: the delay to serve before answering, or the lockout it
   * starts (in seconds).
   */
  failed(address: string): { delayMs: number; failures: number; lockedSeconds: number } {
    const state = this.state(sourceKey(address));
    const now = this.now();
    if (this.options.globalCeiling > 0) {
      this.recentFailures.push(now);
      if (this.recentFailures.length > this.options.globalCeiling + 1) this.recentFailures.shift();
    }
    state.failures++;
    const failures = state.failures;
    if (failures >= this.options.threshold) {
      state.failures = 0;
      state.lockedUntil = now + this.options.lockoutSeconds * 1000;
      return { delayMs: 0, failures, lockedSeconds: this.options.lockoutSeconds };
    }
    const delayMs = Math.min(
      this.options.maxDelayMs,
      this.options.baseDelayMs * 2 ** (failures - 1),
    );
    return { delayMs, failures, lockedSeconds: 0 };
  }

  get sourceCount(): number {
    return this.sources.size;
  }
}
