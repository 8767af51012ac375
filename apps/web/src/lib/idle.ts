import { useEffect, useRef } from 'react';

/** (ours) Idle time before the screen locks: shorter on the shared kiosk screen. */
export const IDLE_LOCK_SECONDS = 10 * 60;
export const KIOSK_IDLE_LOCK_SECONDS = 2 * 60;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/** The lock delay: ours, but never longer than the server's own idle timeout (minus a margin). */
export function idleLockSeconds(
  kiosk: boolean,
  serverIdleTimeoutSeconds: number | undefined,
): number {
  const ours = kiosk ? KIOSK_IDLE_LOCK_SECONDS : IDLE_LOCK_SECONDS;
  if (!serverIdleTimeoutSeconds || serverIdleTimeoutSeconds <= 0) return ours;
  return Math.max(30, Math.min(ours, serverIdleTimeoutSeconds - 30));
}

/**
 * Calls `onIdle` once after `seconds` without user activity. Checks a timestamp on an interval
 * rather than trusting one long timer, so a sleeping laptop or a throttled tab still locks.
 */
export function useIdleTimer(seconds: number, onIdle: () => void, enabled: boolean): void {
  const last = useRef(Date.now());
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    if (!enabled) return;
    last.current = Date.now();
    const touch = () => {
      last.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last.current >= seconds * 1000) {
        last.current = Date.now();
        callback.current();
      }
    }, 1000);
    return () => {
      for (const name of ACTIVITY_EVENTS)
        window.removeEventListener(name, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [seconds, enabled]);
}
