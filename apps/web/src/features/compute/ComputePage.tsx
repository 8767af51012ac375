import type { JobAnswer } from '@edgenet/network-config/contract';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ComputeStateLine } from '../../components/Badge';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { ProgressPanel } from '../../components/ProgressPanel';
import { ErrorState, Loading } from '../../components/StateViews';
import { useToast } from '../../components/Toasts';
import { computeQueries, useComputeJob } from '../../lib/compute';
import { useI18n } from '../../lib/i18n';
import { sharedQueries } from '../../lib/queries';
import { ComputeFormView } from './ComputeForm';

/** The device's Compute page (ローカル UI の [コンピューティング] ページ). */
export function ComputePage() {
  const { t } = useI18n();
  const compute = useQuery({
    ...computeQueries.detail(),
    refetchInterval: (q) => (q.state.data?.state === 'Configuring' ? 2000 : false),
  });
  const config = useQuery(sharedQueries.config());
  const [jobId, setJobId] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  // A job already running when the page opens (another admin, or before a reload) is followed too.
  const candidate = jobId ?? compute.data?.jobId ?? null;
  const activeJob = candidate !== dismissed ? candidate : null;

  const c = compute.data;
  return (
    <div className="page">
      <PageHeader
        title={t('compute.title')}
        description={t('compute.description')}
        actions={c ? <ComputeStateLine state={c.state} /> : null}
      />
      {c?.state === 'Failed' && c.error ? (
        <div className="notice notice--error" role="alert">
          <Icon name="error" />
          <div>
            <p className="notice-title">{t('compute.failedTitle')}</p>
            <p>{c.error}</p>
          </div>
        </div>
      ) : null}
      {activeJob ? (
        <JobFollower
          jobId={activeJob}
          onDismiss={() => {
            setDismissed(activeJob);
            setJobId(null);
          }}
        />
      ) : null}
      {compute.isPending || config.isPending ? (
        <Loading minHeight={480} />
      ) : compute.isError ? (
        <ErrorState error={compute.error} onRetry={() => void compute.refetch()} />
      ) : config.isError ? (
        <ErrorState error={config.error} onRetry={() => void config.refetch()} />
      ) : (
        <ComputeFormView
          compute={compute.data}
          config={config.data}
          onJob={setJobId}
          jobRunning={activeJob !== null && compute.data.state === 'Configuring'}
        />
      )}
    </div>
  );
}

/** Polls the apply job and shows its steps; when it ends, refreshes everything and says so. */
function JobFollower({ jobId, onDismiss }: { jobId: string; onDismiss: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const job = useComputeJob(jobId, (ended) => {
    if (ended.state === 'succeeded')
      toast({ kind: 'success', title: { key: 'compute.jobSucceeded' } });
    else
      toast({
        kind: 'error',
        title: { key: 'compute.jobFailed' },
        body: ended.error ? { en: ended.error, ja: ended.error } : undefined,
      });
  });
  const panel = useRef<HTMLDivElement | null>(null);
  const state = job.data?.state;

  // Bring the progress into view when a job starts (Apply is at the bottom of the page).
  useEffect(() => {
    void jobId;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    panel.current?.scrollIntoView?.({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  }, [jobId]);

  return (
    <div className="job-follower" ref={panel}>
      {job.isPending ? <Loading minHeight={160} label={t('compute.jobLoading')} /> : null}
      {job.isError ? <ErrorState error={job.error} onRetry={() => void job.refetch()} /> : null}
      {job.data ? <JobPanel job={job.data} state={state} onDismiss={onDismiss} /> : null}
    </div>
  );
}

function JobPanel({
  job,
  state,
  onDismiss,
}: {
  job: JobAnswer;
  state: JobAnswer['state'] | undefined;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <ProgressPanel job={job} title={t('compute.jobTitle')} />
      {state !== 'running' ? (
        <button type="button" className="button" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      ) : null}
    </>
  );
}
