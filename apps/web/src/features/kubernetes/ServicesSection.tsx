import type { ServiceDoc, ServiceList } from '@edgenet/network-config/contract';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Badge } from '../../components/Badge';
import { Blade } from '../../components/Blade';
import { BladeActions } from '../../components/BladeActions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type Column, DataTable } from '../../components/DataTable';
import { FormFailure } from '../../components/FieldIssues';
import { Icon } from '../../components/Icon';
import { Section } from '../../components/PageHeader';
import { ErrorState, Loading, problemText } from '../../components/StateViews';
import { useToast } from '../../components/Toasts';
import { isApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { CreateServiceBlade } from './CreateServiceBlade';
import { serviceQueries, useApplyManifestMutation, useDeleteServiceMutation } from './queries';

/**
 * The services of the cluster (SPEC §9) and the external service IP pool MetalLB hands out:
 * used / free / pending, and which service holds which address. Create, apply YAML, delete.
 */
export function ServicesSection() {
  const { t } = useI18n();
  const services = useQuery(serviceQueries.list());
  const [creating, setCreating] = useState(false);
  const [applying, setApplying] = useState(false);
  const [deleting, setDeleting] = useState<ServiceDoc | null>(null);
  if (services.isPending) return <Loading minHeight={200} />;
  if (services.isError) {
    return <ErrorState error={services.error} onRetry={() => void services.refetch()} />;
  }
  const list = services.data;
  return (
    <>
      <Section title={t('svc.pool')} description={t('svc.poolDescription')}>
        <PoolView list={list} />
      </Section>
      <Section
        title={t('k8s.services')}
        description={t('k8s.servicesDescription')}
        actions={
          <div className="toolbar">
            <button
              type="button"
              className="button button--primary"
              onClick={() => setCreating(true)}
            >
              <Icon name="add" size={18} />
              {t('svc.create')}
            </button>
            <button type="button" className="button" onClick={() => setApplying(true)}>
              {t('svc.applyYaml')}
            </button>
          </div>
        }
      >
        <ServiceTable services={list.services} onDelete={setDeleting} />
      </Section>
      {creating ? (
        <CreateServiceBlade revision={list.revision} onClose={() => setCreating(false)} />
      ) : null}
      {applying ? (
        <ApplyYamlBlade revision={list.revision} onClose={() => setApplying(false)} />
      ) : null}
      <DeleteServiceDialog
        service={deleting}
        revision={list.revision}
        onDone={() => setDeleting(null)}
      />
    </>
  );
}

function PoolView({ list }: { list: ServiceList }) {
  const { t } = useI18n();
  const { pool } = list;
  return (
    <div className="pool">
      <dl className="facts">
        <dt>{t('svc.range')}</dt>
        <dd>{pool.range ? `${pool.range.start} – ${pool.range.end}` : t('common.none')}</dd>
        <dt>{t('svc.used')}</dt>
        <dd data-testid="pool-used">{pool.used}</dd>
        <dt>{t('svc.free')}</dt>
        <dd data-testid="pool-free">{pool.free}</dd>
        <dt>{t('svc.pending')}</dt>
        <dd data-testid="pool-pending">{pool.pending}</dd>
      </dl>
      {pool.holders.length ? (
        <DataTable
          stack="sm"
          caption={t('svc.holders')}
          columns={[
            {
              id: 'address',
              header: t('svc.address'),
              cell: (h) => <span className="mono">{h.address}</span>,
            },
            { id: 'services', header: t('k8s.service'), cell: (h) => h.services.join(', ') },
          ]}
          rows={pool.holders}
          rowKey={(h) => h.address}
        />
      ) : null}
    </div>
  );
}

function ServiceTable({
  services,
  onDelete,
}: {
  services: ServiceDoc[];
  onDelete: (service: ServiceDoc) => void;
}) {
  const { t } = useI18n();
  const columns: Column<ServiceDoc>[] = [
    {
      id: 'name',
      header: t('k8s.service'),
      cell: (s) => <strong>{s.name}</strong>,
      className: 'nowrap',
    },
    { id: 'namespace', header: t('k8s.namespace'), cell: (s) => s.namespace, className: 'nowrap' },
    {
      id: 'type',
      header: t('k8s.type'),
      cell: (s) => t(s.type === 'LoadBalancer' ? 'k8s.typeLoadBalancer' : 'k8s.typeClusterIp'),
    },
    { id: 'clusterIp', header: t('k8s.clusterIp'), cell: (s) => s.clusterIP, className: 'nowrap' },
    {
      id: 'externalIp',
      header: t('k8s.externalIp'),
      cell: (s) =>
        s.pending ? (
          <span>
            <Badge tone="warning">{'<pending>'}</Badge>
            {s.event ? <span className="service-event">{s.event.message}</span> : null}
          </span>
        ) : (
          (s.externalIP ?? '—')
        ),
    },
    { id: 'ports', header: t('k8s.ports'), cell: (s) => portsText(s.portsText) },
    {
      id: 'actions',
      className: 'nowrap',
      header: t('svc.actions'),
      cell: (s) =>
        s.system ? (
          <span className="muted">{t('svc.system')}</span>
        ) : (
          <button
            type="button"
            className="button button--small"
            onClick={() => onDelete(s)}
            aria-label={t('svc.deleteNamed', { name: `${s.namespace}/${s.name}` })}
          >
            <Icon name="remove" size={16} />
            {t('svc.delete')}
          </button>
        ),
    },
  ];
  return (
    <DataTable
      caption={t('k8s.services')}
      columns={columns}
      rows={services}
      rowKey={(s) => `${s.namespace}/${s.name}`}
      empty={<p>{t('common.none')}</p>}
    />
  );
}

function DeleteServiceDialog({
  service,
  revision,
  onDone,
}: {
  service: ServiceDoc | null;
  revision: number;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const remove = useDeleteServiceMutation({
    onSuccess: (_data, { service: s }) => {
      toast({
        kind: 'success',
        title: { key: 'svc.deleted', params: { name: `${s.namespace}/${s.name}` } },
      });
      onDone();
    },
    onError: (error) => {
      toast({
        kind: 'error',
        title: { key: 'svc.deleteFailed' },
        body: { en: problemText(error, 'en'), ja: problemText(error, 'ja') },
      });
      onDone();
    },
  });
  return (
    <ConfirmDialog
      open={service !== null}
      title={t('svc.deleteTitle', { name: service ? `${service.namespace}/${service.name}` : '' })}
      confirmLabel={t('svc.delete')}
      danger
      busy={remove.isPending}
      onConfirm={() => service && remove.mutate({ service, revision })}
      onCancel={onDone}
    >
      <p>{t('svc.deleteBody')}</p>
    </ConfirmDialog>
  );
}

/** `kubectl apply -f -` for the web: paste a Service YAML; a YAML error names its line. */
function ApplyYamlBlade({ revision, onClose }: { revision: number; onClose: () => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const id = useId();
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const apply = useApplyManifestMutation({
    onSuccess: (answer) => {
      toast({
        kind: answer.issues.some((i) => i.severity === 'warning') ? 'warning' : 'success',
        title: {
          key: 'svc.applied',
          params: {
            results: answer.results.map((r) => `service/${r.service.name} ${r.outcome}`).join(', '),
          },
        },
        issues: answer.issues,
      });
      onClose();
    },
    onError: (error) => {
      const issue = isApiError(error) ? error.issues[0] : undefined;
      setFailure(issue ? issue.message[locale] : problemText(error, locale));
    },
  });
  return (
    <Blade
      open
      title={t('svc.applyYaml')}
      subtitle={t('svc.applySubtitle')}
      onClose={onClose}
      footer={
        <BladeActions
          label={t('svc.apply')}
          busyLabel={t('common.saving')}
          busy={apply.isPending}
          disabled={text.trim() === ''}
          onSubmit={() => apply.mutate({ manifest: text, revision })}
          onCancel={onClose}
        />
      }
    >
      <div className="field">
        <label htmlFor={id} className="field-label">
          {t('svc.manifest')}
        </label>
        <textarea
          id={id}
          className="input textarea mono"
          rows={14}
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setFailure(null);
          }}
          placeholder={
            'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  ports:\n  - port: 80'
          }
        />
      </div>
      <FormFailure message={failure} />
    </Blade>
  );
}

/**
 * kubectl's PORT(S) text (`443:31443/TCP,5671:30671/TCP`) with a space after each comma, so a
 * narrow table wraps it between two ports instead of overflowing its cell.
 */
export function portsText(ports: string): string {
  return ports.replaceAll(',', ', ');
}
