import type { ReactNode } from 'react';
import { isApiError } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { Icon } from './Icon';

/** A placeholder that keeps roughly the space the content will take, so nothing jumps. */
export function Loading({ label, minHeight = 160 }: { label?: string; minHeight?: number }) {
  const { t } = useI18n();
  return (
    <div className="state state--loading" style={{ minHeight }} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  const problem = isApiError(error) ? error.problem : null;
  const detail =
    problem?.message?.[locale] ?? problem?.detail ?? (error instanceof Error ? error.message : '');
  return (
    <div className="state state--error" role="alert">
      <Icon name="error" size={24} />
      <div>
        <p className="state-title">{t('common.loadFailed')}</p>
        {detail ? <p className="state-detail">{detail}</p> : null}
        {onRetry ? (
          <button type="button" className="button" onClick={onRetry}>
            <Icon name="refresh" size={18} />
            {t('common.retry')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function EmptyState({
  title,
  children,
  icon = 'info',
}: {
  title: string;
  children?: ReactNode;
  icon?: 'info' | 'compute' | 'routes' | 'kubernetes';
}) {
  return (
    <div className="state state--empty">
      <Icon name={icon} size={32} />
      <div>
        <p className="state-title">{title}</p>
        {children ? <div className="state-detail">{children}</div> : null}
      </div>
    </div>
  );
}

// Lives in lib/ (lib imports no components); re-exported here for the pages that import it with
// the state views.
export { problemText } from '../lib/problem-text';
