import type { JobAnswer } from '@edgenet/network-config/contract';
import { isMessageKey, useI18n } from '../lib/i18n';
import { FormFailure } from './FieldIssues';
import { Icon, type IconName } from './Icon';

const STEP_ICON: Record<JobAnswer['steps'][number]['state'], IconName> = {
  pending: 'pending',
  running: 'running',
  succeeded: 'check',
  failed: 'error',
};

/** Follows a job (e.g. applying compute) through its steps to success or failure with the reason. */
export function ProgressPanel({ job, title }: { job: JobAnswer; title: string }) {
  const { t, locale, formatNumber, formatDateTime } = useI18n();
  const stepLabel = (step: JobAnswer['steps'][number]) => {
    if (step.label) return step.label[locale];
    const key = `job.step.${step.name}`;
    return isMessageKey(key) ? t(key) : step.name;
  };
  const stateKey = `job.state.${job.state}` as const;
  return (
    <section className={`progress-panel progress-panel--${job.state}`} aria-label={title}>
      <div className="progress-head">
        <h3 className="progress-title">{title}</h3>
        <span className="progress-state" role="status" aria-live="polite">
          {t(stateKey)} · {formatNumber(job.progress)}%
        </span>
      </div>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={title}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={job.progress}
      >
        <div className="progress-fill" style={{ width: `${job.progress}%` }} />
      </div>
      <ol className="progress-steps">
        {job.steps.map((step) => (
          <li key={step.name} className={`progress-step progress-step--${step.state}`}>
            <Icon
              name={STEP_ICON[step.state]}
              size={18}
              className={step.state === 'running' ? 'spin' : undefined}
            />
            <span className="progress-step-name">{stepLabel(step)}</span>
            <span className="visually-hidden">{t(`job.stepState.${step.state}`)}</span>
          </li>
        ))}
      </ol>
      <FormFailure
        message={
          job.state === 'failed' && job.error ? t('job.failedReason', { reason: job.error }) : null
        }
      />
      <p className="progress-times">
        {t('job.startedAt', { time: formatDateTime(job.startedAt) })}
        {job.finishedAt
          ? ` · ${t('job.finishedAt', { time: formatDateTime(job.finishedAt) })}`
          : ''}
      </p>
    </section>
  );
}
