import type { ImportAnswer, PreviewRowDoc } from '@edgenet/network-config/contract/exchange';
import { type ChangeEvent, useId, useState } from 'react';
import { Badge } from '../../components/Badge';
import { Blade } from '../../components/Blade';
import { FormFailure } from '../../components/FieldIssues';
import { SelectField } from '../../components/SelectField';
import { problemText } from '../../components/StateViews';
import { FieldFrame } from '../../components/TextField';
import { useToast } from '../../components/Toasts';
import { isApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import {
  formatOfFile,
  IMPORT_CHOICES,
  type ImportChoice,
  type ImportText,
  useApplyImportMutation,
  usePreviewImportMutation,
} from './exchange';

/** How many preview rows to draw; rows with a problem are always drawn. */
const ROWS_SHOWN = 300;

const TONES = { add: 'success', change: 'warning', remove: 'error', unchanged: 'neutral' } as const;

/**
 * Import (SPEC §7.3): paste or pick a file → Preview (the server reads every line and says what it
 * would do, with each line's problems) → fix the text → Preview again → Apply, one revision.
 * Apply is only offered for the text exactly as previewed, and only when no line has an error.
 */
export function ImportBlade({ onClose }: { onClose: () => void }) {
  const { t, locale, formatNumber } = useI18n();
  const toast = useToast();
  const ids = useId();
  const [format, setFormat] = useState<ImportChoice>('ps1');
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ key: string; answer: ImportAnswer } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const key = `${format}|${mode}|${text}`;
  const current = preview?.key === key ? preview.answer : null;

  // The preview belongs to the text as it was sent, even if the admin types on meanwhile.
  const run = usePreviewImportMutation<ImportText & { key: string }>({
    onSuccess: (answer, sent) => {
      setFailure(null);
      setPreview({ key: sent.key, answer });
    },
    onError: (error) => {
      setPreview(null);
      setFailure(problemText(error, locale));
    },
  });

  const apply = useApplyImportMutation({
    onSuccess: (answer) => {
      const { add, change, remove } = answer.counts;
      toast({
        kind: 'success',
        title: answer.applied
          ? { key: 'exchange.imported', params: { add, change, remove, revision: answer.revision } }
          : { key: 'exchange.nothingToImport' },
      });
      onClose();
    },
    onError: (error) => {
      setFailure(isApiError(error, 412) ? t('exchange.staleRevision') : problemText(error, locale));
      // The configuration moved on, or a rule now fails: preview again against the device as it is
      // (the write has reloaded it by now).
      runPreview();
    },
  });

  function runPreview() {
    run.mutate({ key, format, mode, text });
  }

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const guessed = formatOfFile(file.name);
    if (guessed) setFormat(guessed);
    setText(await file.text());
    event.target.value = '';
  };

  const counts = current?.counts;
  const canApply =
    current !== null &&
    counts !== undefined &&
    counts.errors === 0 &&
    counts.add + counts.change + counts.remove > 0;
  const rows: PreviewRowDoc[] = current
    ? current.rows.filter((row, i) => i < ROWS_SHOWN || row.issues.length > 0)
    : [];

  return (
    <Blade
      open
      wide
      title={t('exchange.importTitle')}
      subtitle={t('exchange.importSubtitle')}
      onClose={onClose}
      footer={
        <>
          <button
            type="button"
            className="button"
            onClick={runPreview}
            disabled={text.trim() === '' || run.isPending}
            aria-busy={run.isPending || undefined}
          >
            {t('exchange.preview')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() =>
              current && apply.mutate({ text: { format, mode, text }, revision: current.revision })
            }
            disabled={!canApply || apply.isPending}
            aria-busy={apply.isPending || undefined}
          >
            {t('common.apply')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </>
      }
    >
      <div className="toolbar">
        <SelectField inline label={t('exchange.format')} value={format} onValueChange={setFormat}>
          {IMPORT_CHOICES.map((f) => (
            <option key={f} value={f}>
              {t(`exchange.importFormat.${f}`)}
            </option>
          ))}
        </SelectField>
        <SelectField inline label={t('exchange.mode')} value={mode} onValueChange={setMode}>
          <option value="merge">{t('exchange.mode.merge')}</option>
          <option value="replace">{t('exchange.mode.replace')}</option>
        </SelectField>
        <FieldFrame id={`${ids}-file`} label={t('exchange.file')} className="field--inline">
          <input
            id={`${ids}-file`}
            className="input input--file"
            type="file"
            accept=".ps1,.csv,.json,.txt,.ip,.batch,text/plain,application/json"
            onChange={(e) => void pickFile(e)}
          />
        </FieldFrame>
      </div>
      <FieldFrame id={`${ids}-text`} label={t('exchange.text')}>
        <textarea
          id={`${ids}-text`}
          className="input textarea--code"
          rows={8}
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t(`exchange.placeholder.${format}`)}
        />
      </FieldFrame>
      <div aria-live="polite">
        <FormFailure message={failure} />
        {preview && !current ? <p className="field-hint">{t('exchange.previewStale')}</p> : null}
        {counts ? (
          <p className="import-summary" data-testid="import-summary">
            {t('exchange.summary', {
              add: counts.add,
              change: counts.change,
              remove: counts.remove,
              unchanged: counts.unchanged,
              errors: counts.errors,
              warnings: counts.warnings,
            })}
          </p>
        ) : null}
      </div>
      {current ? (
        <div className="import-preview table-wrap table-wrap--stack-sm">
          <table className="data-table" aria-label={t('exchange.previewTable')}>
            <thead>
              <tr>
                <th scope="col">{t('exchange.line')}</th>
                <th scope="col">{t('exchange.action')}</th>
                <th scope="col">{t('exchange.route')}</th>
                <th scope="col">{t('exchange.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const hasError = row.issues.some((x) => x.severity === 'error');
                const r = row.route;
                return (
                  <tr
                    // biome-ignore lint/suspicious/noArrayIndexKey: one preview's rows never reorder; two statements may share a line
                    key={`${row.line ?? 'r'}-${i}`}
                    className={hasError ? 'import-row import-row--error' : 'import-row'}
                  >
                    <td>{row.line === null ? '—' : formatNumber(row.line)}</td>
                    <td>
                      {row.action ? (
                        <Badge tone={hasError ? 'error' : TONES[row.action]}>
                          {t(`exchange.action.${row.action}`)}
                        </Badge>
                      ) : (
                        <Badge tone="error">{t('exchange.action.unreadable')}</Badge>
                      )}
                    </td>
                    <td className="import-route">
                      {r ? (
                        <>
                          <code>{`${r.interfaceAlias} ${r.destinationPrefix}`}</code>{' '}
                          {t('exchange.via', { nextHop: r.nextHop, metric: r.routeMetric })}
                        </>
                      ) : (
                        <code className="import-text">{row.text}</code>
                      )}
                    </td>
                    <td>
                      {row.issues.length === 0 ? null : (
                        <ul className="import-issues">
                          {row.issues.map((x) => (
                            <li
                              key={`${x.path}|${x.code}`}
                              className={x.severity === 'error' ? 'issue-error' : 'issue-warning'}
                            >
                              {row.line === null
                                ? x.message[locale]
                                : t('exchange.lineIssue', {
                                    line: row.line,
                                    message: x.message[locale],
                                  })}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length < current.rows.length ? (
            <p className="field-hint">
              {t('exchange.rowsHidden', { shown: rows.length, total: current.rows.length })}
            </p>
          ) : null}
        </div>
      ) : null}
    </Blade>
  );
}
