/**
 * The one door from a client to the device: an HTTP-shaped transport. The CLI implements it with
 * fetch (session cookie, Origin, sign-in on 401), the server in-process over `app.inject` (the
 * Console page), the web with `fetchTransport`, tests with `createFakeTransport`
 * (`contract/testing`). The typed client (`createApiClient`) speaks only through it.
 * No schema code here (light clients import it).
 */
import type { HttpMethod } from './endpoint-paths';

export type { HttpMethod } from './endpoint-paths';

export interface TransportResponse {
  status: number;
  /** Response headers, names in lower case (`etag`, `content-type`). */
  headers: Record<string, string>;
  /** The parsed JSON body, the text of a text answer, or null when there was none. */
  body: unknown;
}

/** What a transport may honour beyond the four arguments (all optional). */
export interface TransportOptions {
  /** Aborts the request (the web cancels queries); an `AbortSignal`. */
  signal?: unknown;
  /** `text`: a 2xx answer's body is its text (export files, pages), not parsed JSON. */
  responseType?: 'json' | 'text';
}

export interface ApiTransport {
  /**
   * Sends one request. `path` starts with `/api/` and may carry a query string; `body` is a
   * JSON-serialisable value or undefined. The transport adds what the HTTP layer needs
   * (cookie, `Origin`, `Content-Type`); callers only add semantic headers (`If-Match`).
   * Rejects only when no answer came back (connection refused, timeout, sign-in failed);
   * the rejection's `message` is shown to the user as is, so make it a sentence.
   */
  request(
    method: HttpMethod,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    options?: TransportOptions,
  ): Promise<TransportResponse>;
}

/**
 * What a transport may reject with to be shown well: a localized message and a stable code
 * (`connection.refused`, `session.signInFailed`, `password.changeRequired`). Any other
 * rejection is shown by its `message`.
 */
export class ApiClientError extends Error {
  readonly code: string;
  readonly localized: { en: string; ja: string } | null;
  readonly kind: 'connection' | 'authentication';

  constructor(
    message: string,
    options: {
      code: string;
      kind?: 'connection' | 'authentication';
      localized?: { en: string; ja: string };
    },
  ) {
    super(message);
    this.name = 'ApiClientError';
    this.code = options.code;
    this.kind = options.kind ?? 'connection';
    this.localized = options.localized ?? null;
  }
}

/** The parts of `fetch` a transport uses (no DOM types needed). */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal?: never;
    credentials?: 'same-origin' | 'include' | 'omit';
  },
) => Promise<{
  status: number;
  headers: {
    get(name: string): string | null;
    forEach(fn: (value: string, key: string) => void): void;
  };
  text(): Promise<string>;
}>;

/**
 * A transport over `fetch` (the web, the CLI). `baseUrl` prefixes every path (empty: same
 * origin); `init` adds headers (e.g. `Edgenet-Source: web`) and credentials to every request.
 * A JSON answer is parsed (a body that is not JSON is null); a text answer (`responseType:
 * 'text'`, 2xx) is its text; 204 is null.
 */
export function fetchTransport(
  fetchImpl: FetchLike,
  baseUrl = '',
  init: {
    headers?: Record<string, string>;
    credentials?: 'same-origin' | 'include' | 'omit';
  } = {},
): ApiTransport {
  return {
    async request(method, path, body, headers = {}, options = {}) {
      const sent: Record<string, string> = {
        accept: 'application/json',
        ...init.headers,
        ...headers,
      };
      if (body !== undefined) sent['content-type'] = 'application/json';
      const response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers: sent,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(options.signal !== undefined ? { signal: options.signal as never } : {}),
        ...(init.credentials ? { credentials: init.credentials } : {}),
      });
      const received: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        received[key.toLowerCase()] = value;
      });
      const ok = response.status >= 200 && response.status < 300;
      let parsed: unknown = null;
      if (response.status !== 204) {
        const text = await response.text();
        if (ok && options.responseType === 'text') parsed = text;
        else if (text !== '' && /json/.test(received['content-type'] ?? '')) {
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = null;
          }
        }
      }
      return { status: response.status, headers: received, body: parsed };
    },
  };
}
