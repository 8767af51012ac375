import type { ComputeState } from '@edgenet/network-config';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';

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

/** The compute state as a badge, in the UI's language. */
export function ComputeStateBadge({ state }: { state: ComputeState }) {
  const { t } = useI18n();
  return <Badge tone={COMPUTE_STATE_TONE[state] ?? 'neutral'}>{t(`computeState.${state}`)}</Badge>;
}

/** "State: <badge>", as a page header shows it. */
export function ComputeStateLine({ state }: { state: ComputeState }) {
  const { t } = useI18n();
  return (
    <span className="state-line">
      <span>{t('overview.state')}:</span>
      <ComputeStateBadge state={state} />
    </span>
  );
}
