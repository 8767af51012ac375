import { type Issue, issueFromError, kubernetesVms, parseIpAddress } from '@edgenet/network-config';
import type { LookupAnswerDoc } from '@edgenet/network-config/contract';
import { type FormEvent, useMemo, useState } from 'react';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { Section } from '../../components/PageHeader';
import { SelectField } from '../../components/SelectField';
import { problemText } from '../../components/StateViews';
import { TextField } from '../../components/TextField';
import { isApiError } from '../../lib/api';
import { mergeIssues } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';
import type { ConfigDoc } from '../../lib/queries';
import { KernelAnswer, ProbeResult } from './KernelAnswer';
import { NIC_LABEL, nextHopText } from './nic';
import { useLookupMutation, useProbeMutation } from './queries';

type Candidate = LookupAnswerDoc['explanation']['candidates'][number];

/** "Where does this address go?": the route a VM picks for an address, and why the others lost. */
export function LookupTester({ config }: { config: ConfigDoc }) {
  const { t, locale, formatNumber } = useI18n();
  const vms = kubernetesVms(config);
  const [destination, setDestination] = useState('');
  const [vm, setVm] = useState(vms[0]?.name ?? 'master');
  const [submitted, setSubmitted] = useState(false);

  // The address must parse (the core's parser); everything else is the server's lookup.
  const inline = useMemo<Issue[]>(() => {
    const text = destination.trim();
    if (!text) return [];
    try {
      parseIpAddress(text);
      return [];
    } catch (error) {
      return [issueFromError('destination', error)];
    }
  }, [destination]);

  const run = useLookupMutation();
  // A real ping from the VM (Linux driver); the simulated device answers 409 with the reason.
  const ping = useProbeMutation();
  const serverIssues = isApiError(run.error) ? run.error.issues : [];
  const issues = mergeIssues(inline, serverIssues).filter(
    (i) => i.path === 'destination' || i.path === '',
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (destination.trim() && inline.length === 0)
      run.mutate({ destination: destination.trim(), vm });
  };

  const answer = run.data;
  const columns: Column<Candidate>[] = [
    { id: 'prefix', header: t('routes.destinationPrefix'), cell: (c) => c.route.destinationPrefix },
    {
      id: 'nextHop',
      header: t('routes.nextHop'),
      cell: (c) => nextHopText(c.route, t),
    },
    { id: 'metric', header: t('routes.metric'), cell: (c) => formatNumber(c.route.routeMetric) },
    { id: 'origin', header: t('routes.origin'), cell: (c) => t(`routes.origin.${c.route.origin}`) },
    {
      id: 'outcome',
      header: t('routes.outcome'),
      cell: (c) =>
        c.outcome === 'chosen' ? (
          <Badge tone="success">{t('routes.outcome.chosen')}</Badge>
        ) : (
          <Badge tone="neutral">{t(`routes.outcome.${c.outcome}`)}</Badge>
        ),
    },
  ];

  return (
    <Section title={t('routes.tester')} description={t('routes.testerDescription')}>
      <form className="tester-form" onSubmit={submit} noValidate>
        <TextField
          label={t('routes.testerAddress')}
          address
          value={destination}
          onValueChange={(v) => {
            setDestination(v);
            run.reset();
            ping.reset();
          }}
          issues={submitted || destination ? issues : []}
          placeholder="192.168.21.7"
        />
        <SelectField label={t('routes.vm')} value={vm} onValueChange={setVm}>
          {vms.map((v) => (
            <option key={v.name} value={v.name}>
              {t(v.role === 'master' ? 'topology.master' : 'topology.worker', { name: v.name })}
            </option>
          ))}
        </SelectField>
        <div className="tester-submit tester-actions">
          <button type="submit" className="button button--primary" disabled={run.isPending}>
            <Icon name="search" size={18} />
            {t('routes.lookup')}
          </button>
          <button
            type="button"
            className="button"
            disabled={ping.isPending}
            onClick={() => {
              setSubmitted(true);
              if (destination.trim() && inline.length === 0)
                ping.mutate({ destination: destination.trim(), vm });
            }}
          >
            <Icon name="globe" size={18} />
            {ping.isPending ? t('probe.running') : t('probe.run')}
          </button>
        </div>
      </form>
      <div className="tester-result" aria-live="polite">
        {run.isError && serverIssues.length === 0 ? (
          <p className="field-issue field-issue--error">
            <Icon name="error" size={16} />
            <span>{problemText(run.error, locale)}</span>
          </p>
        ) : null}
        {answer ? (
          <div className="lookup-answer">
            <p className="lookup-summary">{answer.explanation.summary[locale]}</p>
            {answer.route ? (
              <dl className="facts">
                <dt>{t('routes.chosenRoute')}</dt>
                <dd>
                  <strong>{answer.route.destinationPrefix}</strong>
                  {answer.route.interfaceAlias ? ` (${answer.route.interfaceAlias})` : ''}
                </dd>
                <dt>{t('routes.nextHop')}</dt>
                <dd>
                  {answer.type && answer.type !== 'unicast'
                    ? t(`routes.type.${answer.type}`)
                    : answer.nextHop}
                </dd>
                <dt>{t('routes.nic')}</dt>
                <dd>{answer.nic ? t(NIC_LABEL[answer.nic]) : '—'}</dd>
              </dl>
            ) : null}
            {answer.kernel ? <KernelAnswer kernel={answer.kernel} /> : null}
            {answer.explanation.candidates.length ? (
              <DataTable
                caption={t('routes.candidates')}
                stack="sm"
                columns={columns}
                rows={answer.explanation.candidates}
                rowKey={(c) =>
                  `${c.route.origin}|${c.route.destinationPrefix}|${c.route.interfaceAlias ?? ''}|${c.route.nextHop}`
                }
              />
            ) : null}
          </div>
        ) : null}
        {ping.isError ? (
          <p className="field-issue field-issue--error">
            <Icon name="error" size={16} />
            <span>{problemText(ping.error, locale)}</span>
          </p>
        ) : null}
        {ping.data ? <ProbeResult probe={ping.data} /> : null}
      </div>
    </Section>
  );
}
