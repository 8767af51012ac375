/**
 * The URL table of the HTTP API, free of any schema code so that light clients (the CLI, the web
 * app) can import it without TypeBox.
 */
/** The URLs of the API, so no client scatters string literals. */
export const API = {
  health: '/api/health',
  session: '/api/session',
  password: '/api/password',
  device: '/api/device',
  ports: '/api/ports',
  port: (name: string) => `/api/ports/${encodeURIComponent(name)}`,
  compute: '/api/compute',
  job: (id: string) => `/api/jobs/${encodeURIComponent(id)}`,
  routes: '/api/routes',
  routesEffective: '/api/routes/effective',
  routesLookup: '/api/routes/lookup',
  kubernetes: '/api/kubernetes',
  validate: '/api/validate',
  openapi: '/api/openapi.json',
  docs: '/api/docs',
  /** The whole configuration document (the input of the core's validators), with its revision. */
  config: '/api/config',
  /** Public settings the web needs before sign-in (kiosk mode, idle timeout). */
  settings: '/api/settings',
  /** Runs one cmdlet line on the server (the web's Console page). */
  console: '/api/console',
  /** A real ping from a Kubernetes VM (Linux driver). */
  probe: '/api/probe',
} as const;
