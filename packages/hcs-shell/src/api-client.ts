/**
 * The one door from the cmdlets to the device: an HTTP-shaped client. The CLI implements it
 * with fetch (session cookie, Origin, sign-in on 401); the server implements it in-process
 * (e.g. over `app.inject`) for the in-browser console. The shell itself never does I/O.
 *
 * The interface lives in the contract (`ApiTransport`, the typed client's transport); these are
 * its names here, kept for the shell's callers.
 */
export {
  ApiClientError,
  type ApiTransport as ApiClient,
  type HttpMethod,
  type TransportResponse as ApiResponse,
} from '@edgenet/network-config/contract/client';
