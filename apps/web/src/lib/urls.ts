/**
 * The API's URLs come from the contract (`API`). `config` (the whole configuration the web needs
 * to run the core's validators), `settings` (public kiosk flag and idle timeout) and `docs` are
 * served by apps/server but not listed in the contract yet: the fallbacks below are a TEMPORARY
 * shim, to remove once `API` lists them.
 */
import { API } from '@edgenet/network-config/contract';

const contractUrls = API as typeof API & { config?: string; settings?: string };

export const URLS = {
  ...API,
  config: contractUrls.config ?? '/api/config',
  /** Public: kiosk flag and idle timeout, before sign-in. */
  settings: contractUrls.settings ?? '/api/settings',
  /** The browsable API documentation (Swagger UI) beside `openapi`. */
  docs: '/api/docs',
} as const;
