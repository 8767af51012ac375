import {
  issue,
  parseRouteMetric,
  ROUTE_METRIC_MAX,
  ROUTE_METRIC_MIN,
} from '@edgenet/network-config';
import type { Route } from '@edgenet/network-config/contract';
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { problemText } from '../../components/StateViews';
import { useToast } from '../../components/Toasts';
import { isApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useChangeRoutesMutation } from './exchange';

/**
 * A route's metric, changed in place: the pencil turns the cell into a number field; Enter saves
 * (one revision, POST /api/routes/batch with If-Match), Escape cancels. The server's rule (0–65535)
 * answers a bad value, shown as a toast with the core's message.
 */
export function MetricCell({ route, revision }: { route: Route; revision: number | undefined }) {
  const { t, formatNumber } = useI18n();
  const toast = useToast();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useChangeRoutesMutation({
    onSuccess: (_answer, { body }) => {
      const metric = body.changes[0]?.routeMetric ?? route.routeMetric;
      setDraft(null);
      toast({
        kind: 'success',
        title: {
          key: 'exchange.metricChanged',
          params: { destination: route.destinationPrefix, metric },
        },
      });
    },
    onError: (error) => {
      const issue = isApiError(error) ? error.issues[0] : undefined;
      toast({
        kind: 'error',
        title: { key: 'exchange.metricFailed' },
        body: issue
          ? issue.message
          : { en: problemText(error, 'en'), ja: problemText(error, 'ja') },
      });
      // A stale metric is decided again on the reloaded list.
      if (isApiError(error, 412)) setDraft(null);
    },
  });
  /** Saves the typed value; the core's metric rule answers at once when it is not 0–65535. */
  const submit = (typed: string) => {
    const value = typed.trim();
    if (value === String(route.routeMetric)) {
      setDraft(null);
      return;
    }
    const metric = parseRouteMetric(value === '' ? 'x' : value);
    if (metric === null) {
      const bad = issue('routeMetric', 'route.metricInvalid', {
        value,
        min: ROUTE_METRIC_MIN,
        max: ROUTE_METRIC_MAX,
      });
      // Formatted when shown, in the language then in use (the core's Japanese loads on demand).
      toast({ kind: 'error', title: { key: 'exchange.metricFailed' }, body: { issue: bad } });
      return;
    }
    save.mutate({
      body: {
        removals: [],
        changes: [
          {
            interfaceAlias: route.interfaceAlias,
            destinationPrefix: route.destinationPrefix,
            routeMetric: metric,
          },
        ],
      },
      revision,
    });
  };
  const label = t('exchange.metricLabel', {
    destination: route.destinationPrefix,
    interface: route.interfaceAlias,
  });

  if (draft === null) {
    // The metric itself is the button (44 px tall), so the column stays as narrow as before.
    return (
      <button
        type="button"
        className="button button--icon metric-button"
        aria-label={t('exchange.editMetric', {
          destination: route.destinationPrefix,
          interface: route.interfaceAlias,
        })}
        onClick={() => setDraft(String(route.routeMetric))}
      >
        <span>{formatNumber(route.routeMetric)}</span>
        <Icon name="edit" size={14} />
      </button>
    );
  }
  return (
    <span className="metric-cell">
      <input
        className="input metric-input"
        type="text"
        inputMode="numeric"
        // biome-ignore lint/a11y/noAutofocus: the field appears because the admin asked to edit it
        autoFocus
        aria-label={label}
        value={draft}
        disabled={save.isPending}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            setDraft(null);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            submit(draft);
          }
        }}
      />
      <button
        type="button"
        className="button button--icon"
        aria-label={t('exchange.saveMetric')}
        disabled={save.isPending}
        onClick={() => submit(draft)}
      >
        <Icon name="check" size={16} />
      </button>
    </span>
  );
}
