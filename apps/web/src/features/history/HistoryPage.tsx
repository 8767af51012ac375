/**
 * History (SPEC §7.1): every revision newest first (who, from where, when, what — in the UI's
 * language), two revisions compared side by side, and Restore behind a confirmation that shows
 * what will change.
 */
import type { RevisionSummary } from '@edgenet/network-config/contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormFailure } from '../../components/FieldIssues';
import { PageHeader, Section } from '../../components/PageHeader';
import { SelectField } from '../../components/SelectField';
import { ErrorState, Loading } from '../../components/StateViews';
import { useToast } from '../../components/Toasts';
import { isApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { DiffView } from './DiffView';
import { historyQueries, useRestoreRevisionMutation } from './queries';

export function HistoryPage() {
  const { t, locale, formatDateTime } = useI18n();
  const list = useQuery(historyQueries.list());
  const revisions = list.data?.revisions ?? [];
  const latest = list.data?.revision ?? 0;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<RevisionSummary | null>(null);

  const a = from ?? revisions[1]?.number ?? revisions[0]?.number ?? 0;
  const b = to ?? revisions[0]?.number ?? 0;
  const compare = useQuery({ ...historyQueries.diff(a, b), enabled: a > 0 && b > 0 });

  if (list.isPending) return <Loading minHeight={320} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  const label = (n: number) => t('history.revision', { number: n });
  return (
    <div className="page">
      <PageHeader title={t('history.title')} description={t('history.description')} />
      <Section title={t('history.listTitle')}>
        <div className="table-wrap">
          <table className="data-table history-table">
            <caption className="visually-hidden">{t('history.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.number')}</th>
                <th scope="col">{t('history.summary')}</th>
                <th scope="col">{t('history.source')}</th>
                <th scope="col">{t('history.time')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('history.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr key={r.number}>
                  <td data-label={t('history.number')}>{r.number}</td>
                  <td data-label={t('history.summary')}>
                    {r.summaries[locale]}
                    <div className="history-author">{r.author}</div>
                  </td>
                  <td data-label={t('history.source')}>{t(`history.sourceName.${r.source}`)}</td>
                  <td data-label={t('history.time')}>{formatDateTime(r.createdAt)}</td>
                  <td>
                    {r.number === latest ? (
                      <span className="history-current">{t('history.current')}</span>
                    ) : (
                      <button
                        type="button"
                        className="button"
                        onClick={() => setRestoring(r)}
                        aria-label={t('history.restoreLabel', { number: r.number })}
                      >
                        {t('history.restore')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title={t('history.compareTitle')}>
        <div className="form-grid history-compare">
          {[
            { end: 'from', label: t('history.from'), value: a, onChange: setFrom },
            { end: 'to', label: t('history.to'), value: b, onChange: setTo },
          ].map((end) => (
            <SelectField
              key={end.end}
              label={end.label}
              inputClass="input"
              value={String(end.value)}
              onValueChange={(value) => end.onChange(Number(value))}
            >
              {revisions.map((r) => (
                <option key={r.number} value={r.number}>
                  {label(r.number)} — {r.summaries[locale]}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
        {compare.data ? (
          <DiffView
            diff={compare.data.diff}
            fromLabel={label(a)}
            toLabel={label(b)}
            caption={t('history.compareCaption', { from: a, to: b })}
          />
        ) : compare.isError ? (
          <ErrorState error={compare.error} onRetry={() => void compare.refetch()} />
        ) : (
          <Loading minHeight={80} />
        )}
      </Section>
      {restoring ? (
        <RestoreDialog target={restoring} current={latest} onClose={() => setRestoring(null)} />
      ) : null}
    </div>
  );
}

function RestoreDialog({
  target,
  current,
  onClose,
}: {
  target: RevisionSummary;
  current: number;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const preview = useQuery(historyQueries.diff(current, target.number));
  const [failure, setFailure] = useState<string | null>(null);
  const restore = useRestoreRevisionMutation({
    onSuccess: () => {
      toast({
        kind: 'success',
        title: { key: 'history.restored', params: { number: target.number } },
      });
      onClose();
    },
    onError: (error) => {
      if (isApiError(error)) {
        const issues = error.problem?.issues ?? [];
        const detail = error.problem?.message?.[locale] ?? error.message;
        setFailure([detail, ...issues.map((i) => `${i.path}: ${i.message[locale]}`)].join(' '));
      } else setFailure(String(error));
    },
  });
  return (
    <ConfirmDialog
      open
      title={t('history.restoreTitle', { number: target.number })}
      confirmLabel={t('history.restore')}
      busy={restore.isPending}
      onConfirm={() =>
        restore.mutate({
          number: target.number,
          revision: current,
          acknowledge: ['port.managementChange'],
        })
      }
      onCancel={onClose}
    >
      <p>{t('history.restoreBody', { number: target.number, current })}</p>
      {preview.data ? (
        <DiffView
          diff={preview.data.diff}
          fromLabel={t('history.now')}
          toLabel={t('history.afterRestore')}
          caption={t('history.restoreTitle', { number: target.number })}
        />
      ) : (
        <Loading minHeight={60} />
      )}
      <FormFailure message={failure} />
    </ConfirmDialog>
  );
}
