import type { ReactNode } from 'react';

export type Tone = 'success' | 'error' | 'warning' | 'neutral' | 'info';

/** A status pill: text always says the state, the colour only repeats it. */
export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

/** The tone of a compute state badge (NotConfigured → Configuring → Configured, or Failed). */
export const COMPUTE_STATE_TONE: Record<string, Tone> = {
  NotConfigured: 'neutral',
  Configuring: 'info',
  Configured: 'success',
  Failed: 'error',
};
