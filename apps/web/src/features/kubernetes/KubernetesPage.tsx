import { reservedServiceAddresses } from '@edgenet/network-config';
import type { Kubernetes } from '@edgenet/network-config/contract';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { Badge, ComputeStateLine, type Tone } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { PageHeader, Section } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/StateViews';
import { useI18n } from '../../lib/i18n';
import { useKiosk } from '../../lib/kiosk';
import { kubernetesQueries } from './queries';
import { portsText, ServicesSection } from './ServicesSection';

type Node = Kubernetes['nodes'][number];
type Component = Kubernetes['components'][number];
type Pod = Component['pods'][number] & { component: string; namespace: string };
type Service = Kubernetes['services'][number];

function statusTone(status: string): Tone {
  const s = status.toLowerCase();
  if (s === 'running' || s === 'ready' || s === 'succeeded') return 'success';
  if (s === 'pending' || s === 'containercreating' || s === 'notready' || s === 'creating')
    return 'info';
  if (s === 'failed' || s === 'crashloopbackoff' || s === 'error') return 'error';
  return 'neutral';
}

/** The cluster's networking at a glance: nodes, the Calico / MetalLB / CoreDNS pods, services. */
export function KubernetesPage() {
  const { t } = useI18n();
  const k8s = useQuery({
    ...kubernetesQueries.overview(),
    refetchInterval: (q) => (q.state.data?.state === 'Configuring' ? 2000 : 15000),
  });
  const data = k8s.data;

  return (
    <div className="page">
      <PageHeader
        title={t('k8s.title')}
        description={t('k8s.description')}
        actions={data ? <ComputeStateLine state={data.state} /> : null}
      />
      {k8s.isPending ? (
        <Loading minHeight={480} />
      ) : k8s.isError ? (
        <ErrorState error={k8s.error} onRetry={() => void k8s.refetch()} />
      ) : (
        <KubernetesView data={k8s.data} />
      )}
    </div>
  );
}

function KubernetesView({ data }: { data: Kubernetes }) {
  const { t } = useI18n();
  const kiosk = useKiosk();
  const nodeColumns = useNodeColumns();
  const podColumns = usePodColumns();
  const serviceColumns = useServiceColumns();
  const pods: Pod[] = data.components.flatMap((c) =>
    c.pods.map((p) => ({ ...p, component: c.name, namespace: c.namespace })),
  );
  return (
    <>
      <div className="cards">
        <Section title={t('k8s.cidrs')} className="card">
          <dl className="facts">
            <dt>{t('compute.podCidr')}</dt>
            <dd>{data.podCidr}</dd>
            <dt>{t('compute.serviceCidr')}</dt>
            <dd>{data.serviceCidr}</dd>
          </dl>
        </Section>
        <Section title={t('k8s.reserved')} className="card">
          {data.reserved.length ? (
            <dl className="facts">
              {data.reserved.map((r) => (
                <div key={r.address} className="facts-row">
                  <dt>{r.address}</dt>
                  <dd>{reservedUse(r, data.serviceCidr, t)}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="muted">{t('common.none')}</p>
          )}
        </Section>
        {data.endpoints.length ? (
          <Section title={t('k8s.endpoints')} className="card">
            <dl className="facts facts--urls">
              {data.endpoints.map((e) => (
                <div key={e.name} className="facts-row">
                  <dt>{e.name}</dt>
                  <dd className="mono">{e.url}</dd>
                </div>
              ))}
            </dl>
            {kiosk ? null : <p className="field-hint">{t('k8s.endpointsHint')}</p>}
          </Section>
        ) : null}
      </div>
      {data.state !== 'Configured' && data.nodes.length === 0 ? (
        <EmptyState title={t('k8s.notConfigured')} icon="kubernetes">
          <p>{t('k8s.notConfiguredBody')}</p>
          <Link href="/compute" className="button button--primary">
            <Icon name="compute" size={18} />
            {t('topology.emptyAction')}
          </Link>
        </EmptyState>
      ) : (
        <>
          <Section title={t('k8s.nodes')}>
            <DataTable
              stack="sm"
              caption={t('k8s.nodes')}
              columns={nodeColumns}
              rows={data.nodes}
              rowKey={(n) => n.name}
              empty={<p>{t('common.none')}</p>}
            />
          </Section>
          <Section title={t('k8s.components')} description={t('k8s.componentsDescription')}>
            <DataTable
              caption={t('k8s.components')}
              columns={podColumns}
              rows={pods}
              rowKey={(p) => `${p.namespace}/${p.name}`}
              empty={<p>{t('common.none')}</p>}
            />
          </Section>
          {data.state === 'Configured' ? (
            <ServicesSection />
          ) : (
            <Section title={t('k8s.services')} description={t('k8s.servicesDescription')}>
              <DataTable
                caption={t('k8s.services')}
                columns={serviceColumns}
                rows={data.services}
                rowKey={(s) => `${s.namespace}/${s.name}`}
                empty={<p>{t('common.none')}</p>}
              />
            </Section>
          )}
        </>
      )}
    </>
  );
}

function useNodeColumns() {
  const { t } = useI18n();
  const nodeColumns: Column<Node>[] = [
    { id: 'name', header: t('k8s.node'), cell: (n) => <strong>{n.name}</strong> },
    {
      id: 'role',
      header: t('k8s.role'),
      cell: (n) => t(n.role === 'master' ? 'k8s.roleMaster' : 'k8s.roleWorker'),
    },
    { id: 'ip', header: t('k8s.nodeIp'), cell: (n) => n.ip },
    { id: 'internalIp', header: t('k8s.internalIp'), cell: (n) => n.internalIp },
    {
      id: 'status',
      header: t('k8s.status'),
      cell: (n) => <Badge tone={statusTone(n.status)}>{n.status}</Badge>,
    },
  ];
  return nodeColumns;
}

function usePodColumns() {
  const { t } = useI18n();
  const podColumns: Column<Pod>[] = [
    { id: 'component', header: t('k8s.component'), cell: (p) => p.component },
    { id: 'name', header: t('k8s.pod'), cell: (p) => <span className="mono">{p.name}</span> },
    { id: 'namespace', header: t('k8s.namespace'), cell: (p) => p.namespace },
    { id: 'node', header: t('k8s.node'), cell: (p) => p.node },
    { id: 'ip', header: t('k8s.podIp'), cell: (p) => p.ip },
    { id: 'ready', header: t('k8s.ready'), cell: (p) => p.ready },
    {
      id: 'status',
      header: t('k8s.status'),
      cell: (p) => <Badge tone={statusTone(p.status)}>{p.status}</Badge>,
    },
  ];
  return podColumns;
}

function useServiceColumns() {
  const { t } = useI18n();
  const serviceColumns: Column<Service>[] = [
    { id: 'name', header: t('k8s.service'), cell: (s) => <strong>{s.name}</strong> },
    { id: 'namespace', header: t('k8s.namespace'), cell: (s) => s.namespace },
    { id: 'type', header: t('k8s.type'), cell: (s) => serviceType(s.type, t) },
    { id: 'clusterIp', header: t('k8s.clusterIp'), cell: (s) => s.clusterIp },
    { id: 'externalIp', header: t('k8s.externalIp'), cell: (s) => s.externalIp ?? '—' },
    { id: 'ports', header: t('k8s.ports'), cell: (s) => portsText(s.ports) },
  ];

  return serviceColumns;
}

function serviceType(type: string, t: ReturnType<typeof useI18n>['t']): string {
  if (type === 'ClusterIP') return t('k8s.typeClusterIp');
  if (type === 'LoadBalancer') return t('k8s.typeLoadBalancer');
  return type;
}

/** The reserved service addresses (doc: .1 kubernetes, .10 CoreDNS) in the UI's language. */
function reservedUse(
  r: Kubernetes['reserved'][number],
  serviceCidr: string,
  t: ReturnType<typeof useI18n>['t'],
): string {
  const known = reservedServiceAddresses(serviceCidr);
  if (known?.kubernetes === r.address) return t('k8s.reservedKubernetes');
  if (known?.kubeDns === r.address) return t('k8s.reservedDns');
  return r.use;
}
