import { addressSortKey, type EffectiveRoute, kubernetesVms } from '@edgenet/network-config';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Badge } from '../../components/Badge';
import { Section } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/StateViews';
import { type VirtualColumn, VirtualTable } from '../../components/VirtualTable';
import { useI18n } from '../../lib/i18n';
import type { ConfigDoc } from '../../lib/queries';
import { NIC_LABEL, nextHopText } from './nic';
import { routeQueries } from './queries';
import { destinationColumns } from './split';

/** A VM's whole routing table: connected, default via the internal NAT switch, active custom routes. */
export function EffectiveRoutes({ config }: { config: ConfigDoc }) {
  const { t, formatNumber } = useI18n();
  const vms = kubernetesVms(config);
  const [vm, setVm] = useState(vms[0]?.name ?? 'master');
  const table = useQuery({
    ...routeQueries.effective(vm),
    placeholderData: (previous) => previous,
  });
  const name = useId();
  const configured = config.compute.state === 'Configured';

  const columns: VirtualColumn<EffectiveRoute>[] = [
    ...destinationColumns<EffectiveRoute>(t),
    {
      id: 'nextHop',
      header: t('routes.nextHop'),
      width: 'minmax(9rem, 1.2fr)',
      cell: (r) => nextHopText(r, t),
      sortKey: (r) => addressSortKey(r.nextHop),
    },
    {
      id: 'nic',
      header: t('routes.nic'),
      width: 'minmax(6.5rem, 1fr)',
      cell: (r) => t(NIC_LABEL[r.nic]),
    },
    {
      id: 'metric',
      header: t('routes.metric'),
      width: 'minmax(4.5rem, 0.6fr)',
      cell: (r) => formatNumber(r.routeMetric),
      sortKey: (r) => r.routeMetric,
    },
    {
      id: 'origin',
      header: t('routes.origin'),
      // The longest label ("Pods (Calico)", "ポッド (Calico)") on one line.
      width: 'minmax(7rem, 1fr)',
      cell: (r) => (
        <Badge tone={r.origin === 'custom' ? 'info' : 'neutral'}>
          {t(`routes.origin.${r.origin}`)}
        </Badge>
      ),
    },
    {
      id: 'interface',
      header: t('routes.interface'),
      width: 'minmax(5.5rem, 0.7fr)',
      cell: (r) => r.interfaceAlias ?? '—',
    },
  ];

  return (
    <Section title={t('routes.effective')} description={t('routes.effectiveDescription')}>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('routes.vm')}</legend>
        {vms.map((v) => (
          <label key={v.name} className="segmented-option">
            <input
              type="radio"
              name={name}
              value={v.name}
              checked={vm === v.name}
              onChange={() => setVm(v.name)}
            />
            <span>
              {t(v.role === 'master' ? 'topology.master' : 'topology.worker', { name: v.name })}
            </span>
          </label>
        ))}
      </fieldset>
      {configured ? null : <p className="field-hint">{t('routes.effectiveNotConfigured')}</p>}
      {table.isPending ? (
        <Loading minHeight={240} />
      ) : table.isError ? (
        <ErrorState error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <>
          <p className="field-hint">
            {t('routes.vmAddresses', {
              external: table.data.vm.externalIp ?? t('topology.noAddress'),
              internal: table.data.vm.internalIp,
            })}
          </p>
          <VirtualTable
            label={t('routes.effectiveFor', { vm: table.data.vm.name })}
            columns={columns}
            rows={table.data.routes}
            rowKey={(r, i) => `${r.origin}|${r.destinationPrefix}|${r.interfaceAlias ?? ''}|${i}`}
            className="effective-table"
            testId="effective-table"
          />
        </>
      )}
    </Section>
  );
}
