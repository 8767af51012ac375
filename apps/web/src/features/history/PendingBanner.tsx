/**
 * The banner of a tentative change (SPEC §7.2), on every page: the countdown to the automatic
 * rollback, "Keep these settings" and "Revert now". It reads GET /api/pending (polled and on
 * focus), so it survives a reload and shows in every open tab; tabs also tell each other at once.
 */
import { useEffect, useState } from 'react';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toasts';
import { useI18n } from '../../lib/i18n';
import { useConfirmPendingMutation, usePendingChange, useRevertPendingMutation } from './queries';

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function PendingBanner() {
  const { t } = useI18n();
  const toast = useToast();
  const change = usePendingChange();
  const now = useNow(change !== null);

  const keep = useConfirmPendingMutation({
    onSuccess: () => toast({ kind: 'success', title: { key: 'pending.kept' } }),
  });
  const revert = useRevertPendingMutation({
    onSuccess: () => toast({ kind: 'success', title: { key: 'pending.reverted' } }),
  });

  if (!change) return null;
  const seconds = Math.max(0, Math.ceil((Date.parse(change.confirmBy) - now) / 1000));
  const busy = keep.isPending || revert.isPending;
  return (
    <section
      className="pending-banner"
      aria-labelledby="pending-banner-title"
      data-testid="pending-banner"
    >
      <Icon name="warning" size={22} />
      <div className="pending-banner-text">
        <h2 id="pending-banner-title" className="pending-banner-title">
          {t('pending.title', { revision: change.revision })}
        </h2>
        <p role="timer" aria-live="off">
          {seconds > 0 ? t('pending.countdown', { seconds }) : t('pending.expiring')}
        </p>
      </div>
      <div className="pending-banner-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => keep.mutate()}
        >
          {t('pending.keep')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => revert.mutate()}>
          {t('pending.revert')}
        </button>
      </div>
    </section>
  );
}
