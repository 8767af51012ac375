import { useI18n } from '../lib/i18n';
import { Icon } from './Icon';

/**
 * A 412 answer: someone (another admin, another tab) changed the configuration since this form
 * was loaded. Nothing typed is lost; "Reload" fetches the latest configuration and keeps the
 * typed values on top of it, so the admin can review them against the new state and apply again.
 */
export function ConflictNotice({
  onReload,
  reloading,
}: {
  onReload: () => void;
  reloading?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="notice notice--warning" role="alert">
      <Icon name="warning" />
      <div>
        <p className="notice-title">{t('conflict.title')}</p>
        <p>{t('conflict.body')}</p>
        <button
          type="button"
          className="button"
          onClick={onReload}
          disabled={reloading}
          aria-busy={reloading || undefined}
        >
          <Icon name="refresh" size={18} />
          {t('conflict.reload')}
        </button>
      </div>
    </div>
  );
}

/** Shown once the reload has happened: the typed values are now based on the latest revision. */
export function RebasedNotice() {
  const { t } = useI18n();
  return (
    <div className="notice notice--info" role="status">
      <Icon name="info" />
      <p>{t('conflict.rebased')}</p>
    </div>
  );
}
