/**
 * Test fakes built on the endpoint table (issue 12): `createFakeTransport(handlers)` is an
 * `ApiTransport` that routes each request by method and path to the handler of its endpoint and
 * checks every answer against the table — a fake that answers off the contract fails the test
 * that uses it (a `ContractViolation`), instead of teaching production code a wrong shape.
 * - a path the table does not know answers a 404 problem, as the server does;
 * - an endpoint the fake does not implement throws (the test needs a handler for it);
 * - every request is recorded (`requests`).
 *
 * Subpath `@edgenet/network-config/contract/testing` (TypeBox at run time; tests only).
 */
import { createContractChecker } from './check';
import {
  ENDPOINT_PATHS,
  type EndpointName,
  type HttpMethod,
  matchEndpoint,
} from './endpoint-paths';
import type { AnswerAt, BodyOf, Endpoints, ParamsOf, QueryOf } from './endpoints';
import type { Problem } from './index';
import type { ApiTransport, TransportResponse } from './transport';

/** What a fake handler gets: the request's parts, parsed. */
export interface FakeRequest<K extends EndpointName> {
  /** Path params, decoded (strings, as the server reads them). */
  params: [ParamsOf<K>] extends [never] ? Record<string, never> : ParamsOf<K>;
  /** The query string, parsed (strings). */
  query: [QueryOf<K>] extends [never] ? Record<string, string> : Partial<QueryOf<K>>;
  body: [BodyOf<K>] extends [never] ? undefined : BodyOf<K>;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
}

type StatusOf<K extends EndpointName> = keyof Endpoints[K]['responses'] & number;

/** What a fake handler answers: a status the endpoint lists and its body, as typed by the table. */
export type FakeAnswer<K extends EndpointName> = {
  [S in StatusOf<K>]: {
    status: S;
    body: AnswerAt<K, S>;
    headers?: Record<string, string>;
  };
}[StatusOf<K>];

export type FakeHandler<K extends EndpointName> = (
  request: FakeRequest<K>,
) => FakeAnswer<K> | Promise<FakeAnswer<K>>;

export type FakeHandlers = { [K in EndpointName]?: FakeHandler<K> };

export interface RecordedRequest {
  method: HttpMethod;
  /** The path with its query string, as sent. */
  path: string;
  /** The endpoint it named (null: none). */
  endpoint: EndpointName | null;
  body: unknown;
  headers: Record<string, string>;
}

export interface FakeTransport extends ApiTransport {
  /** Every request, in order. */
  readonly requests: RecordedRequest[];
}

/** A problem as the server builds it (`urn:edgenet:problem:<code>`), for fakes to answer. */
export function fakeProblem(
  status: number,
  code: string,
  en: string,
  extra: Partial<Problem> = {},
): Problem {
  return {
    type: `urn:edgenet:problem:${code}`,
    title: en,
    status,
    detail: en,
    code,
    message: { en, ja: en },
    ...extra,
  };
}

/** `a=1&b=x%20y` → `{ a: '1', b: 'x y' }` (the last value of a repeated key wins). */
export function parseQuery(text: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const part of text.split('&')) {
    if (part === '') continue;
    const [rawKey = '', ...rest] = part.split('=');
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    query[decode(rawKey)] = decode(rest.join('='));
  }
  return query;
}

export function createFakeTransport(handlers: FakeHandlers): FakeTransport {
  const checker = createContractChecker();
  const requests: RecordedRequest[] = [];
  return {
    requests,
    async request(method, path, body, headers = {}): Promise<TransportResponse> {
      const [pathname = '', search = ''] = path.split('?');
      const match = matchEndpoint(method, pathname);
      const lower: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
      requests.push({ method, path, endpoint: match?.name ?? null, body, headers: lower });
      if (!match) {
        return {
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
          body: fakeProblem(
            404,
            'resource.notFound',
            `There is no ${method} ${pathname} in the API.`,
          ),
        };
      }
      const handler = handlers[match.name] as FakeHandler<EndpointName> | undefined;
      if (!handler) {
        throw new Error(
          `The fake does not implement ${match.name} (${method} ${pathname}): give it a handler.`,
        );
      }
      const answer: { status: number; body: unknown; headers?: Record<string, string> } =
        await handler({
          params: match.params as never,
          query: parseQuery(search) as never,
          body: body as never,
          headers: lower,
        });
      // Off the contract: the test fails here, naming the endpoint, status and schema errors.
      checker.assert(match.name, answer.status, answer.body);
      const text = answer.status < 300 && (ENDPOINT_PATHS[match.name] as { text?: true }).text;
      const type =
        answer.status >= 400
          ? 'application/problem+json'
          : text
            ? 'text/plain; charset=utf-8'
            : 'application/json';
      return {
        status: answer.status,
        headers: { ...(answer.status === 204 ? {} : { 'content-type': type }), ...answer.headers },
        body: answer.status === 204 ? null : answer.body,
      };
    },
  };
}

// The runtimes the fakes run on (Node, jsdom) have `Response`; the core has no DOM types.
declare const Response: new (
  body: string | null,
  init: { status: number; headers: Record<string, string> },
) => unknown;

/** The request headers of a `fetch` call: a plain record, a `Headers` or a list of pairs. */
function headersOf(init: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!init) return headers;
  if (Array.isArray(init)) {
    for (const [name, value] of init as [string, string][]) headers[name.toLowerCase()] = value;
  } else if (typeof (init as { forEach?: unknown }).forEach === 'function') {
    (init as { forEach(fn: (value: string, name: string) => void): void }).forEach(
      (value, name) => {
        headers[name.toLowerCase()] = value;
      },
    );
  } else {
    for (const [name, value] of Object.entries(init as Record<string, string>)) {
      headers[name.toLowerCase()] = value;
    }
  }
  return headers;
}

/**
 * A `fetch` answering from a transport (e.g. `createFakeTransport`), for code that calls `fetch`
 * itself (the web's tests stub the global `fetch` with it): the URL's origin is dropped, a JSON
 * body is parsed, and the answer is a real `Response`.
 */
export function fetchOf(transport: ApiTransport) {
  return async (
    input: string | { url: string } | { href: string },
    init: { method?: string; headers?: unknown; body?: unknown } = {},
  ): Promise<unknown> => {
    const url =
      typeof input === 'string'
        ? input
        : 'url' in input
          ? input.url
          : (input as { href: string }).href;
    const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, '');
    const body =
      typeof init.body === 'string' && init.body !== ''
        ? (JSON.parse(init.body) as unknown)
        : undefined;
    const method = (init.method ?? 'GET').toUpperCase() as HttpMethod;
    const answer = await transport.request(method, path, body, headersOf(init.headers));
    const text =
      answer.status === 204 || answer.body === null || answer.body === undefined
        ? null
        : typeof answer.body === 'string'
          ? answer.body
          : JSON.stringify(answer.body);
    return new Response(text, { status: answer.status, headers: answer.headers });
  };
}
