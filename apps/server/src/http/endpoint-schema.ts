/**
 * A route's Fastify schema from the contract's endpoint table (ADR 0034): its params, querystring
 * and body, the 2xx answer schemas (which Fastify serializes with; ADR 0032's lazy serializers
 * keep working), any answer schema of its own for an error status (the console's 422), and the
 * OpenAPI words (tags, summary, description). The type keeps the TypeBox type provider's
 * inference: `request.params`, `request.query` and `request.body` are typed by the table.
 *
 * The problem statuses (plain `ProblemSchema`) stay out of Fastify's serializers: problems are
 * built with every field by `HttpProblem.toJSON`, and a serializer per route and status would cost
 * seconds at start-up. The OpenAPI document still lists them (`problemResponsesOf`, plugins/docs.ts).
 */

import { ProblemSchema } from '@edgenet/network-config/contract';
import type { EndpointName, Endpoints } from '@edgenet/network-config/contract/endpoints';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { TSchema } from 'typebox';

type Entry<K extends EndpointName> = Endpoints[K];
type Responses<K extends EndpointName> = Entry<K>['responses'];
/** The statuses whose schema Fastify gets: the documents, and an error answer of its own. */
type DeclaredStatus<K extends EndpointName> = {
  [S in keyof Responses<K>]: S extends 200 | 201 | 202 | 204
    ? S
    : Responses<K>[S] extends typeof ProblemSchema
      ? never
      : S;
}[keyof Responses<K>];

export type RouteSchemaOf<K extends EndpointName> = {
  tags: string[];
  summary: string;
  description?: string;
  response: Pick<Responses<K>, DeclaredStatus<K>>;
} & (Entry<K> extends { params: infer P extends TSchema } ? { params: P } : unknown) &
  (Entry<K> extends { query: infer Q extends TSchema } ? { querystring: Q } : unknown) &
  (Entry<K> extends { body: infer B extends TSchema } ? { body: B } : unknown);

const SUCCESS = new Set([200, 201, 202, 204]);

/** The Fastify schema of endpoint `name`, as the table says. */
export function routeSchema<K extends EndpointName>(name: K): RouteSchemaOf<K> {
  const entry = ENDPOINTS[name] as {
    summary: string;
    description?: string;
    tags: readonly string[];
    params?: TSchema;
    query?: TSchema;
    body?: TSchema;
    responses: Record<number, TSchema>;
  };
  const response: Record<number, TSchema> = {};
  for (const [status, schema] of Object.entries(entry.responses)) {
    if (SUCCESS.has(Number(status)) || schema !== ProblemSchema) response[Number(status)] = schema;
  }
  return {
    tags: [...entry.tags],
    summary: entry.summary,
    ...(entry.description !== undefined ? { description: entry.description } : {}),
    ...(entry.params ? { params: entry.params } : {}),
    ...(entry.query ? { querystring: entry.query } : {}),
    ...(entry.body ? { body: entry.body } : {}),
    response,
  } as RouteSchemaOf<K>;
}

/** The problem answers of the route at `method` `url`, for the OpenAPI document. */
export function problemResponsesOf(method: string, url: string): Record<string, TSchema> {
  for (const entry of Object.values(ENDPOINTS) as {
    method: string;
    path: string;
    responses: Record<number, TSchema>;
  }[]) {
    if (entry.method !== method || entry.path !== url) continue;
    return Object.fromEntries(
      Object.entries(entry.responses).filter(([status]) => Number(status) >= 400),
    );
  }
  return {};
}
