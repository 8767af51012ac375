/**
 * Answers derived from one configuration document, kept beside it.
 *
 * The store replaces the document on every commit, so a WeakMap keyed by the document holds what
 * was built from it for exactly as long as that revision is current: a new revision is a new key,
 * and the old answers are collected with the old document. Large read-only answers (the route
 * list, a VM's effective table: ≈ 15 MB each at 100,000 routes) are built once per revision
 * instead of once per request (ADR 0032, 0042); `http/serialize-once.ts` writes their JSON once.
 */
import type { DeviceConfig } from '@edgenet/network-config';

export class DocumentMemo<T> {
  private readonly byDocument = new WeakMap<DeviceConfig, Map<string, T>>();

  /** `limit`: keys kept per document; the least recently used goes first. */
  constructor(private readonly limit: number) {}

  get(device: DeviceConfig, key: string, build: () => T): T {
    let byKey = this.byDocument.get(device);
    if (byKey === undefined) {
      byKey = new Map();
      this.byDocument.set(device, byKey);
    }
    let value = byKey.get(key);
    if (value === undefined) {
      value = build();
      if (byKey.size >= this.limit) {
        const oldest = byKey.keys().next().value;
        if (oldest !== undefined) byKey.delete(oldest);
      }
    } else {
      // Most recently used last, so the first key is the least recently used.
      byKey.delete(key);
    }
    byKey.set(key, value);
    return value;
  }
}
