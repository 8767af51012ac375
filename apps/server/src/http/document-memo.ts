/**
 * Answers derived from one configuration document, kept beside it, and their JSON written once.
 *
 * The store replaces the document on every commit, so a WeakMap keyed by the document holds what
 * was built from it for exactly as long as that revision is current: a new revision is a new key,
 * and the old answers are collected with the old document. Large read-only answers (the route
 * list, a VM's effective table: ≈ 15 MB each at 100,000 routes) are built and serialised once per
 * revision instead of once per request (ADR 0032, 0042).
 */
import type { DeviceConfig } from '@edgenet/network-config';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifySerializerCompiler } from 'fastify/types/schema';

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

const texts = new WeakMap<object, string>();

/** The JSON of `value`, written once per object by `write`. */
export function jsonOnce(value: object, write: (value: object) => string): string {
  let json = texts.get(value);
  if (json === undefined) {
    json = write(value);
    texts.set(value, json);
  }
  return json;
}

/**
 * A route's serializer compiler that writes each answer object once: the route's own schema
 * serializer (so the text is exactly what the schema allows), remembered per answer object. Meant
 * for answers that come from a `DocumentMemo`, where the same object is sent again and again.
 */
export function serializeOnce(): FastifySerializerCompiler<unknown> {
  const compile = SerializerSelector()({}, {});
  return (route) => {
    let serialize: ((data: unknown) => string) | undefined;
    return (data) => {
      serialize ??= compile(route as Parameters<typeof compile>[0]);
      const write = serialize;
      return typeof data === 'object' && data !== null ? jsonOnce(data, write) : write(data);
    };
  };
}
