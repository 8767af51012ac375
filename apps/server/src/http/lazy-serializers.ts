/**
 * Response serializers compiled on a route's first answer instead of at start-up.
 *
 * Fastify compiles a fast-json-stringify serializer for every response schema of every route when
 * the app becomes ready: about a hundred schemas here, the largest single cost of starting the
 * compiled server (≈ 95 ms of ≈ 450 ms, measured with --cpu-prof; ADR 0032). Deferring each one to
 * the first answer that needs it keeps the same serializer, and so the same throughput once warm,
 * while the console starts listening sooner. The trade: a response schema fastify cannot compile
 * fails on that route's first answer rather than at start — which is why only `server.ts` turns
 * this on, and the test suites (which build the app with `buildApp`) still compile every
 * serializer eagerly and so catch such a schema.
 */
import {
  type Serializer,
  type SerializerFactory,
  SerializerSelector,
} from '@fastify/fast-json-stringify-compiler';
import type { FastifySchemaCompiler } from 'fastify';

export function lazySerializers(): SerializerFactory {
  const eager = SerializerSelector();
  return (externalSchemas, options) => {
    const compile = eager(externalSchemas, options);
    return (route) => {
      let serialize: Serializer | undefined;
      return (data) => {
        serialize ??= compile(route);
        return serialize(data);
      };
    };
  };
}

/**
 * The same for request validators: TypeBox compiles each route's body, query and params schema
 * into a checking function when the app becomes ready (≈ 40 ms of start-up, ADR 0044); this
 * compiles it on the route's first request instead. Only `server.ts` uses it, as above.
 */
export function lazyValidators<S>(compile: FastifySchemaCompiler<S>): FastifySchemaCompiler<S> {
  return (routeSchema) => {
    let validate: ReturnType<FastifySchemaCompiler<S>> | undefined;
    return (data) => {
      validate ??= compile(routeSchema);
      return validate(data);
    };
  };
}
