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
} as const;
