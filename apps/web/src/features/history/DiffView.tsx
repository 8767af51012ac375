/**
 * A readable diff of two revisions, from the core's structured diff: one row per change —
 * what (a port, compute, a route, …), the field, before and after, and whether it was added,
 * removed or changed.
 */
import type { ConfigDiff } from '@edgenet/network-config';
import { useI18n } from '../../lib/i18n';

interface Row {
  kind: 'added' | 'removed' | 'changed';
  what: string;
  field: string;
  before: string;
  after: string;
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.join(', ') || '—';
  if (value && typeof value === 'object' && 'start' in value && 'end' in value) {
    const r = value as { start: unknown; end: unknown };
    return `${String(r.start)}–${String(r.end)}`;
  }
  return JSON.stringify(value);
}

function itemName(section: string, item: Record<string, unknown>, keyFields?: string[]): string {
  const keys =
    keyFields ?? (section === 'routes' ? ['interfaceAlias', 'destinationPrefix'] : ['name']);
  return `${section}: ${keys.map((k) => String(item[k] ?? '')).join(' ')}`;
}

function describeItem(item: Record<string, unknown>, keyFields: string[]): string {
  return Object.entries(item)
    .filter(([k]) => !keyFields.includes(k))
    .map(([k, v]) => `${k} ${show(v)}`)
    .join(', ');
}

export function diffRows(diff: ConfigDiff): Row[] {
  const rows: Row[] = [];
  for (const change of diff.values) {
    rows.push({
      kind:
        change.before === undefined ? 'added' : change.after === undefined ? 'removed' : 'changed',
      what: change.field,
      field: '',
      before: show(change.before),
      after: show(change.after),
    });
  }
  for (const [section, fields] of Object.entries(diff.objects)) {
    for (const f of fields) {
      rows.push({
        kind: 'changed',
        what: section,
        field: f.field,
        before: show(f.before),
        after: show(f.after),
      });
    }
  }
  for (const [section, list] of Object.entries(diff.lists)) {
    for (const c of list.changed) {
      for (const f of c.fields) {
        rows.push({
          kind: 'changed',
          what: itemName(section, c.key, list.keyFields),
          field: f.field,
          before: show(f.before),
          after: show(f.after),
        });
      }
    }
    for (const item of list.added) {
      rows.push({
        kind: 'added',
        what: itemName(section, item, list.keyFields),
        field: '',
        before: '',
        after: describeItem(item, list.keyFields),
      });
    }
    for (const item of list.removed) {
      rows.push({
        kind: 'removed',
        what: itemName(section, item, list.keyFields),
        field: '',
        before: describeItem(item, list.keyFields),
        after: '',
      });
    }
  }
  return rows;
}

export function DiffView({
  diff,
  fromLabel,
  toLabel,
  caption,
}: {
  diff: ConfigDiff;
  fromLabel: string;
  toLabel: string;
  caption: string;
}) {
  const { t } = useI18n();
  const rows = diffRows(diff);
  if (rows.length === 0) return <p className="notice notice--info">{t('history.noDifference')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table diff-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.change')}</th>
            <th scope="col">{t('history.what')}</th>
            <th scope="col">{fromLabel}</th>
            <th scope="col">{toLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
            <tr key={i} className={`diff-row diff-row--${row.kind}`}>
              <td data-label={t('history.change')}>{t(`history.kind.${row.kind}`)}</td>
              <td data-label={t('history.what')}>
                {row.what}
                {row.field ? <span className="diff-field"> · {row.field}</span> : null}
              </td>
              <td className="diff-before" data-label={fromLabel}>
                <span className="diff-value">{row.before}</span>
              </td>
              <td className="diff-after" data-label={toLabel}>
                <span className="diff-value">{row.after}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
