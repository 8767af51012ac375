import type { KernelLookup, ProbeAnswer } from '@edgenet/network-config/contract';
import { Badge } from '../../components/Badge';
import { useI18n } from '../../lib/i18n';

/** The VM kernel's own answer beside the core's (Linux driver), with a flag when they differ. */
export function KernelAnswer({ kernel }: { kernel: KernelLookup }) {
  const { t } = useI18n();
  return (
    <div className="kernel-answer">
      <p>
        <strong>{t('probe.kernelAnswer')}</strong>{' '}
        {kernel.agrees ? (
          <Badge tone="success">{t('probe.agrees')}</Badge>
        ) : (
          <Badge tone="warning">{t('probe.disagrees')}</Badge>
        )}
      </p>
      {kernel.route ? (
        <dl className="facts">
          <dt>{t('routes.chosenRoute')}</dt>
          <dd>
            <strong>{kernel.route.destinationPrefix}</strong> ({kernel.route.type},{' '}
            {t('probe.metric', { metric: kernel.route.metric })})
          </dd>
          <dt>{t('routes.nextHop')}</dt>
          <dd>{kernel.nextHop ?? '—'}</dd>
          <dt>{t('probe.device')}</dt>
          <dd>{kernel.route.dev ?? '—'}</dd>
        </dl>
      ) : (
        <p>{kernel.error}</p>
      )}
      <p className="kernel-command">
        <code>{kernel.command}</code>
      </p>
    </div>
  );
}

/** A real ping's outcome: reachable or not (with the kernel's words), and the path it took. */
export function ProbeResult({ probe }: { probe: ProbeAnswer }) {
  const { t, locale } = useI18n();
  return (
    <div className="lookup-answer probe-answer">
      <p className="lookup-summary">
        {probe.reachable ? (
          <Badge tone="success">{t('probe.reachable')}</Badge>
        ) : (
          <Badge tone="error">{t('probe.unreachable')}</Badge>
        )}{' '}
        {probe.summary[locale]}
      </p>
      {probe.hops.length ? (
        <ul className="probe-hops" aria-label={t('probe.path')}>
          {probe.hops.map((hop) => (
            <li key={hop.ttl}>
              {t('probe.hop', { ttl: hop.ttl })}: {hop.address ?? '*'} —{' '}
              {t(`probe.outcome.${hop.outcome}`)}
            </li>
          ))}
        </ul>
      ) : null}
      <KernelAnswer kernel={probe.route} />
    </div>
  );
}
