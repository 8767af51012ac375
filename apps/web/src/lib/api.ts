/**
 * The one place the web talks HTTP: JSON in and out, RFC 9457 problem+json turned into ApiError,
 * `If-Match: "<revision>"` on writes, and a hook that tells the auth layer when the server says
 * "signed out" (401) or "change the initial password first" (403 password.changeRequired).
 */

import type { Problem } from '@edgenet/network-config/contract';
import { ApiError } from '@edgenet/network-config/contract/client';

// The one ApiError is the contract's (the typed client throws it too).
export { ApiError };

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A write refused because the configuration moved on since it was read (412). */
export function isStale(error: unknown): boolean {
  return isApiError(error, 412);
}

export type AuthProblem = 'signedOut' | 'mustChangePassword';
type AuthListener = (problem: AuthProblem) => void;
let authListener: AuthListener | null = null;

/** The auth layer registers here; every 401/403-changeRequired from a normal call reaches it. */
export function setAuthListener(listener: AuthListener | null): void {
  authListener = listener;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** The revision the change is based on; sent as a strong ETag in If-Match. */
  ifMatch?: number | null;
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Sign-in and unlock expect 401 for a wrong password: do not treat it as "signed out". */
  ignoreAuthErrors?: boolean;
  /** Extra request headers (e.g. `Edgenet-Confirm: required`). */
  headers?: Record<string, string>;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  etag: string | null;
}

function withQuery(url: string, query: RequestOptions['query']): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export async function request<T>(
  url: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  // Edgenet-Source: the revision history says the change came from the web console.
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Edgenet-Source': 'web',
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined && options.ifMatch !== null) {
    headers['If-Match'] = `"${options.ifMatch}"`;
  }
  const response = await fetch(withQuery(url, options.query), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
    signal: options.signal,
  });
  const body = await readBody(response);
  if (!response.ok) {
    const problem = body && typeof body === 'object' ? (body as Problem) : null;
    const error = new ApiError(
      response.status,
      problem,
      `${response.status} ${response.statusText}`,
    );
    if (!options.ignoreAuthErrors && authListener) {
      if (response.status === 401) authListener('signedOut');
      else if (response.status === 403 && error.code === 'password.changeRequired') {
        authListener('mustChangePassword');
      }
    }
    throw error;
  }
  return { status: response.status, data: body as T, etag: response.headers.get('etag') };
}

export async function getJson<T>(
  url: string,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
): Promise<T> {
  return (await request<T>(url, options)).data;
}
