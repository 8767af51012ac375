/**
 * Compute (SPEC §6): the settings and state, a change of them, and the hand-off to the job
 * runner when the device has work to do. Every rule is the core's, the comparison of ranges too.
 */
import {
  type ComputeSwitchSettings,
  checkComputeSwitchChange,
  computeSwitchOf,
  type Issue,
  jsonEqual,
  localizeIssues,
} from '@edgenet/network-config';
import type { ApiIssue, Compute } from '@edgenet/network-config/contract';
import { Conflict } from '../domain-errors';
import type { DeviceDriver } from '../driver/driver';
import type { JobRunner, JobView } from '../jobs/job-runner';
import { type ConfigurationStore, domainPlugin } from './configuration-store';
import type { WriteContext } from './write-context';

function rangeText(range: { start: string; end: string } | null): string {
  return range ? `${range.start}–${range.end}` : 'none';
}

export class ComputeService {
  constructor(
    private readonly config: ConfigurationStore,
    private readonly driver: DeviceDriver,
    private readonly jobs: JobRunner,
  ) {}

  read(): Compute {
    const device = this.config.device;
    const { compute } = device;
    return {
      computePort: compute.computePort,
      nodeIpRange: compute.nodeIpRange,
      serviceIpRange: compute.serviceIpRange,
      podCidr: compute.podCidr,
      serviceCidr: compute.serviceCidr,
      state: compute.state,
      error: compute.state === 'Failed' ? this.jobs.lastError() : null,
      jobId: this.jobs.running?.id ?? null,
      revision: this.config.revision,
      computeSwitch: computeSwitchOf(device)?.name ?? null,
    };
  }

  /**
   * Validates and applies compute settings. Returns the job when the device has work to do:
   * enabling (NotConfigured/Failed → Configuring → Configured) or disabling (computePort null
   * while Configured/Failed → Configuring → NotConfigured). A new external service IP range while
   * Configured takes effect at once (doc: no restart), and settings saved while NotConfigured
   * with no compute port need no job either.
   */
  update(
    settings: ComputeSwitchSettings,
    context: WriteContext,
  ): { job: JobView | null; issues: ApiIssue[]; revision: number } {
    this.config.checkWrite(context, true);
    const device = this.config.device;
    const previous = device.compute;
    if (previous.state === 'Configuring' || this.jobs.running) {
      throw new Conflict('compute.busy');
    }
    const result = checkComputeSwitchChange(device, settings);
    this.config.refuse(result.issues);
    const next = result.device.compute;
    const issues = localizeIssues(result.issues);

    if (next.computePort === null) {
      if (previous.state === 'Configured' || previous.state === 'Failed') {
        const candidate = { ...result.device, compute: { ...next, state: 'Configuring' as const } };
        const revision = this.config.commit(candidate, context, 'Compute: disable');
        return { job: this.jobs.start('compute.disable', candidate, revision), issues, revision };
      }
      const revision = this.config.commit(
        result.device,
        context,
        'Compute: settings saved (compute not enabled)',
      );
      return { job: null, issues, revision };
    }
    if (previous.state === 'Configured') {
      // The core locks everything else once Configured: only the service IP range can differ.
      // Compared as the core compares documents (key order does not matter: `{end, start}` is
      // the same range as `{start, end}`).
      const changed = !jsonEqual(previous.serviceIpRange, next.serviceIpRange);
      const revision = this.config.commit(
        result.device,
        context,
        changed
          ? `Compute: external service IPs ${rangeText(next.serviceIpRange)}`
          : 'Compute: no change',
      );
      if (changed) this.driver.updateServiceIpRange(this.config.device);
      return { job: null, issues, revision };
    }
    const candidate = { ...result.device, compute: { ...next, state: 'Configuring' as const } };
    const revision = this.config.commit(
      candidate,
      context,
      `Compute: enable on ${next.computePort} (node IPs ${rangeText(next.nodeIpRange)}, service IPs ${rangeText(next.serviceIpRange)})`,
    );
    return { job: this.jobs.start('compute.apply', candidate, revision), issues, revision };
  }

  /** The issues of a change, nothing saved. */
  validate(settings: ComputeSwitchSettings): Issue[] {
    return checkComputeSwitchChange(this.config.device, settings).issues;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    compute: ComputeService;
  }
}

export default domainPlugin(
  'edgenet-compute',
  'compute',
  (app) => new ComputeService(app.config, app.device, app.jobs),
);
