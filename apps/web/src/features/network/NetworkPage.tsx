import { formatInterfaceAddress } from '@edgenet/network-config';
import type { Port } from '@edgenet/network-config/contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { PageHeader, Section } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/StateViews';
import { useI18n } from '../../lib/i18n';
import { sharedQueries } from '../../lib/queries';
import { PortBlade } from './PortBlade';
import { portQueries } from './queries';

/** The device's Network page: every port with its IP settings; a blade changes one. */
export function NetworkPage() {
  const { t } = useI18n();
  const ports = useQuery(portQueries.list());
  const config = useQuery(sharedQueries.config());
  const [editing, setEditing] = useState<string | null>(null);
  const editingPort = ports.data?.ports.find((p) => p.name === editing);

  const columns: Column<Port>[] = [
    {
      id: 'name',
      header: t('network.port'),
      cell: (p) => (
        <span className="port-name">
          {p.name}
          {p.compute ? <Badge tone="info">{t('network.computeBadge')}</Badge> : null}
        </span>
      ),
    },
    { id: 'speed', header: t('network.speed'), cell: (p) => `${p.speedGbps.join('/')} GbE` },
    {
      id: 'mode',
      header: t('network.mode'),
      cell: (p) =>
        p.ipEnabled ? (p.dhcp ? t('network.dhcp') : t('network.static')) : t('network.ipDisabled'),
    },
    {
      id: 'address',
      header: t('network.address'),
      cell: (p) =>
        p.address ? (
          formatInterfaceAddress(p.address, p.subnetMask)
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
    },
    // The address already shows the mask as its /length.
    {
      id: 'mask',
      header: t('network.subnetMask'),
      cell: (p) => p.subnetMask ?? '—',
      optional: true,
    },
    { id: 'gateway', header: t('network.gateway'), cell: (p) => p.gateway ?? '—' },
    { id: 'dns', header: t('network.dns'), cell: (p) => (p.dns.length ? p.dns.join(', ') : '—') },
    {
      id: 'link',
      header: t('network.link'),
      cell: (p) =>
        p.link.connected ? (
          <Badge tone="success">
            {t('network.linkUpSpeed', { speed: p.link.speedGbps ?? '' })}
          </Badge>
        ) : (
          <Badge tone="neutral">{t('network.linkDown')}</Badge>
        ),
    },
    {
      id: 'actions',
      header: t('common.actions'),
      hideHeader: true,
      cell: (p) => (
        <button
          type="button"
          className="button"
          onClick={() => setEditing(p.name)}
          aria-label={t('network.configurePort', { port: p.name })}
        >
          <Icon name="edit" size={18} />
          <span aria-hidden="true" className="button-text">
            {t('network.configure')}
          </span>
        </button>
      ),
    },
  ];

  return (
    <div className="page">
      <PageHeader title={t('network.title')} description={t('network.description')} />
      <Section title={t('network.ports')}>
        {ports.isPending ? (
          <Loading minHeight={320} />
        ) : ports.isError ? (
          <ErrorState error={ports.error} onRetry={() => void ports.refetch()} />
        ) : (
          <DataTable
            caption={t('network.ports')}
            columns={columns}
            rows={ports.data.ports}
            rowKey={(p) => p.name}
            className="ports-table"
          />
        )}
        <p className="section-note">{t('network.noTeaming')}</p>
      </Section>
      {editingPort && ports.data ? (
        <PortBlade
          key={editingPort.name}
          port={editingPort}
          revision={ports.data.revision}
          config={config.data}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
