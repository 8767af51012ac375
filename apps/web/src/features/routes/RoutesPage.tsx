import type { Route } from '@edgenet/network-config/contract';
import { useQuery } from '@tanstack/react-query';
import { memo, useEffect, useId, useState } from 'react';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { PageHeader, Section } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading, problemText } from '../../components/StateViews';
import { useToast } from '../../components/Toasts';
import { type TableSort, type VirtualColumn, VirtualTable } from '../../components/VirtualTable';
import { isApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { sharedQueries } from '../../lib/queries';
import { AddRouteBlade } from './AddRouteBlade';
import { EffectiveRoutes } from './EffectiveRoutes';
import { ExportMenu } from './ExportMenu';
import { useChangeRoutesMutation } from './exchange';
import { ImportBlade } from './ImportBlade';
import { LookupTester } from './LookupTester';
import { MetricCell } from './MetricCell';
import { useRemoveRouteMutation } from './queries';
import { destinationColumns } from './split';
import { useRoutePages } from './useRoutePages';

const routeKeyOf = (r: Pick<Route, 'interfaceAlias' | 'destinationPrefix'>) =>
  `${r.interfaceAlias}|${r.destinationPrefix}`;

/**
 * The sections below the custom routes re-render only when the configuration changes, not on each
 * key typed into the filter: with 100,000 routes the effective table's virtualizer re-measures all
 * of them on every render.
 */
const StableEffectiveRoutes = memo(EffectiveRoutes);
const StableLookupTester = memo(LookupTester);

/** Custom routes (Get-/Add-/Remove-HcsNetRoute), the VMs' effective tables, and the lookup tester. */
export function RoutesPage() {
  const { t, locale, issueText } = useI18n();
  const toast = useToast();
  const ids = useId();
  const [interfaceAlias, setInterfaceAlias] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  /** The table's order, kept here: the server sorts (ADR 0042). */
  const [sort, setSort] = useState<TableSort | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Route | null>(null);
  const [importing, setImporting] = useState(false);
  /** Routes ticked for a bulk removal, by `interfaceAlias|destinationPrefix` (on any page). */
  const [selected, setSelected] = useState<ReadonlyMap<string, Route>>(new Map());
  const [removingSelected, setRemovingSelected] = useState(false);

  // Filter as you type (every visible column's text, case-insensitive), on the server. Asked for
  // before the configuration, so the first rows do not wait behind it (ADR 0042).
  const routes = useRoutePages({ interfaceAlias, filter, sort });
  const config = useQuery(sharedQueries.config());
  const all = routes.all;

  const remove = useRemoveRouteMutation({
    onSuccess: (_, { route }) => {
      setRemoving(null);
      toast({
        kind: 'success',
        title: {
          key: 'routes.removed',
          params: { destination: route.destinationPrefix, interface: route.interfaceAlias },
        },
      });
    },
    onError: (error) => {
      setRemoving(null);
      // Nothing was typed, so the list can simply be reloaded; the admin decides again on fresh data.
      if (isApiError(error, 412))
        toast({
          kind: 'warning',
          title: { key: 'conflict.title' },
          body: { key: 'routes.removeStale' },
        });
      else if (isApiError(error, 404))
        toast({ kind: 'warning', title: { key: 'routes.removeGone' } });
      else
        toast({
          kind: 'error',
          title: { key: 'routes.removeFailed' },
          body: { en: problemText(error, 'en'), ja: problemText(error, 'ja') },
        });
    },
  });

  // The list is paged, so a ticked route the page no longer shows stays ticked; one removed by its
  // own button leaves the selection here (the whole list used to drop it when it reloaded).
  const removed = remove.isSuccess ? remove.variables?.route : undefined;
  useEffect(() => {
    if (!removed) return;
    setSelected((before) => {
      if (!before.has(routeKeyOf(removed))) return before;
      const next = new Map(before);
      next.delete(routeKeyOf(removed));
      return next;
    });
  }, [removed]);
  const selectedRoutes = [...selected.values()];
  const toggle = (route: Route) =>
    setSelected((before) => {
      const next = new Map(before);
      const key = routeKeyOf(route);
      if (next.has(key)) next.delete(key);
      else next.set(key, route);
      return next;
    });
  const removeSelected = useChangeRoutesMutation({
    onSuccess: (answer) => {
      setRemovingSelected(false);
      setSelected(new Map());
      toast({
        kind: 'success',
        title: { key: 'exchange.removedSelected', params: { count: answer.removed } },
      });
    },
    onError: (error) => {
      setRemovingSelected(false);
      toast({
        kind: isApiError(error, 412) ? 'warning' : 'error',
        title: { key: isApiError(error, 412) ? 'conflict.title' : 'routes.removeFailed' },
        body: { en: problemText(error, 'en'), ja: problemText(error, 'ja') },
      });
    },
  });

  const columns: VirtualColumn<Route>[] = [
    {
      id: 'select',
      header: t('exchange.select'),
      hideHeader: true,
      width: '3.75rem',
      // The label is the 44 px touch target around the small checkbox.
      cell: (r) => (
        <label className="select-target">
          <input
            type="checkbox"
            className="select-box"
            checked={selected.has(routeKeyOf(r))}
            onChange={() => toggle(r)}
            aria-label={t('exchange.selectRoute', {
              destination: r.destinationPrefix,
              interface: r.interfaceAlias,
            })}
          />
        </label>
      ),
    },
    ...destinationColumns<Route>(t),
    {
      id: 'nextHop',
      header: t('routes.nextHop'),
      width: 'minmax(9rem, 1.2fr)',
      cell: (r) => r.nextHop,
      sortable: true,
    },
    {
      id: 'interface',
      header: t('routes.interface'),
      width: 'minmax(5.5rem, 0.7fr)',
      cell: (r) => r.interfaceAlias,
      sortable: true,
    },
    {
      id: 'metric',
      header: t('routes.metric'),
      width: 'minmax(5.25rem, 0.6fr)',
      cell: (r) => <MetricCell route={r} revision={routes.revision} />,
      sortable: true,
    },
    {
      id: 'status',
      header: t('routes.status'),
      width: 'minmax(8rem, 2fr)',
      // Active first; the route's warnings (e.g. inside its port's own subnet) stay in view here
      // after the add, not only in the notice the add showed.
      sortable: true,
      cell: (r) => (
        <span className="status-cell">
          {r.status.active ? (
            <Badge tone="success">{t('routes.active')}</Badge>
          ) : (
            <>
              <Badge tone="neutral">{t('routes.inactive')}</Badge>
              {r.status.reason ? (
                <span className="status-reason">{r.status.reason.message[locale]}</span>
              ) : null}
            </>
          )}
          {r.warnings?.map((w) => (
            <span key={`${w.code}|${w.path}`} className="route-warning" data-code={w.code}>
              <Icon name="warning" size={14} />
              <span>{issueText(w)}</span>
            </span>
          ))}
        </span>
      ),
    },
    {
      id: 'actions',
      header: t('common.actions'),
      hideHeader: true,
      width: '3.5rem',
      cell: (r) => (
        <button
          type="button"
          className="button button--icon"
          onClick={() => setRemoving(r)}
          aria-label={t('routes.removeLabel', {
            destination: r.destinationPrefix,
            interface: r.interfaceAlias,
          })}
        >
          <Icon name="remove" size={18} />
        </button>
      ),
    },
  ];

  const ports = config.data?.ports ?? [];
  const defaultInterface =
    interfaceAlias ??
    config.data?.compute.computePort ??
    ports.find((p) => p.ipEnabled && !p.dhcp)?.name ??
    ports[0]?.name ??
    '';

  return (
    <div className="page">
      <PageHeader
        title={t('routes.title')}
        description={t('routes.description')}
        actions={
          <>
            <ExportMenu />
            <IconButton icon="upload" onClick={() => setImporting(true)} disabled={!config.data}>
              {t('exchange.import')}
            </IconButton>
            <IconButton icon="add" primary onClick={() => setAdding(true)} disabled={!config.data}>
              {t('routes.addTitle')}
            </IconButton>
          </>
        }
      />
      <Section title={t('routes.custom')}>
        <div className="toolbar">
          <div className="field field--inline">
            <label htmlFor={`${ids}-iface`} className="field-label">
              {t('routes.interface')}
            </label>
            <select
              id={`${ids}-iface`}
              className="select"
              value={interfaceAlias ?? ''}
              onChange={(e) => setInterfaceAlias(e.target.value || null)}
            >
              <option value="">{t('routes.allInterfaces')}</option>
              {ports.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--inline field--grow">
            <label htmlFor={`${ids}-filter`} className="field-label">
              {t('routes.filter')}
            </label>
            <input
              id={`${ids}-filter`}
              className="input"
              type="search"
              autoComplete="off"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              placeholder={t('routes.filterPlaceholder')}
            />
          </div>
          <p className="toolbar-count" aria-live="polite">
            {all !== undefined
              ? t('routes.showing', { shown: routes.total, total: all })
              : '\u00a0'}
          </p>
          {selectedRoutes.length > 0 ? (
            <>
              <button
                type="button"
                className="button button--danger"
                onClick={() => setRemovingSelected(true)}
              >
                <Icon name="remove" size={18} />
                {t('exchange.removeSelected', { count: selectedRoutes.length })}
              </button>
              <button type="button" className="button" onClick={() => setSelected(new Map())}>
                {t('exchange.clearSelection')}
              </button>
            </>
          ) : null}
        </div>
        {routes.isPending ? (
          <Loading minHeight={360} />
        ) : routes.isError ? (
          <ErrorState error={routes.error} onRetry={() => void routes.refetch()} />
        ) : (
          <VirtualTable
            label={t('routes.custom')}
            columns={columns}
            rows={[]}
            remote={{
              count: routes.total,
              rowAt: routes.rowAt,
              version: routes.version,
              onRange: routes.onRange,
              sort,
              onSort: setSort,
            }}
            rowKey={(r) => `${r.interfaceAlias}|${r.destinationPrefix}`}
            className="routes-table"
            testId="routes-table"
            empty={
              <EmptyState title={all ? t('routes.noMatch') : t('routes.empty')} icon="routes">
                {all ? null : <p>{t('routes.emptyHint')}</p>}
              </EmptyState>
            }
          />
        )}
      </Section>

      {config.data ? <StableEffectiveRoutes config={config.data} /> : null}
      {config.data ? <StableLookupTester config={config.data} /> : null}

      {adding && config.data ? (
        <AddRouteBlade
          config={config.data}
          revision={config.data.revision}
          defaultInterface={defaultInterface}
          onClose={() => setAdding(false)}
        />
      ) : null}
      {importing ? <ImportBlade onClose={() => setImporting(false)} /> : null}
      <ConfirmDialog
        open={removingSelected}
        title={t('exchange.removeSelectedTitle', { count: selectedRoutes.length })}
        confirmLabel={t('routes.remove')}
        danger
        busy={removeSelected.isPending}
        onConfirm={() =>
          removeSelected.mutate({
            body: {
              removals: selectedRoutes.map((r) => ({
                interfaceAlias: r.interfaceAlias,
                destinationPrefix: r.destinationPrefix,
              })),
              changes: [],
            },
            revision: routes.revision,
          })
        }
        onCancel={() => setRemovingSelected(false)}
      >
        <p>{t('exchange.removeSelectedBody', { count: selectedRoutes.length })}</p>
        <ul className="import-issues">
          {selectedRoutes.slice(0, 8).map((r) => (
            <li key={routeKeyOf(r)}>
              <code>{`${r.interfaceAlias} ${r.destinationPrefix} → ${r.nextHop}`}</code>
            </li>
          ))}
          {selectedRoutes.length > 8 ? (
            <li>{t('exchange.andMore', { count: selectedRoutes.length - 8 })}</li>
          ) : null}
        </ul>
      </ConfirmDialog>
      <ConfirmDialog
        open={removing !== null}
        title={t('routes.removeTitle')}
        confirmLabel={t('routes.remove')}
        danger
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate({ route: removing, revision: routes.revision })}
        onCancel={() => setRemoving(null)}
      >
        {removing ? (
          <>
            <p>
              {t('routes.removeBody', {
                destination: removing.destinationPrefix,
                interface: removing.interfaceAlias,
                nextHop: removing.nextHop,
              })}
            </p>
            <code className="cmdlet-inline">
              Remove-HcsNetRoute -InterfaceAlias "{removing.interfaceAlias}" -DestinationPrefix "
              {removing.destinationPrefix}"
            </code>
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
