/**
 * The one door from the cmdlets to the device: an HTTP-shaped client. The CLI implements it
 * with fetch (session cookie, Origin, sign-in on 401); the server implements it in-process
 * (e.g. over `app.inject`) for the in-browser console. The shell itself never does I/O.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiResponse {
  status: number;
  /** Response headers, names in lower case (`etag`, `content-type`). */
  headers: Record<string, string>;
  /** The parsed JSON body, or null when there was none. */
  body: unknown;
}

export interface ApiClient {
  /**
   * Sends one request. `path` starts with `/api/` and may carry a query string; `body` is a
   * JSON-serialisable value or undefined. The transport adds what the HTTP layer needs
   * (cookie, `Origin`, `Content-Type`); the shell only adds semantic headers (`If-Match`).
   * Rejects only when no answer came back (connection refused, timeout, sign-in failed);
   * the rejection's `message` is shown to the user as is, so make it a sentence.
   */
  request(
    method: HttpMethod,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse>;
}

/**
 * What a client may reject with to be shown well: a localized message and a stable code
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
