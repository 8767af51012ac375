import { type ServiceInput, validateServiceInput } from '@edgenet/network-config';
import type { ServiceCreateBody } from '@edgenet/network-config/contract';
import { useId, useMemo, useState } from 'react';
import { FieldIssues, FormFailure } from '../../components/FieldIssues';
import { FormBlade } from '../../components/FormBlade';
import { SelectField } from '../../components/SelectField';
import { savedToast } from '../../components/savedToast';
import { TextField } from '../../components/TextField';
import { useToast } from '../../components/Toasts';
import { blocks, issuesAt, mergeIssues, unplacedIssues, useConfigFormWrite } from '../../lib/forms';
import { type UiIssue, useI18n } from '../../lib/i18n';
import { useCreateServiceMutation } from './queries';

interface ServiceForm {
  name: string;
  namespace: string;
  type: 'ClusterIP' | 'LoadBalancer';
  port: string;
  targetPort: string;
  protocol: 'TCP' | 'UDP';
  loadBalancerIP: string;
}

/** A Kubernetes name is typed as is: no autocomplete, capitals or spell check. */
const VERBATIM = { autoComplete: 'off', autoCapitalize: 'off', spellCheck: false } as const;

/** What the form sends: numbers where they parse, the rest as typed (the core says what is wrong). */
export function serviceInputOf(form: ServiceForm): ServiceInput {
  const number = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);
  const target = form.targetPort.trim();
  return {
    name: form.name.trim(),
    namespace: form.namespace.trim() || 'default',
    type: form.type,
    ports: [
      {
        port: number(form.port),
        ...(target === '' ? {} : { targetPort: /^\d+$/.test(target) ? Number(target) : target }),
        protocol: form.protocol,
      },
    ],
    selector: { app: form.name.trim() },
    ...(form.type === 'LoadBalancer' && form.loadBalancerIP.trim()
      ? { loadBalancerIP: form.loadBalancerIP.trim() }
      : {}),
  };
}

const PLACED = [
  'name',
  'namespace',
  'type',
  'ports',
  'ports[0].port',
  'ports[0].targetPort',
  'loadBalancerIP',
];

/**
 * `kubectl create service` in a blade: name, namespace, type (cluster IP service / load
 * balancer), port, target port, protocol, and for a load balancer an optional requested address.
 * The core's `validateServiceInput` runs on every key; MetalLB's answer comes back from the server.
 */
export function CreateServiceBlade({
  revision,
  onClose,
}: {
  revision: number | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const ids = useId();
  const [form, setForm] = useState<ServiceForm>({
    name: '',
    namespace: 'default',
    type: 'LoadBalancer',
    port: '',
    targetPort: '',
    protocol: 'TCP',
    loadBalancerIP: '',
  });
  const [baseRevision, setBaseRevision] = useState(revision);
  const [submitted, setSubmitted] = useState(false);
  const { server, failure, setFailure, onError, ...outcome } = useConfigFormWrite(setBaseRevision);
  const input = useMemo(() => serviceInputOf(form), [form]);
  const inline = useMemo(() => validateServiceInput(input), [input]);
  const all: UiIssue[] = mergeIssues(inline, server.issues);
  const issues = submitted ? all : all.filter((i) => i.path !== 'name' || form.name !== '');
  const at = (path: string) => issuesAt(issues, path);
  const set = (change: Partial<ServiceForm>, path: string) => {
    setForm((f) => ({ ...f, ...change }));
    server.clearFor(path);
    setFailure(null);
  };

  const create = useCreateServiceMutation({
    onSuccess: (created) => {
      const title = {
        key: 'svc.created',
        params: {
          name: `${created.namespace}/${created.name}`,
          address: created.externalIP ?? (created.pending ? '<pending>' : created.clusterIP),
        },
      } as const;
      toast(savedToast(title, created.issues));
      onClose();
    },
    onError,
  });
  const blocked = blocks(all);
  const submit = () => {
    setSubmitted(true);
    if (!blocked && !create.isPending && !outcome.conflict)
      create.mutate({ body: input as ServiceCreateBody, revision: baseRevision });
  };
  const cmd =
    form.type === 'LoadBalancer'
      ? `kubectl create service loadbalancer ${input.name} --tcp=${form.port}:${form.targetPort || form.port}`
      : `kubectl create service clusterip ${input.name} --tcp=${form.port}:${form.targetPort || form.port}`;

  return (
    <FormBlade
      title={t('svc.createTitle')}
      subtitle={t('svc.createSubtitle')}
      onClose={onClose}
      action={{
        label: t('svc.create'),
        busyLabel: t('common.saving'),
        busy: create.isPending,
        disabled: submitted && blocked,
        onSubmit: submit,
      }}
      outcome={outcome}
      onEnter={submit}
    >
      <TextField
        label={t('svc.name')}
        value={form.name}
        onValueChange={(v) => set({ name: v }, 'name')}
        issues={at('name')}
        {...VERBATIM}
        placeholder="web"
        hint={t('svc.nameHint')}
      />
      <TextField
        label={t('k8s.namespace')}
        value={form.namespace}
        onValueChange={(v) => set({ namespace: v }, 'namespace')}
        issues={at('namespace')}
        {...VERBATIM}
      />
      <SelectField
        label={t('k8s.type')}
        value={form.type}
        onValueChange={(type) => set({ type }, 'type')}
      >
        <option value="LoadBalancer">{t('k8s.typeLoadBalancer')}</option>
        <option value="ClusterIP">{t('k8s.typeClusterIp')}</option>
      </SelectField>
      <TextField
        label={t('svc.port')}
        inputMode="numeric"
        autoComplete="off"
        value={form.port}
        onValueChange={(v) => set({ port: v }, 'ports[0].port')}
        issues={at('ports[0].port').concat(at('ports'))}
        placeholder="80"
      />
      <TextField
        label={t('svc.targetPort')}
        autoComplete="off"
        value={form.targetPort}
        onValueChange={(v) => set({ targetPort: v }, 'ports[0].targetPort')}
        issues={at('ports[0].targetPort')}
        placeholder={form.port || '8080'}
        hint={t('svc.targetPortHint')}
      />
      <SelectField
        label={t('svc.protocol')}
        value={form.protocol}
        onValueChange={(protocol) => set({ protocol }, 'ports[0].protocol')}
      >
        <option value="TCP">TCP</option>
        <option value="UDP">UDP</option>
      </SelectField>
      {form.type === 'LoadBalancer' ? (
        <TextField
          label={t('svc.loadBalancerIp')}
          address
          value={form.loadBalancerIP}
          onValueChange={(v) => set({ loadBalancerIP: v }, 'loadBalancerIP')}
          issues={at('loadBalancerIP')}
          hint={t('svc.loadBalancerIpHint')}
        />
      ) : null}
      <FieldIssues id={`${ids}-other`} issues={unplacedIssues(issues, PLACED)} />
      <FormFailure message={failure} />
      <div className="cmdlet">
        <p className="field-label">{t('svc.command')}</p>
        <code>{cmd}</code>
      </div>
    </FormBlade>
  );
}
