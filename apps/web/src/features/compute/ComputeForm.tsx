import {
  type ComputeField,
  type ComputeSettings,
  checkComputeChange,
  type DeviceConfig,
  formatInterfaceAddress,
  type IpRange,
  lockedComputeFields,
  type PortConfig,
  parseRange,
  rangeSize,
  requiredNodeIpCount,
  reservedServiceAddresses,
  SERVICE_IP_MIN,
} from '@edgenet/network-config';
import type { Compute } from '@edgenet/network-config/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ConflictNotice, RebasedNotice } from '../../components/ConflictNotice';
import { type Column, DataTable } from '../../components/DataTable';
import { FieldIssues, FormFailure } from '../../components/FieldIssues';
import { OptInConfirm } from '../../components/FormBlade';
import { Icon } from '../../components/Icon';
import { Section } from '../../components/PageHeader';
import { TextField } from '../../components/TextField';
import { useToast } from '../../components/Toasts';
import { computeQueries, useApplyComputeMutation } from '../../lib/compute';
import {
  blocks,
  issuesAt,
  unplacedIssues,
  useChangeIssues,
  useDraft,
  useServerIssues,
  useWriteOutcome,
} from '../../lib/forms';
import { type UiIssue, useI18n } from '../../lib/i18n';
import type { ConfigDoc } from '../../lib/queries';

export interface ComputeForm {
  computePort: string | null;
  nodeStart: string;
  nodeEnd: string;
  serviceStart: string;
  serviceEnd: string;
  podCidr: string;
  serviceCidr: string;
}

export function formOf(compute: Pick<Compute, keyof ComputeSettings>): ComputeForm {
  return {
    computePort: compute.computePort,
    nodeStart: compute.nodeIpRange?.start ?? '',
    nodeEnd: compute.nodeIpRange?.end ?? '',
    serviceStart: compute.serviceIpRange?.start ?? '',
    serviceEnd: compute.serviceIpRange?.end ?? '',
    podCidr: compute.podCidr,
    serviceCidr: compute.serviceCidr,
  };
}

function rangeOf(start: string, end: string): IpRange | null {
  const s = start.trim();
  const e = end.trim();
  return s === '' && e === '' ? null : { start: s, end: e };
}

/** The PUT /api/compute body, as typed (a range with both ends blank is "not set"). */
export function settingsOf(form: ComputeForm): ComputeSettings {
  return {
    computePort: form.computePort,
    nodeIpRange: rangeOf(form.nodeStart, form.nodeEnd),
    serviceIpRange: rangeOf(form.serviceStart, form.serviceEnd),
    podCidr: form.podCidr.trim(),
    serviceCidr: form.serviceCidr.trim(),
  };
}

/** The number of addresses a range gives, from the core's parser; null while it is not a range. */
/** The core's checks of a compute change (stable, for `useChangeIssues`). */
function checkCompute(device: DeviceConfig, settings: ComputeSettings) {
  return checkComputeChange(device, settings).issues;
}

function countOf(range: IpRange | null): number | null {
  if (!range) return null;
  try {
    return rangeSize(parseRange(range));
  } catch {
    return null;
  }
}

const PLACED = [
  'computePort',
  'nodeIpRange',
  'nodeIpRange.start',
  'nodeIpRange.end',
  'serviceIpRange',
  'serviceIpRange.start',
  'serviceIpRange.end',
  'podCidr',
  'serviceCidr',
];

/**
 * The Compute page's form, like the device's: the ports with "Enable for compute", the Kubernetes
 * node IPs and external service IPs, the cluster CIDRs, and Apply. Every verdict is the core's
 * (`checkComputeChange`, which runs `validateComputeSettings` and the locks) on every keystroke;
 * the server's 422 issues land on the same fields.
 */
export function ComputeFormView({
  compute,
  config,
  onJob,
  jobRunning,
}: {
  compute: Compute;
  config: ConfigDoc;
  onJob: (jobId: string) => void;
  jobRunning: boolean;
}) {
  const { t, tCount, locale } = useI18n();
  const client = useQueryClient();
  const toast = useToast();
  const initial = useMemo(() => formOf(compute), [compute]);
  const draft = useDraft<ComputeForm>(initial, compute.revision);
  const form = draft.values ?? initial;
  const server = useServerIssues();
  const { conflict, rebased, setRebased, failure, setFailure, onError, reload } = useWriteOutcome({
    server,
    locale,
    refetch: () => client.fetchQuery(computeQueries.detail()),
    rebase: (revision) => draft.rebase(revision),
  });
  const [confirmPort, setConfirmPort] = useState<string | null | undefined>(undefined);
  // SPEC §7.2: any change may opt in to "revert automatically unless I confirm".
  const [optIn, setOptIn] = useState(false);
  const ids = useId();

  const settings = useMemo(() => settingsOf(form), [form]);
  const issues: UiIssue[] = useChangeIssues(config, settings, checkCompute, server.issues);
  const at = (path: string) => issuesAt(issues, path);
  const locks = useMemo(() => lockedComputeFields(config.compute), [config.compute]);
  const locked = (field: ComputeField) => locks.has(field);

  const update = (change: Partial<ComputeForm>, paths: string[]) => {
    draft.update((f) => ({ ...f, ...change }));
    for (const p of paths) server.clearFor(p);
    setFailure(null);
  };
  const field = (key: keyof ComputeForm, path: string) => (value: string) =>
    update({ [key]: value }, [path]);

  const apply = useApplyComputeMutation({
    onSuccess: ({ jobId }) => {
      draft.reset();
      setRebased(false);
      if (jobId) {
        onJob(jobId);
        toast({ kind: 'info', title: { key: 'compute.applyStarted' } });
      } else {
        toast({ kind: 'success', title: { key: 'compute.appliedNow' } });
      }
    },
    onError,
  });
  const send = () =>
    apply.mutate({ settings, revision: draft.baseRevision ?? compute.revision, confirm: optIn });

  const choosePort = (port: string | null) => {
    // One compute port at a time (doc): moving it from another port, or disabling it, asks first.
    if (form.computePort !== null && form.computePort !== port) setConfirmPort(port);
    else update({ computePort: port }, ['computePort']);
  };

  const nodeCount = countOf(settings.nodeIpRange);
  const serviceCount = countOf(settings.serviceIpRange);
  const requiredNodes = requiredNodeIpCount(config.nodeCount);
  const reserved = reservedServiceAddresses(settings.serviceCidr);
  const blocked = blocks(issues);
  const busy = apply.isPending || jobRunning || compute.state === 'Configuring';

  const portColumns: Column<PortConfig>[] = [
    { id: 'name', header: t('network.port'), cell: (p) => <strong>{p.name}</strong> },
    {
      id: 'address',
      header: t('network.address'),
      cell: (p) => {
        if (!p.ipEnabled) return t('network.ipDisabled');
        if (!p.address) return <span className="muted">{t('common.none')}</span>;
        return formatInterfaceAddress(p.address, p.subnetMask);
      },
    },
    {
      id: 'mode',
      header: t('network.mode'),
      cell: (p) => (p.ipEnabled ? (p.dhcp ? t('network.dhcp') : t('network.static')) : '—'),
    },
    {
      id: 'compute',
      header: t('compute.computeColumn'),
      cell: (p) => {
        const enabled = form.computePort === p.name;
        if (enabled) {
          return (
            <span className="cell-actions">
              <Badge tone="success">{t('compute.enabled')}</Badge>
              <button
                type="button"
                className="button"
                onClick={() => choosePort(null)}
                disabled={busy}
                aria-label={t('compute.disableOn', { port: p.name })}
              >
                {t('compute.disable')}
              </button>
            </span>
          );
        }
        return (
          <button
            type="button"
            className="button"
            onClick={() => choosePort(p.name)}
            disabled={busy || locked('computePort')}
            aria-label={t('compute.enableOn', { port: p.name })}
          >
            {t('compute.enable')}
          </button>
        );
      },
    },
  ];

  /** A range's start and end fields (read-only while the range is locked). */
  const rangeInputs = (
    range: 'nodeIpRange' | 'serviceIpRange',
    keys: [keyof ComputeForm, keyof ComputeForm],
    labels: [string, string],
    placeholders: [string, string],
  ) =>
    (['start', 'end'] as const).map((end, i) => (
      <TextField
        key={end}
        label={labels[i] ?? ''}
        address
        value={String(form[keys[i] as keyof ComputeForm] ?? '')}
        onValueChange={field(keys[i] as keyof ComputeForm, `${range}.${end}`)}
        issues={at(`${range}.${end}`)}
        readOnly={locked(range)}
        placeholder={placeholders[i]}
      />
    ));

  const lockNote = (
    field: ComputeField,
    key: 'compute.lockedPort' | 'compute.lockedNodes' | 'compute.lockedCidrs',
  ) =>
    locked(field) ? (
      <p className="lock-note">
        <Icon name="lock" size={16} />
        <span>{t(compute.state === 'Configuring' ? 'compute.lockedWhileConfiguring' : key)}</span>
      </p>
    ) : null;

  return (
    <form
      className="form compute-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!blocked && !busy) send();
      }}
      noValidate
    >
      {conflict ? (
        <ConflictNotice onReload={() => reload.mutate()} reloading={reload.isPending} />
      ) : null}
      {rebased && !conflict ? <RebasedNotice /> : null}

      <Section title={t('compute.network')} description={t('compute.networkDescription')}>
        {lockNote('computePort', 'compute.lockedPort')}
        <DataTable
          caption={t('compute.network')}
          columns={portColumns}
          rows={config.ports}
          rowKey={(p) => p.name}
          className="compute-ports"
          stack="sm"
        />
        <FieldIssues id={`${ids}-port`} issues={at('computePort')} />
      </Section>

      <Section title={t('compute.nodeIps')} description={t('compute.nodeIpsDescription')}>
        {lockNote('nodeIpRange', 'compute.lockedNodes')}
        <fieldset className="range-fields" aria-describedby={`${ids}-nodes-count ${ids}-nodes`}>
          <legend className="visually-hidden">{t('compute.nodeIps')}</legend>
          {rangeInputs(
            'nodeIpRange',
            ['nodeStart', 'nodeEnd'],
            [t('compute.nodeIpStart'), t('compute.nodeIpEnd')],
            ['192.168.20.50', '192.168.20.51'],
          )}
        </fieldset>
        <p className="range-count" id={`${ids}-nodes-count`} aria-live="polite">
          {nodeCount === null ? t('compute.countUnknown') : tCount('compute.count', nodeCount)}
          {' · '}
          {t('compute.nodeMinimum', { required: requiredNodes, nodes: config.nodeCount })}
        </p>
        <FieldIssues id={`${ids}-nodes`} issues={at('nodeIpRange')} />
      </Section>

      <Section title={t('compute.serviceIps')} description={t('compute.serviceIpsDescription')}>
        {lockNote('serviceIpRange', 'compute.lockedNodes')}
        <p className="field-hint">{t('compute.serviceIpsAnyTime')}</p>
        <fieldset
          className="range-fields"
          aria-describedby={`${ids}-services-count ${ids}-services`}
        >
          <legend className="visually-hidden">{t('compute.serviceIps')}</legend>
          {rangeInputs(
            'serviceIpRange',
            ['serviceStart', 'serviceEnd'],
            [t('compute.serviceIpStart'), t('compute.serviceIpEnd')],
            ['192.168.20.60', '192.168.20.65'],
          )}
        </fieldset>
        <p className="range-count" id={`${ids}-services-count`} aria-live="polite">
          {serviceCount === null
            ? t('compute.countUnknown')
            : tCount('compute.count', serviceCount)}
          {' · '}
          {t('compute.serviceMinimum', { required: SERVICE_IP_MIN })}
        </p>
        <FieldIssues id={`${ids}-services`} issues={at('serviceIpRange')} />
      </Section>

      <Section title={t('compute.cidrs')} description={t('compute.cidrsDescription')}>
        {lockNote('podCidr', 'compute.lockedCidrs')}
        <div className="range-fields">
          <TextField
            label={t('compute.podCidr')}
            value={form.podCidr}
            onValueChange={field('podCidr', 'podCidr')}
            issues={at('podCidr')}
            readOnly={locked('podCidr')}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label={t('compute.serviceCidr')}
            value={form.serviceCidr}
            onValueChange={field('serviceCidr', 'serviceCidr')}
            issues={at('serviceCidr')}
            readOnly={locked('serviceCidr')}
            autoComplete="off"
            spellCheck={false}
            hint={
              reserved
                ? t('compute.reservedHint', {
                    kubernetes: reserved.kubernetes,
                    dns: reserved.kubeDns,
                  })
                : undefined
            }
          />
        </div>
      </Section>

      <FieldIssues id={`${ids}-other`} issues={unplacedIssues(issues, PLACED)} />
      <OptInConfirm checked={optIn} onChange={setOptIn} />
      <FormFailure message={failure} />
      <div className="apply-bar">
        <button
          type="submit"
          className="button button--primary"
          disabled={blocked || busy || conflict}
          aria-busy={apply.isPending || undefined}
        >
          {apply.isPending ? t('common.applying') : t('common.apply')}
        </button>
        {draft.dirty ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              draft.reset();
              server.clear();
              setRebased(false);
            }}
          >
            {t('common.discard')}
          </button>
        ) : null}
        <span className="apply-status" aria-live="polite">
          {blocked ? t('compute.fixErrors') : draft.dirty ? t('compute.unsaved') : ''}
        </span>
      </div>

      <ConfirmDialog
        open={confirmPort !== undefined}
        title={
          confirmPort ? t('compute.moveTitle', { port: confirmPort }) : t('compute.disableTitle')
        }
        confirmLabel={
          confirmPort ? t('compute.moveConfirm', { port: confirmPort }) : t('compute.disable')
        }
        danger={confirmPort === null}
        onConfirm={() => {
          update({ computePort: confirmPort ?? null }, ['computePort']);
          setConfirmPort(undefined);
        }}
        onCancel={() => setConfirmPort(undefined)}
      >
        <p>
          {confirmPort
            ? t('compute.moveBody', { from: form.computePort ?? '', to: confirmPort })
            : t('compute.disableBody', { port: form.computePort ?? '' })}
        </p>
      </ConfirmDialog>
    </form>
  );
}
