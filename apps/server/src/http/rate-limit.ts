/**
 * Request limits per client: a fixed one-minute window per client address. Synchronous, one Map
 * read per request, so it can sit in the one security hook every request passes (ADR 0007: the
 * plugin it replaces cost a tenth of a cheap request's throughput in its promise chain).
 */

/** Windows kept at most; past this, expired ones are swept, then the oldest dropped. */
const MAX_CLIENTS = 10_000;

interface Window {
  count: number;
  resetAt: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    /** Requests allowed per window and client. */
    readonly max: number,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `client`: 0 when allowed, else the whole seconds until it will be. */
  hit(client: string): number {
    const now = this.now();
    let window = this.windows.get(client);
    if (window === undefined || window.resetAt <= now) {
      if (window === undefined) {
        if (this.windows.size >= MAX_CLIENTS) this.sweep(now);
      } else {
        this.windows.delete(client); // re-inserted last: the Map stays in order of window start
      }
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(client, window);
    }
    window.count++;
    return window.count > this.max ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : 0;
  }

  /** Clients with a window, expired or not (for tests and memory checks). */
  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    for (const [client, window] of this.windows) {
      if (window.resetAt <= now) this.windows.delete(client);
    }
    // Still full of live windows (many clients at once): forget the oldest.
    for (const client of this.windows.keys()) {
      if (this.windows.size < MAX_CLIENTS) break;
      this.windows.delete(client);
    }
  }
}
