/** What every write of the configuration carries, and what the change lifecycle adds to it. */
import type { DeviceConfig, RevisionSource } from '@edgenet/network-config';
import type { PendingRecord } from '../store/store';

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

export interface Written {
  revision: number;
}
