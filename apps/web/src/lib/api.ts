/**
 * The one door from the web to the server: the contract's typed client (`api.call('<endpoint>',
 * …)`, typed by the endpoint table) over `fetch` — same-origin credentials, `Edgenet-Source: web`
 * (the revision history says the change came from the web console), JSON in and out, RFC 9457
 * problems thrown as the contract's `ApiError`, `If-Match: "<revision>"` from `ifMatch` — and a
 * hook that tells the auth layer when the server says "signed out" (401) or "change the initial
 * password first" (403 password.changeRequired).
 *
 * In development and tests every answer is checked against the table (`contract/check`, loaded
 * with a dynamic import under `import.meta.env.DEV`); the production build has no TypeBox at all.
 */
import {
  type ApiAnswer,
  ApiError,
  type CallArgs,
  type ContractChecker,
  createApiClient,
  type EndpointName,
  fetchTransport,
  type TypedApiClient,
} from '@edgenet/network-config/contract/client';

// The one ApiError is the contract's (the typed client throws it).
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

/** The auth layer registers here; every 401/403-changeRequired from `api` reaches it. */
export function setAuthListener(listener: AuthListener | null): void {
  authListener = listener;
}

/** `fetch` looked up at each request, so a test's stub (the fake server) is the one used. */
const transport = fetchTransport((url, init) => fetch(url, init as RequestInit), '', {
  headers: { 'Edgenet-Source': 'web' },
  credentials: 'same-origin',
});

/** The contract checker, development and tests only: the branch is gone from a production build. */
let checker: ContractChecker | undefined;
const checkerReady: Promise<unknown> | null = import.meta.env.DEV
  ? import('@edgenet/network-config/contract/check').then((m) => {
      checker = m.createContractChecker();
    })
  : null;
const lazyCheck: ContractChecker = {
  check: (name, status, body) => (checker ? checker.check(name, status, body) : { ok: true }),
};
const client: TypedApiClient = createApiClient(transport, { check: lazyCheck });

async function call<K extends EndpointName>(
  reportAuth: boolean,
  name: K,
  args: CallArgs<K>,
): Promise<ApiAnswer<K>> {
  if (checkerReady) await checkerReady;
  try {
    return await client.call(name, ...args);
  } catch (error) {
    if (reportAuth && authListener && error instanceof ApiError) {
      if (error.status === 401) authListener('signedOut');
      else if (error.status === 403 && error.code === 'password.changeRequired') {
        authListener('mustChangePassword');
      }
    }
    throw error;
  }
}

/** Every call of a signed-in page: a 401 or 403 `password.changeRequired` reaches the auth layer. */
export const api = {
  call: <K extends EndpointName>(name: K, ...args: CallArgs<K>) => call(true, name, args),
};

/**
 * Calls whose 401/403 is an answer, not a lost session: sign-in and unlock (a wrong password),
 * the start-up probe, sign-out and the public settings.
 */
export const sessionApi = {
  call: <K extends EndpointName>(name: K, ...args: CallArgs<K>) => call(false, name, args),
};
