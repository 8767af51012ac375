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
  /** Kubernetes services (SPEC §9): list and create; one service by namespace and name. */
  services: '/api/kubernetes/services',
  service: (namespace: string, name: string) =>
    `/api/kubernetes/services/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
  /** `kubectl apply -f`: a Service YAML. */
  manifests: '/api/kubernetes/manifests',
  /** Virtual switches and their virtual networks (SPEC §8). */
  virtualSwitches: '/api/virtual-switches',
  virtualSwitch: (name: string) => `/api/virtual-switches/${encodeURIComponent(name)}`,
  virtualNetworks: (switchName: string) =>
    `/api/virtual-switches/${encodeURIComponent(switchName)}/virtual-networks`,
  virtualNetwork: (switchName: string, name: string) =>
    `/api/virtual-switches/${encodeURIComponent(switchName)}/virtual-networks/${encodeURIComponent(name)}`,
  /** A real ping from a Kubernetes VM (Linux driver). */
  probe: '/api/probe',
} as const;

/** The change lifecycle's URLs (SPEC §7). */
export const LIFECYCLE_API = {
  revisions: '/api/revisions',
  revision: (n: number) => `/api/revisions/${n}`,
  revisionDiff: (a: number, b: number) => `/api/revisions/${a}/diff/${b}`,
  revisionRestore: (n: number) => `/api/revisions/${n}/restore`,
  pending: '/api/pending',
  pendingConfirm: '/api/pending/confirm',
  pendingRevert: '/api/pending/revert',
} as const;

/**
 * Request headers of the change lifecycle: `Edgenet-Confirm: required` asks for any write to
 * revert unless confirmed ("Revert automatically unless I confirm"); `Edgenet-Source` names the
 * client (`web`, `cli`, `console`; anything else is `api`) for the revision history.
 */
export const LIFECYCLE_HEADERS = {
  confirm: 'edgenet-confirm',
  source: 'edgenet-source',
} as const;

/** Export and import (SPEC §7.3) and bulk route changes; kept apart to merge cleanly. */
export const EXCHANGE_API = {
  /** GET ?format=ps1|metallb|calico|iproute2|json → a file (Content-Disposition: attachment). */
  export: '/api/export',
  /** POST { format, text, mode, dryRun } → a per-line preview, or the import applied. */
  import: '/api/import',
  /** POST { removals, changes } with If-Match → one revision. */
  routesBatch: '/api/routes/batch',
} as const;
