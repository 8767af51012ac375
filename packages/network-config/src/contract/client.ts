/**
 * The typed client of the HTTP API, built from the endpoint table: `api.call(name, input)` fills
 * the path, the query string, `If-Match: "<n>"` and the JSON body, and answers `{ status, data,
 * etag, headers }` typed by the endpoint's 2xx schemas; any other status throws an `ApiError`
 * carrying the problem. Given a checker (`@edgenet/network-config/contract/check`, in development
 * and tests), every answer — documents and problems — is checked against the table's schema for
 * its status, and a mismatch throws a `ContractViolation`.
 *
 * No TypeBox at run time: the schemas are used for types only (`import type`), so the web can use
 * this within its bundle budget (ADR 0034).
 */

import { ENDPOINT_PATHS, type EndpointName, type HttpMethod, pathOf } from './endpoint-paths';
import type { AnswerOf, InputOf, Revision } from './endpoints';
import type { ApiIssue, Problem } from './index';
import type { ApiTransport } from './transport';

/** A non-2xx answer: its status and the RFC 9457 problem it carried (null when none came). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  /** The endpoint called, when the typed client threw it. */
  readonly endpoint: EndpointName | null;

  constructor(
    status: number,
    problem: Problem | null,
    fallback: string,
    endpoint: EndpointName | null = null,
  ) {
    super(problem?.detail ?? problem?.title ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.endpoint = endpoint;
  }

  get code(): string | undefined {
    return this.problem?.code;
  }

  get issues(): ApiIssue[] {
    return this.problem?.issues ?? [];
  }
}

/** An answer that is not what the endpoint table says (wrong shape, or a status it does not list). */
export class ContractViolation extends Error {
  constructor(
    readonly endpoint: EndpointName,
    readonly status: number,
    /** Each schema error as `path: message`. */
    readonly errors: readonly string[],
  ) {
    super(
      `${endpoint} answered ${status} off the contract (${ENDPOINT_PATHS[endpoint].method} ${ENDPOINT_PATHS[endpoint].path}): ${errors.slice(0, 5).join('; ')}${errors.length > 5 ? ` (+${errors.length - 5} more)` : ''}`,
    );
    this.name = 'ContractViolation';
  }
}

/** The result of checking one answer: fine, or the schema errors. */
export type ContractCheck = { ok: true } | { ok: false; errors: string[] };

/** Checks an answer against the table (`createContractChecker` in `contract/check`). */
export interface ContractChecker {
  check(name: EndpointName, status: number, body: unknown): ContractCheck;
}

export interface ApiAnswer<K extends EndpointName> {
  status: number;
  data: AnswerOf<K>;
  /** The `ETag` header (`"<revision>"`), or null. */
  etag: string | null;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
}

/** `call`'s input argument: optional when nothing in it is required. */
export type CallArgs<K extends EndpointName> =
  object extends InputOf<K> ? [input?: InputOf<K>] : [input: InputOf<K>];

export interface ApiClientOptions {
  /** Checks every answer against the table (development and tests). */
  check?: ContractChecker;
  /** Headers sent with every request (e.g. `Edgenet-Source: web`). */
  headers?: Record<string, string>;
}

export interface TypedApiClient {
  call<K extends EndpointName>(name: K, ...args: CallArgs<K>): Promise<ApiAnswer<K>>;
  /** The transport the client speaks through. */
  readonly transport: ApiTransport;
}

/** The query string of `query` (`?a=1&b=2`; undefined, null and '' left out; '' when empty). */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** The `If-Match` value of a revision: a strong ETag, `"<n>"`. */
export function ifMatchOf(revision: Revision | undefined): string | null {
  if (revision === undefined || revision === null || revision === '') return null;
  return `"${revision}"`;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'status' in body && 'title' in body;
}

export function createApiClient(
  transport: ApiTransport,
  options: ApiClientOptions = {},
): TypedApiClient {
  return {
    transport,
    async call<K extends EndpointName>(name: K, ...args: CallArgs<K>): Promise<ApiAnswer<K>> {
      const input = (args[0] ?? {}) as {
        params?: Record<string, string | number>;
        query?: Record<string, unknown>;
        body?: unknown;
        ifMatch?: Revision;
        headers?: Record<string, string>;
        signal?: unknown;
      };
      const entry = ENDPOINT_PATHS[name] as { method: HttpMethod; path: string; text?: true };
      const path =
        (pathOf as (n: EndpointName, p?: Record<string, string | number>) => string)(
          name,
          input.params,
        ) + queryString(input.query);
      const headers: Record<string, string> = { ...options.headers, ...input.headers };
      const ifMatch = ifMatchOf(input.ifMatch);
      if (ifMatch !== null) headers['if-match'] = ifMatch;
      const answer = await transport.request(entry.method, path, input.body, headers, {
        ...(input.signal !== undefined ? { signal: input.signal } : {}),
        ...(entry.text ? { responseType: 'text' as const } : {}),
      });
      if (options.check) {
        const result = options.check.check(name, answer.status, answer.body);
        if (!result.ok) throw new ContractViolation(name, answer.status, result.errors);
      }
      if (answer.status < 200 || answer.status >= 300) {
        throw new ApiError(
          answer.status,
          isProblem(answer.body) ? answer.body : null,
          `${entry.method} ${path} answered ${answer.status}`,
          name,
        );
      }
      return {
        status: answer.status,
        data: (answer.status === 204 ? null : answer.body) as AnswerOf<K>,
        etag: answer.headers.etag ?? null,
        headers: answer.headers,
      };
    },
  };
}

export {
  ENDPOINT_NAMES,
  ENDPOINT_PATHS,
  type EndpointName,
  type EndpointPath,
  type HttpMethod,
  matchEndpoint,
  pathOf,
} from './endpoint-paths';
export type { AnswerOf, InputOf, Revision } from './endpoints';
export {
  ApiClientError,
  type ApiTransport,
  type FetchLike,
  fetchTransport,
  type TransportOptions,
  type TransportResponse,
} from './transport';
