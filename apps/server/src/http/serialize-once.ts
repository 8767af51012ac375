/**
 * The JSON of an answer that is sent again and again (the same object from a `DocumentMemo`),
 * written once per object (ADR 0032, 0042).
 */
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifySerializerCompiler } from 'fastify/types/schema';

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
