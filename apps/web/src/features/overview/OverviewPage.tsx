import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { ComputeStateBadge } from '../../components/Badge';
import { Icon } from '../../components/Icon';
import { PageHeader, Section } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/StateViews';
import { useI18n } from '../../lib/i18n';
import { sharedQueries } from '../../lib/queries';
import { Topology } from './Topology';
import { VirtualSwitchesDiagram } from './VirtualSwitchesDiagram';

/** The device at a glance and the live drawing of its compute network. */
export function OverviewPage() {
  const { t, formatNumber } = useI18n();
  const device = useQuery(sharedQueries.device());
  const config = useQuery({
    ...sharedQueries.config(),
    // Live while compute is being applied; otherwise a slow refresh keeps the drawing current.
    refetchInterval: (q) => (q.state.data?.compute.state === 'Configuring' ? 1500 : 15000),
  });

  const d = device.data;
  const c = config.data;
  // Firmware 2023 splits the Compute page: compute is configured on the Kubernetes page (SPEC §8).
  const computeHref = d?.firmware === '2023' ? '/kubernetes-settings' : '/compute';
  return (
    <div className="page">
      <PageHeader title={t('overview.title')} description={t('overview.description')} />
      <div className="cards">
        <Section title={t('overview.device')} className="card">
          {device.isPending ? (
            <Loading minHeight={120} />
          ) : device.isError ? (
            <ErrorState error={device.error} onRetry={() => void device.refetch()} />
          ) : (
            <dl className="facts">
              <dt>{t('overview.name')}</dt>
              <dd>{d?.name}</dd>
              <dt>{t('overview.model')}</dt>
              <dd>{d?.skuName}</dd>
              <dt>{t('overview.nodes')}</dt>
              <dd>{d ? formatNumber(d.nodeCount) : ''}</dd>
              <dt>{t('overview.software')}</dt>
              <dd>{d?.softwareVersion}</dd>
              <dt>{t('overview.firmware')}</dt>
              <dd>{d?.firmware ?? '2021'}</dd>
            </dl>
          )}
        </Section>
        <Section title={t('overview.compute')} className="card">
          {config.isPending ? (
            <Loading minHeight={120} />
          ) : config.isError ? (
            <ErrorState error={config.error} onRetry={() => void config.refetch()} />
          ) : c ? (
            <>
              <dl className="facts">
                <dt>{t('overview.state')}</dt>
                <dd>
                  <ComputeStateBadge state={c.compute.state} />
                </dd>
                <dt>{t('overview.computePort')}</dt>
                <dd>{c.compute.computePort ?? t('common.none')}</dd>
                <dt>{t('compute.nodeIps')}</dt>
                <dd>
                  {c.compute.nodeIpRange
                    ? `${c.compute.nodeIpRange.start} – ${c.compute.nodeIpRange.end}`
                    : t('common.none')}
                </dd>
                <dt>{t('compute.serviceIps')}</dt>
                <dd>
                  {c.compute.serviceIpRange
                    ? `${c.compute.serviceIpRange.start} – ${c.compute.serviceIpRange.end}`
                    : t('common.none')}
                </dd>
                <dt>{t('overview.customRoutes')}</dt>
                <dd>{formatNumber(c.routes.length)}</dd>
              </dl>
              <Link href={computeHref} className="link-button">
                {t('overview.openCompute')}
              </Link>
            </>
          ) : null}
        </Section>
      </div>
      {c && (c.firmware === '2023' || (c.virtualSwitches ?? []).length > 0) ? (
        <Section title={t('overview.virtualSwitches')}>
          <VirtualSwitchesDiagram config={c} />
        </Section>
      ) : null}
      <Section title={t('topology.title')} description={t('topology.description')}>
        {config.isPending ? (
          <Loading minHeight={360} />
        ) : config.isError ? (
          <ErrorState error={config.error} onRetry={() => void config.refetch()} />
        ) : c ? (
          <figure className="topology-figure">
            {c.compute.computePort === null ? (
              <figcaption className="notice notice--info">
                <Icon name="info" />
                <div>
                  <p className="notice-title">{t('topology.emptyTitle')}</p>
                  <p>{t('topology.emptyBody')}</p>
                  <Link href={computeHref} className="button button--primary">
                    <Icon name="compute" size={18} />
                    {t('topology.emptyAction')}
                  </Link>
                </div>
              </figcaption>
            ) : c.compute.state !== 'Configured' ? (
              <figcaption className="notice notice--info">
                <Icon name="info" />
                <div>
                  <p>
                    {t(
                      c.compute.state === 'Configuring'
                        ? 'topology.configuringBody'
                        : 'topology.plannedBody',
                    )}
                  </p>
                  {c.compute.state === 'Configuring' ? null : (
                    <Link href={computeHref} className="link-button">
                      {t('overview.openCompute')}
                    </Link>
                  )}
                </div>
              </figcaption>
            ) : null}
            <Topology config={c} />
            {c.compute.state === 'Configured' ? (
              <div className="topology-legend" aria-hidden="true">
                <span className="legend legend--external">{t('topology.externalSwitch')}</span>
                <span className="legend legend--internal">{t('topology.internalSwitch')}</span>
                <span className="legend legend--nat">{t('topology.natUplink')}</span>
              </div>
            ) : null}
          </figure>
        ) : null}
      </Section>
    </div>
  );
}
