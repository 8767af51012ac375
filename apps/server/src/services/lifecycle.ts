/**
 * The change lifecycle (SPEC §7.1, §7.2): restore of an old revision, and the tentative change
 * that reverts by itself unless confirmed. Every rule comes from the core (`checkRestore`,
 * `tentativeReason`, `managementChangeIssues`); this module keeps the deadline's timer and orders
 * the steps. The pending record lives in the store, written in the same transaction as the
 * revision that starts or ends it (a crash leaves the old state or the new one, never a mix).
 */
import {
  checkRestore,
  type DeviceConfig,
  jsonEqual,
  localizeIssues,
  managementChangeIssues,
  restoreSummary,
  revertSummary,
  rollbackSummary,
  tentativeReason,
  unacknowledged,
} from '@edgenet/network-config';
import type { PendingChange } from '@edgenet/network-config/contract';
import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import { acknowledgementRequired, Conflict, NotFound, PendingConfirmation } from '../domain-errors';
import type { DeviceDriver } from '../driver/driver';
import type { PendingRecord, Store } from '../store/store';
import type { ConfigurationStore } from './configuration-store';
import type { WriteContext, WriteGuard } from './write-context';

export interface LifecycleOptions {
  confirmSeconds: number;
  /** The clock (tests). */
  now?: () => number;
}

export function revisionNotFound(n: number): NotFound {
  return new NotFound('revision.unknown', { revision: n });
}

export class ChangeLifecycle implements WriteGuard {
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly config: ConfigurationStore,
    private readonly driver: DeviceDriver,
    private readonly log: FastifyBaseLogger,
    private readonly options: LifecycleOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  // ---- the guard of every write ----------------------------------------------------------------

  assertNoPending(): void {
    const pending = this.store.pending();
    if (!pending) return;
    const confirmBy = new Date(pending.deadline).toISOString();
    const seconds = Math.max(1, Math.ceil((pending.deadline - this.now()) / 1000));
    throw new PendingConfirmation(
      'change.pendingConfirmation',
      { revision: pending.revision, confirmBy },
      undefined,
      seconds,
    );
  }

  pendingFor(
    before: DeviceConfig,
    after: DeviceConfig,
    context: WriteContext,
  ): Omit<PendingRecord, 'revision'> | undefined {
    if (context.source === 'rollback') return undefined;
    const reason =
      tentativeReason(before, after, context.clientAddress) ??
      (context.confirm ? 'requested' : null);
    if (!reason) return undefined;
    const seconds = this.options.confirmSeconds;
    return {
      previous: this.store.revision,
      deadline: this.now() + seconds * 1000,
      seconds,
      author: context.author,
      reason,
      createdAt: new Date(this.now()).toISOString(),
    };
  }

  armed(): void {
    this.arm();
  }

  // ---- pending ---------------------------------------------------------------------------------

  pending(): PendingChange | null {
    const p = this.store.pending();
    if (!p) return null;
    return {
      revision: p.revision,
      previous: p.previous,
      confirmBy: new Date(p.deadline).toISOString(),
      secondsLeft: Math.max(0, Math.ceil((p.deadline - this.now()) / 1000)),
      seconds: p.seconds,
      reason: p.reason,
      author: p.author,
    };
  }

  /** The `confirmBy` of a write's answer: set when `revision` is the pending one. */
  confirmByFor(revision: number): string | null {
    const p = this.store.pending();
    return p && p.revision === revision ? new Date(p.deadline).toISOString() : null;
  }

  /** Keeps the pending change. 409 when nothing is pending. */
  confirm(): void {
    if (!this.store.pending()) throw nothingPending();
    this.store.clearPending();
    this.disarm();
  }

  /** Reverts the pending change at once (as the admin asked). 409 when nothing is pending. */
  revert(author: string): number {
    const pending = this.store.pending();
    if (!pending) throw nothingPending();
    return this.rollBack(pending, author, revertSummary(pending.revision));
  }

  /**
   * At start-up: a pending change whose deadline passed while the server was down rolls back
   * now; otherwise its timer is re-armed for the time left.
   */
  recover(): void {
    const pending = this.store.pending();
    if (!pending) return;
    if (pending.deadline <= this.now()) this.expire();
    else this.arm();
  }

  stop(): void {
    this.disarm();
  }

  private arm(): void {
    this.disarm();
    const pending = this.store.pending();
    if (!pending) return;
    const delay = Math.max(0, pending.deadline - this.now());
    this.timer = setTimeout(() => this.expire(), delay);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private expire(): void {
    this.timer = null;
    const pending = this.store.pending();
    if (!pending || !this.store.isOpen) return;
    if (pending.deadline > this.now()) {
      this.arm();
      return;
    }
    try {
      const revision = this.rollBack(
        pending,
        'system',
        rollbackSummary(pending.seconds, pending.revision),
      );
      this.log.warn(
        { reverted: pending.revision, restored: pending.previous, revision },
        'a tentative change was not confirmed in time: rolled back',
      );
    } catch (error) {
      this.log.error({ err: error }, 'the rollback of a tentative change failed');
    }
  }

  /** Stores the revision before the pending one as a new revision, ending the pending change. */
  private rollBack(pending: PendingRecord, author: string, summary: { en: string; ja: string }) {
    this.disarm();
    const previous = this.store.revisionDocument(pending.previous);
    if (!previous) throw new Error(`revision ${pending.previous} is missing`);
    const current = this.store.current;
    const candidate = this.driver.observe(checkRestore(current, previous).device);
    const revision = this.store.commit({
      basedOn: this.store.revision,
      author,
      source: 'rollback',
      summary: summary.en,
      summaryJa: summary.ja,
      document: candidate,
      pending: null,
    });
    this.afterDocumentChange(current);
    return revision;
  }

  private afterDocumentChange(before: DeviceConfig): void {
    if (!jsonEqual(before.compute.serviceIpRange, this.store.current.compute.serviceIpRange)) {
      this.driver.updateServiceIpRange(this.store.current);
    }
  }

  // ---- revisions and restore -------------------------------------------------------------------

  /** The document of revision `n`; `revision.unknown` when there is none. */
  revisionDocument(n: number) {
    const document = this.store.revisionDocument(n);
    if (!document) throw revisionNotFound(n);
    return document;
  }

  /** Makes revision `n`'s configuration current as a new revision (SPEC §7.1). */
  restore(n: number, context: WriteContext) {
    this.config.checkWrite(context, true);
    const target = this.revisionDocument(n);
    const current = this.store.current;
    const result = checkRestore(current, target);
    this.config.refuse(result.issues);
    const candidate = this.driver.observe(result.device);
    const management = managementChangeIssues(current, candidate);
    if (unacknowledged(management, context.acknowledge).length > 0) {
      throw acknowledgementRequired(management);
    }
    const summary = restoreSummary(n);
    const revision = this.config.commit(candidate, { ...context, source: 'restore' }, summary.en, {
      summaryJa: summary.ja,
    });
    this.afterDocumentChange(current);
    return {
      revision,
      restored: n,
      issues: localizeIssues(result.issues),
      confirmBy: this.confirmByFor(revision),
    };
  }
}

function nothingPending(): Conflict {
  return new Conflict('change.nothingPending');
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Restore, and the tentative change that reverts unless confirmed; guards every write. */
    lifecycle: ChangeLifecycle;
  }
}

/**
 * The change lifecycle guards every write of the configuration store; a change left pending by a
 * crash rolls back (or re-arms) as it starts.
 */
export default fp(
  async (app) => {
    const lifecycle = new ChangeLifecycle(app.store, app.config, app.device, app.log, {
      confirmSeconds: app.appOptions.confirmSeconds,
    });
    app.config.guard = lifecycle;
    app.decorate('lifecycle', lifecycle);
    lifecycle.recover();
    app.addHook('preClose', async () => lifecycle.stop());
  },
  { name: 'edgenet-lifecycle', dependencies: ['edgenet-store', 'edgenet-configuration'] },
);
