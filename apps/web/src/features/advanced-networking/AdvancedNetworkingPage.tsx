import type { VirtualNetworkDoc, VirtualSwitchDoc } from '@edgenet/network-config/contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type Column, DataTable } from '../../components/DataTable';
import { FormFailure } from '../../components/FieldIssues';
import { Icon } from '../../components/Icon';
import { PageHeader, Section } from '../../components/PageHeader';
import { ErrorState, Loading, problemText } from '../../components/StateViews';
import { useToast } from '../../components/Toasts';
import { useI18n } from '../../lib/i18n';
import { useDeviceConfig } from '../../lib/queries';
import { NetworkBlade } from './NetworkBlade';
import { useDeleteVirtualMutation, virtualSwitchQueries } from './queries';
import { SwitchBlade } from './SwitchBlade';

type Editing =
  | { kind: 'switch'; existing: VirtualSwitchDoc | null }
  | { kind: 'network'; switchName: string; existing: VirtualNetworkDoc | null }
  | null;

type Deleting =
  | { kind: 'switch'; sw: VirtualSwitchDoc }
  | { kind: 'network'; switchName: string; name: string }
  | null;

/**
 * The firmware 2023 Advanced networking page (SPEC §8): virtual switches (Add / Modify / Delete in
 * a side blade) and the virtual networks of each switch. Deleting asks first.
 */
export function AdvancedNetworkingPage() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const list = useQuery(virtualSwitchQueries.list());
  const config = useDeviceConfig();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Deleting>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const revision = list.data?.revision ?? 0;
  const yesNo = (v: boolean) => (v ? t('advnet.yes') : t('advnet.no'));

  const remove = useDeleteVirtualMutation({
    onSuccess: (target) => {
      toast({
        kind: 'success',
        title:
          target.kind === 'switch'
            ? { key: 'advnet.deleted', params: { name: target.name } }
            : { key: 'advnet.networkDeleted', params: { name: target.name } },
      });
      setDeleting(null);
      setFailure(null);
    },
    onError: (error) => {
      setDeleting(null);
      setFailure(problemText(error, locale));
    },
  });

  /** A row's Modify and Delete, named for the row (the visible words are the same on every row). */
  const actionsColumn = <T extends { name: string }>(
    kind: 'Switch' | 'Network',
    onModify: (row: T) => void,
    onDelete: (row: T) => void,
  ): Column<T> => ({
    id: 'actions',
    header: t('common.actions'),
    hideHeader: true,
    cell: (row) => (
      <span className="actions">
        {actionButton(
          t(`advnet.modify${kind}`, { name: row.name }),
          'edit',
          t('advnet.modify'),
          () => onModify(row),
        )}
        {actionButton(
          t(`advnet.delete${kind}`, { name: row.name }),
          'remove',
          t('advnet.delete'),
          () => onDelete(row),
        )}
      </span>
    ),
  });

  const switchColumns: Column<VirtualSwitchDoc>[] = [
    {
      id: 'name',
      header: t('advnet.name'),
      cell: (s) => (
        <span className="port-name">
          {s.name}
          {s.enabledForCompute ? <Badge tone="info">{t('advnet.compute')}</Badge> : null}
        </span>
      ),
    },
    { id: 'port', header: t('advnet.interface'), cell: (s) => s.interfaceAlias },
    { id: 'mtu', header: t('advnet.mtu'), cell: (s) => String(s.mtu) },
    {
      id: 'accelerated',
      header: t('advnet.accelerated'),
      cell: (s) => yesNo(s.supportsAcceleratedNetworking),
    },
    {
      id: 'compute',
      header: t('advnet.enabledForCompute'),
      cell: (s) => yesNo(s.enabledForCompute),
    },
    actionsColumn(
      'Switch',
      (s) => setEditing({ kind: 'switch', existing: s }),
      (s) => setDeleting({ kind: 'switch', sw: s }),
    ),
  ];

  const networkColumns = (sw: VirtualSwitchDoc): Column<VirtualNetworkDoc>[] => [
    { id: 'name', header: t('advnet.name'), cell: (n) => n.name },
    { id: 'vlan', header: t('advnet.vlan'), cell: (n) => String(n.vlanId) },
    { id: 'network', header: t('advnet.addressSpace'), cell: (n) => n.addressSpace },
    { id: 'mask', header: t('advnet.subnetMask'), cell: (n) => n.subnetMask ?? '—' },
    { id: 'gateway', header: t('advnet.gateway'), cell: (n) => n.gateway },
    actionsColumn(
      'Network',
      (n) => setEditing({ kind: 'network', switchName: sw.name, existing: n }),
      (n) => setDeleting({ kind: 'network', switchName: sw.name, name: n.name }),
    ),
  ];

  const switches = list.data?.virtualSwitches ?? [];
  return (
    <div className="page">
      <PageHeader title={t('advnet.title')} description={t('advnet.description')} />
      <Section
        title={t('advnet.switches')}
        actions={
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing({ kind: 'switch', existing: null })}
            disabled={!list.data}
          >
            <Icon name="add" size={18} />
            {t('advnet.add')}
          </button>
        }
      >
        <FormFailure message={failure} />
        {list.isPending ? (
          <Loading minHeight={200} />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : switches.length === 0 ? (
          <p className="muted">{t('advnet.none')}</p>
        ) : (
          <DataTable
            caption={t('advnet.switches')}
            columns={switchColumns}
            rows={switches}
            rowKey={(s) => s.name}
            className="switches-table"
          />
        )}
      </Section>
      {switches.map((sw) => (
        <Section
          key={sw.name}
          title={t('advnet.networks', { name: sw.name })}
          actions={
            <button
              type="button"
              className="button"
              onClick={() => setEditing({ kind: 'network', switchName: sw.name, existing: null })}
              aria-label={t('advnet.addNetworkOn', { name: sw.name })}
            >
              <Icon name="add" size={18} />
              <span aria-hidden="true">{t('advnet.addNetwork')}</span>
            </button>
          }
        >
          {sw.virtualNetworks.length === 0 ? (
            <p className="muted">{t('advnet.noNetworks')}</p>
          ) : (
            <DataTable
              caption={t('advnet.networks', { name: sw.name })}
              columns={networkColumns(sw)}
              rows={sw.virtualNetworks}
              rowKey={(n) => n.name}
              className="vnets-table"
            />
          )}
        </Section>
      ))}
      {editing?.kind === 'switch' ? (
        <SwitchBlade
          existing={editing.existing}
          config={config.data}
          revision={revision}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'network' ? (
        <NetworkBlade
          switchName={editing.switchName}
          existing={editing.existing}
          config={config.data}
          revision={revision}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        danger
        busy={remove.isPending}
        title={
          deleting?.kind === 'switch'
            ? t('advnet.confirmTitle', { name: deleting.sw.name })
            : deleting?.kind === 'network'
              ? t('advnet.confirmNetworkTitle', { name: deleting.name })
              : ''
        }
        confirmLabel={t('advnet.delete')}
        onConfirm={() =>
          deleting &&
          remove.mutate({
            target:
              deleting.kind === 'switch' ? { kind: 'switch', name: deleting.sw.name } : deleting,
            revision,
          })
        }
        onCancel={() => setDeleting(null)}
      >
        {deleting?.kind === 'switch' ? (
          <>
            <p>
              {deleting.sw.virtualNetworks.length > 0
                ? t('advnet.confirmNetworks', {
                    names: deleting.sw.virtualNetworks.map((n) => n.name).join(', '),
                  })
                : t('advnet.confirmPlain')}
            </p>
            {deleting.sw.enabledForCompute ? <p>{t('advnet.confirmCompute')}</p> : null}
          </>
        ) : (
          <p>{t('advnet.confirmNetworkBody')}</p>
        )}
      </ConfirmDialog>
    </div>
  );
}

/** A row action's button: its icon and word, named for the row. */
function actionButton(label: string, icon: 'edit' | 'remove', text: string, onClick: () => void) {
  return (
    <button type="button" className="button" onClick={onClick} aria-label={label}>
      <Icon name={icon} size={18} />
      <span aria-hidden="true">{text}</span>
    </button>
  );
}
