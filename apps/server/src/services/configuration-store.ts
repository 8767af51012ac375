/**
 * The write mechanics every domain shares, once (ADR 0036): the current document (upgraded for
 * the firmware), the revision check of a write, the lifecycle's guard, and the commit of a new
 * document as one revision. The domain services (ports, compute, routes, …) only order their
 * steps: `checkWrite` → core check → `refuseErrors` → `commit` → answer.
 *
 * Every change runs synchronously from `checkWrite` to `commit` (no await between), so two
 * requests can never interleave inside one change, and each accepted change is one revision,
 * all or nothing (see store.ts).
 */
import {
  type DeviceConfig,
  type FirmwareGeneration,
  hasErrors,
  type Issue,
  type RevisionSource,
  upgradeDevice,
} from '@edgenet/network-config';
import fp from 'fastify-plugin';
import { RevisionRequired, RuleViolation, StaleRevision } from '../domain-errors';
import type { PendingRecord, Store } from '../store/store';

export interface WriteContext {
  author: string;
  /**
   * The revision the write was based on (the HTTP layer reads it from If-Match); undefined when
   * the client named none.
   */
  expectedRevision: number | undefined;
  /** Where the write came from (revision history); default `api`. */
  source?: RevisionSource;
  /** The address the client reached the server on (a change to that port is tentative). */
  clientAddress?: string | null;
  /** The client asked for the change to revert unless confirmed (SPEC §7.2). */
  confirm?: boolean;
  /** Warning codes the client acknowledged (`port.managementChange`). */
  acknowledge?: readonly string[];
}

/** What the change lifecycle adds to every write (services/lifecycle.ts). */
export interface WriteGuard {
  /** Throws `change.pendingConfirmation` while a change waits for confirmation. */
  assertNoPending(): void;
  /** The pending record a commit from `before` to `after` must carry, or undefined. */
  pendingFor(
    before: DeviceConfig,
    after: DeviceConfig,
    context: WriteContext,
  ): Omit<PendingRecord, 'revision'> | undefined;
  /** Called after a commit that started a pending change. */
  armed(): void;
}

/** What a domain that writes the configuration depends on: the store, its writer, the guard. */
export const WRITER_DEPENDENCIES = ['edgenet-store', 'edgenet-configuration', 'edgenet-lifecycle'];

export interface Written {
  revision: number;
}

/**
 * Refuses a change whose core check found an error, or made nothing (422 `validation.failed`);
 * past it, `made` (the route, switch, … the check built) is there.
 */
export function refuseErrors<T>(issues: readonly Issue[], made?: T | null): asserts made is T {
  if (hasErrors(issues) || made === null) throw new RuleViolation(issues);
}

export class ConfigurationStore {
  /** The change lifecycle's guard (set by the lifecycle plugin). */
  guard: WriteGuard | null = null;

  /** The stored document, upgraded (virtual switches) once per stored object. */
  private upgraded: { stored: DeviceConfig; device: DeviceConfig } | null = null;

  constructor(
    private readonly store: Store,
    /** The firmware generation the rules follow (SPEC §8). */
    readonly firmware: FirmwareGeneration = '2021',
  ) {}

  get revision(): number {
    return this.store.revision;
  }

  get device(): DeviceConfig {
    const stored = this.store.current;
    if (this.upgraded?.stored !== stored) {
      this.upgraded = { stored, device: upgradeDevice(stored, { firmware: this.firmware }) };
    }
    return this.upgraded.device;
  }

  /**
   * Before any write: no change may wait for confirmation; then the expected revision must be
   * the current one (`RevisionRequired` when it is required and missing, `StaleRevision` when
   * it names another).
   */
  checkWrite(context: WriteContext, required: boolean): void {
    this.guard?.assertNoPending();
    const expected = context.expectedRevision;
    if (expected === undefined) {
      if (required) throw new RevisionRequired();
      return;
    }
    if (expected !== this.store.revision) throw new StaleRevision(this.store.revision);
  }

  /** Stores `document` as the next revision (with the pending record the guard asks for). */
  commit(
    document: DeviceConfig,
    context: WriteContext,
    summary: string,
    extra: { summaryJa?: string } = {},
  ): number {
    const pending = this.guard?.pendingFor(this.device, document, context);
    const revision = this.store.commit({
      basedOn: this.store.revision,
      author: context.author,
      summary,
      document,
      source: context.source ?? 'api',
      ...extra,
      ...(pending ? { pending } : {}),
    });
    if (pending) this.guard?.armed();
    return revision;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The current configuration and the one way to write it. */
    config: ConfigurationStore;
  }
}

export default fp(
  async (app) => {
    app.decorate('config', new ConfigurationStore(app.store, app.appOptions.firmware));
  },
  { name: 'edgenet-configuration', dependencies: ['edgenet-store'] },
);
