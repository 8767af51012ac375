/**
 * The write mechanics every domain shares, once (ADR 0036): the current document (upgraded for
 * the firmware), the revision check of a write, the lifecycle's guard, and the commit of a new
 * document as one revision. The domain services (ports, compute, routes, …) only order their
 * steps: `checkWrite` → core check → `refuse` → `commit` → answer.
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
  upgradeDevice,
} from '@edgenet/network-config';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { RevisionRequired, RuleViolation, StaleRevision } from '../domain-errors';
import type { Store } from '../store/store';
import type { WriteContext, WriteGuard } from './write-context';

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

  /**
   * Refuses a change whose core check found an error, or made nothing (422 `validation.failed`);
   * past it, `made` (the route, switch, … the check built) is there.
   */
  refuse<T>(issues: readonly Issue[], made?: T | null): asserts made is T {
    if (hasErrors(issues) || made === null) throw new RuleViolation(issues);
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

/** What a domain that writes the configuration depends on: the store, its writer, the guard. */
const WRITER_DEPENDENCIES = ['edgenet-store', 'edgenet-configuration', 'edgenet-lifecycle'];

/**
 * A domain service as a plugin: decorates the app with `key` once, after the store, the
 * configuration store and the change lifecycle.
 */
export function domainPlugin<K extends keyof FastifyInstance>(
  name: string,
  key: K,
  build: (app: FastifyInstance) => FastifyInstance[K],
) {
  return fp(
    async (app) => {
      // Typed by `build` against the `declare module` of the domain; Fastify's own overloads of
      // `decorate` cannot follow a generic key.
      app.decorate(key, build(app) as never);
    },
    { name, dependencies: WRITER_DEPENDENCIES },
  );
}
