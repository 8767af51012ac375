/**
 * Runs device jobs (applying and disabling compute) in the background and records them.
 *
 * - One job at a time: compute is `Configuring` while it runs, and the core locks compute changes
 *   in that state.
 * - The job row is written when the job starts, at every step boundary and when it ends; progress
 *   within a step lives in memory only (GET /api/jobs/:id reads memory first).
 * - The end of a job moves `compute.state` (Configured / NotConfigured / Failed) in a new revision
 *   by `system`, on top of whatever else changed meanwhile (e.g. routes added).
 * - Restart policy (ours): a job found `running` at start-up was interrupted by a crash or a stop;
 *   it is marked failed ("interrupted") and compute goes to `Failed`, so the admin sees it and
 *   applies again. Re-running it blindly could act on a configuration the admin no longer wants.
 *   A graceful stop aborts the running job the same way.
 */
import { randomUUID } from 'node:crypto';
import type { ComputeState, DeviceConfig } from '@edgenet/network-config';
import type { FastifyBaseLogger } from 'fastify';
import type { DeviceDriver, JobKind, LocalizedText, StepPlan } from '../driver/driver';
import type { JobRecord, Store } from '../store/store';

export interface JobView extends JobRecord {
  steps: (JobRecord['steps'][number] & { label?: LocalizedText })[];
}

interface RunningJob {
  record: JobView;
  kind: JobKind;
  completed: Set<string>;
  controller: AbortController;
  done: Promise<void>;
}

export const INTERRUPTED_ERROR =
  'Interrupted: the server stopped while the job was running. Apply the configuration again.';

/** The step that was running when the process stopped: the running one, else the first pending. */
function markInterrupted(steps: JobRecord['steps']): JobRecord['steps'] {
  let index = steps.findIndex((s) => s.state === 'running');
  if (index === -1) index = steps.findIndex((s) => s.state === 'pending');
  return steps.map((s, i) => (i === index ? { ...s, state: 'failed' as const } : s));
}

const STATE_AFTER: Record<JobKind, { succeeded: ComputeState; failed: ComputeState }> = {
  'compute.apply': { succeeded: 'Configured', failed: 'Failed' },
  'compute.disable': { succeeded: 'NotConfigured', failed: 'Failed' },
};

export class JobRunner {
  private current: RunningJob | null = null;
  private stopping = false;

  constructor(
    private readonly store: Store,
    private readonly driver: DeviceDriver,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Marks jobs a previous process left running as failed, and compute as Failed. */
  recover(): void {
    for (const job of this.store.runningJobs()) {
      this.store.saveJob({
        ...job,
        state: 'failed',
        error: INTERRUPTED_ERROR,
        finishedAt: new Date().toISOString(),
        steps: markInterrupted(job.steps),
      });
      this.log.warn({ job: job.id }, 'job interrupted by a restart: marked failed');
    }
    if (this.store.current.compute.state === 'Configuring') {
      this.setComputeState('Failed', 'Compute: Configuring → Failed (interrupted by a restart)');
    }
  }

  get running(): { kind: JobKind; completed: ReadonlySet<string>; id: string } | null {
    return this.current
      ? { kind: this.current.kind, completed: this.current.completed, id: this.current.record.id }
      : null;
  }

  get(id: string): JobView | null {
    if (this.current?.record.id === id) return structuredClone(this.current.record);
    const stored = this.store.job(id);
    if (!stored) return null;
    const labels = new Map<string, LocalizedText>();
    for (const kind of ['compute.apply', 'compute.disable'] as const) {
      for (const step of this.driver.plan(kind, this.store.current))
        labels.set(step.name, step.label);
    }
    return { ...stored, steps: stored.steps.map((s) => ({ ...s, label: labels.get(s.name) })) };
  }

  /** The error of the last job when it failed, for GET /api/compute. */
  lastError(): string | null {
    const job = this.store.latestJob();
    return job?.state === 'failed' ? job.error : null;
  }

  /**
   * Starts a job on the device as it is now (the caller has just committed the revision that
   * asks for it). Runs on the next turn of the event loop; the API never waits for it.
   */
  start(kind: JobKind, device: DeviceConfig, revision: number): JobView {
    if (this.current) throw new Error('a job is already running');
    const plan = this.driver.plan(kind, device);
    const record: JobView = {
      id: randomUUID(),
      kind,
      state: 'running',
      progress: 0,
      steps: plan.map((s) => ({ name: s.name, state: 'pending', label: s.label })),
      error: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      revision,
    };
    this.persist(record);
    const controller = new AbortController();
    const running: RunningJob = {
      record,
      kind,
      completed: new Set(),
      controller,
      done: Promise.resolve(),
    };
    this.current = running;
    running.done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run(running, plan, device))
      .catch((error: unknown) => {
        // Only the store can fail here (e.g. closed under a running job): log, never crash.
        this.log.error({ err: error, job: record.id }, 'job runner failed');
      })
      .finally(() => {
        if (this.current === running) this.current = null;
      });
    return structuredClone(record);
  }

  private persist(record: JobView): void {
    if (!this.store.isOpen) return;
    this.store.saveJob({
      ...record,
      steps: record.steps.map(({ name, state }) => ({ name, state })),
    });
  }

  private async run(job: RunningJob, plan: StepPlan[], device: DeviceConfig): Promise<void> {
    const { record } = job;
    const total = plan.length;
    let failure: string | null = null;
    for (const [i, step] of plan.entries()) {
      const row = record.steps[i];
      if (!row) continue;
      // Step starts live in memory only; the row is written when a step ends (one fsync a step).
      row.state = 'running';
      try {
        await this.driver.runStep(
          job.kind,
          step,
          device,
          (fraction) => {
            record.progress = Math.min(99, Math.floor(((i + fraction) / total) * 100));
          },
          job.controller.signal,
        );
        row.state = 'succeeded';
        job.completed.add(step.name);
        record.progress = Math.floor(((i + 1) / total) * 100);
        if (i < total - 1) this.persist(record);
      } catch (error) {
        row.state = 'failed';
        failure = job.controller.signal.aborted
          ? INTERRUPTED_ERROR
          : error instanceof Error
            ? error.message
            : String(error);
        break;
      }
    }
    record.state = failure ? 'failed' : 'succeeded';
    record.error = failure;
    if (!failure) record.progress = 100;
    record.finishedAt = new Date().toISOString();
    this.persist(record);
    const next = STATE_AFTER[job.kind][failure ? 'failed' : 'succeeded'];
    this.setComputeState(next, `Compute: Configuring → ${next} (job ${record.id})`);
    if (failure) this.log.warn({ job: record.id, error: failure }, 'job failed');
    else this.log.info({ job: record.id, kind: job.kind }, 'job succeeded');
    this.current = null;
  }

  private setComputeState(state: ComputeState, summary: string): void {
    if (!this.store.isOpen) return;
    const device = this.store.current;
    if (device.compute.state === state) return;
    this.store.commit({
      basedOn: this.store.revision,
      author: 'system',
      summary,
      document: { ...device, compute: { ...device.compute, state } },
    });
  }

  /** Waits for the running job (tests) — resolves at once when none runs. */
  async idle(): Promise<void> {
    await this.current?.done;
  }

  /** Graceful stop: aborts the running job, which ends as failed (interrupted). */
  async stop(): Promise<void> {
    this.stopping = true;
    const job = this.current;
    if (!job) return;
    job.controller.abort(new Error('server stopping'));
    await job.done.catch(() => undefined);
  }

  get isStopping(): boolean {
    return this.stopping;
  }
}
