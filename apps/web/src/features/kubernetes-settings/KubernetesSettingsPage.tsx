import { type ComputeSwitchSettings, checkComputeSwitchChange } from '@edgenet/network-config';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useState } from 'react';
import { Badge, COMPUTE_STATE_TONE } from '../../components/Badge';
import { ConflictNotice } from '../../components/ConflictNotice';
import { FieldIssues, FormFailure } from '../../components/FieldIssues';
import { PageHeader, Section } from '../../components/PageHeader';
import { ProgressPanel } from '../../components/ProgressPanel';
import { SelectField } from '../../components/SelectField';
import { ErrorState, Loading } from '../../components/StateViews';
import { TextField } from '../../components/TextField';
import { useToast } from '../../components/Toasts';
import { computeQueries, useApplyComputeMutation } from '../../lib/compute';
import { useCheckedConfigForm } from '../../lib/config-form';
import { unplacedIssues } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import { type ConfigDoc, useDeviceConfig } from '../../lib/queries';

interface Form {
  computeSwitch: string;
  nodeStart: string;
  nodeEnd: string;
  serviceStart: string;
  serviceEnd: string;
}

const PLACED = ['computeSwitch', 'nodeIpRange', 'serviceIpRange'];

function range(start: string, end: string) {
  return start.trim() === '' && end.trim() === '' ? null : { start: start.trim(), end: end.trim() };
}

/**
 * The firmware 2023 Kubernetes page (SPEC §8): the virtual switch for compute, node IPs, and
 * external service IPs — optional, with the core's warning; no IPs at all = VMs only.
 */
export function KubernetesSettingsPage() {
  const { t } = useI18n();
  const toast = useToast();
  const ids = useId();
  const compute = useQuery(computeQueries.detail());
  const config = useDeviceConfig();
  const [draft, setDraft] = useState<Form | null>(null);
  const [base, setBase] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useQuery({ ...computeQueries.job(jobId ?? ''), enabled: jobId !== null });

  const fromServer: Form | undefined = compute.data
    ? {
        computeSwitch: compute.data.computeSwitch ?? '',
        nodeStart: compute.data.nodeIpRange?.start ?? '',
        nodeEnd: compute.data.nodeIpRange?.end ?? '',
        serviceStart: compute.data.serviceIpRange?.start ?? '',
        serviceEnd: compute.data.serviceIpRange?.end ?? '',
      }
    : undefined;
  const form = draft ?? fromServer;
  const settings = useMemo<ComputeSwitchSettings>(
    () => ({
      computePort: null,
      computeSwitch: form?.computeSwitch ? form.computeSwitch : null,
      nodeIpRange: form ? range(form.nodeStart, form.nodeEnd) : null,
      serviceIpRange: form ? range(form.serviceStart, form.serviceEnd) : null,
      podCidr: compute.data?.podCidr ?? '',
      serviceCidr: compute.data?.serviceCidr ?? '',
    }),
    [form, compute.data?.podCidr, compute.data?.serviceCidr],
  );
  const check = useCallback(
    (device: ConfigDoc, s: ComputeSwitchSettings) => checkComputeSwitchChange(device, s).issues,
    [],
  );
  const {
    issues,
    at,
    blocked: invalid,
    touched,
    conflict,
    failure,
    onError,
    reload,
  } = useCheckedConfigForm(config.data, settings, check, setBase);
  const under = (path: string) =>
    issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
  const busy = compute.data?.state === 'Configuring' || job.data?.state === 'running';
  const blocked = invalid || !compute.data || busy;

  const set = (key: keyof Form, path: string) => (value: string) => {
    if (!form) return;
    setDraft({ ...form, [key]: value });
    touched(path);
  };

  /**
   * A range's section: its start and end fields (editing either clears the server's verdict on
   * the range), then the issues about the range as a whole (`issuesId`).
   */
  const rangeSection = (
    range: 'nodeIpRange' | 'serviceIpRange',
    title: 'k8sconf.nodeIps' | 'k8sconf.serviceIps',
    description: 'k8sconf.optional' | 'k8sconf.serviceHint',
    keys: [keyof Form, keyof Form],
    issuesId: string,
  ) => (
    <Section title={t(title)} description={t(description)}>
      <div className="form-grid">
        {(['start', 'end'] as const).map((end, i) => {
          const key = keys[i] as keyof Form;
          return (
            <TextField
              key={end}
              label={`${t(title)} — ${t(`k8sconf.${end}`)}`}
              address
              value={form?.[key] ?? ''}
              onValueChange={set(key, range)}
              issues={at(`${range}.${end}`)}
            />
          );
        })}
      </div>
      <FieldIssues id={issuesId} issues={at(range)} />
    </Section>
  );

  const apply = useApplyComputeMutation({
    onSuccess: ({ answer }) => {
      setDraft(null);
      setBase(null);
      if (answer.job) setJobId(answer.job.id);
      else toast({ kind: 'success', title: { key: 'k8sconf.applied' } });
    },
    onError,
  });
  const send = () => apply.mutate({ settings, revision: base ?? compute.data?.revision ?? 0 });

  if (compute.isPending || config.isPending) return <Loading minHeight={320} />;
  if (compute.isError) {
    return <ErrorState error={compute.error} onRetry={() => void compute.refetch()} />;
  }
  const switches = config.data?.virtualSwitches ?? [];
  const vmsOnly = settings.computeSwitch && !settings.nodeIpRange && !settings.serviceIpRange;

  return (
    <div className="page">
      <PageHeader
        title={t('k8sconf.title')}
        description={t('k8sconf.description')}
        actions={
          <Badge tone={COMPUTE_STATE_TONE[compute.data.state] ?? 'neutral'}>
            {t('k8sconf.state', { state: compute.data.state })}
          </Badge>
        }
      />
      {conflict ? (
        <ConflictNotice onReload={() => reload.mutate()} reloading={reload.isPending} />
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!blocked) send();
        }}
      >
        <Section title={t('advnet.compute')}>
          <SelectField
            label={t('k8sconf.switch')}
            inputClass="input"
            value={form?.computeSwitch ?? ''}
            onValueChange={set('computeSwitch', 'computeSwitch')}
            issues={under('computeSwitch')}
            after={
              switches.length === 0 ? <p className="field-hint">{t('k8sconf.noSwitches')}</p> : null
            }
          >
            <option value="">{t('k8sconf.noSwitch')}</option>
            {switches.map((s) => (
              <option key={s.name} value={s.name}>
                {`${s.name} (${s.interfaceAlias})`}
              </option>
            ))}
          </SelectField>
        </Section>
        {rangeSection(
          'nodeIpRange',
          'k8sconf.nodeIps',
          'k8sconf.optional',
          ['nodeStart', 'nodeEnd'],
          `${ids}-nodes`,
        )}
        {rangeSection(
          'serviceIpRange',
          'k8sconf.serviceIps',
          'k8sconf.serviceHint',
          ['serviceStart', 'serviceEnd'],
          `${ids}-services`,
        )}
        {vmsOnly ? <p className="notice notice--info">{t('k8sconf.vmsOnly')}</p> : null}
        <FieldIssues
          id={`${ids}-other`}
          issues={unplacedIssues(issues, PLACED).filter(
            (i) => !PLACED.some((p) => i.path.startsWith(`${p}.`)),
          )}
        />
        <FormFailure message={failure} />
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={blocked || apply.isPending || conflict}
            aria-busy={apply.isPending || undefined}
          >
            {apply.isPending ? t('common.applying') : t('common.apply')}
          </button>
        </div>
      </form>
      {job.data ? <ProgressPanel job={job.data} title={t('k8sconf.jobTitle')} /> : null}
    </div>
  );
}
