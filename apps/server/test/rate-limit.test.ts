import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/http/rate-limit';

function clock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('RateLimiter', () => {
  it('allows max requests per client and window, then says how long to wait', () => {
    const time = clock();
    const limiter = new RateLimiter(3, 60_000, time.now);
    expect([1, 2, 3].map(() => limiter.hit('10.0.0.1'))).toEqual([0, 0, 0]);
    expect(limiter.hit('10.0.0.1')).toBe(60);
    time.advance(59_200);
    expect(limiter.hit('10.0.0.1')).toBe(1); // 0.8 s left: rounded up, never 0
    expect(limiter.hit('10.0.0.2')).toBe(0); // another client has its own window
  });

  it('starts a new window once the old one is over', () => {
    const time = clock();
    const limiter = new RateLimiter(1, 60_000, time.now);
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.hit('a')).toBeGreaterThan(0);
    time.advance(60_000);
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.hit('a')).toBe(60);
  });

  it('keeps at most 10,000 clients, forgetting expired windows first, then the oldest', () => {
    const time = clock();
    const limiter = new RateLimiter(1, 60_000, time.now);
    for (let i = 0; i < 10_000; i++) limiter.hit(`old-${i}`);
    time.advance(30_000);
    limiter.hit('old-0'); // still limited: its window is live
    expect(limiter.hit('old-0')).toBe(30);
    expect(limiter.size).toBe(10_000);
    limiter.hit('new-1'); // full of live windows: the oldest one (old-0) goes
    expect(limiter.size).toBe(10_000);
    expect(limiter.hit('old-0')).toBe(0); // forgotten, so counted afresh (old-1 goes now)
    expect(limiter.hit('old-2')).toBe(30); // the others keep their count
    time.advance(30_000); // the first 10,000 windows are over now
    limiter.hit('new-2');
    expect(limiter.size).toBe(3); // new-1, old-0 and new-2
    expect(limiter.hit('old-5')).toBe(0);
  });
});
