/**
 * The URL table of the HTTP API, free of any schema code so that light clients (the CLI, the web
 * app) can import it without TypeBox. Every path comes from the endpoint table
 * (`endpoint-paths.ts`); these names stay for the callers written before it.
 */
import { ENDPOINT_PATHS, pathOf } from './endpoint-paths';

/** The URLs of the API, so no client scatters string literals (derived from the endpoint table). */
export const API = {
  health: ENDPOINT_PATHS.getHealth.path,
  session: ENDPOINT_PATHS.getSession.path,
  password: ENDPOINT_PATHS.changePassword.path,
  device: ENDPOINT_PATHS.getDevice.path,
  ports: ENDPOINT_PATHS.listPorts.path,
  port: (name: string) => pathOf('updatePort', { name }),
  compute: ENDPOINT_PATHS.getCompute.path,
  job: (id: string) => pathOf('getJob', { id }),
  routes: ENDPOINT_PATHS.listRoutes.path,
  routesEffective: ENDPOINT_PATHS.getEffectiveRoutes.path,
  routesLookup: ENDPOINT_PATHS.lookupRoute.path,
  kubernetes: ENDPOINT_PATHS.getKubernetes.path,
  validate: ENDPOINT_PATHS.validateDocument.path,
  openapi: ENDPOINT_PATHS.getOpenApi.path,
  docs: ENDPOINT_PATHS.getDocs.path,
  /** The whole configuration document (the input of the core's validators), with its revision. */
  config: ENDPOINT_PATHS.getConfig.path,
  /** Public settings the web needs before sign-in (kiosk mode, idle timeout). */
  settings: ENDPOINT_PATHS.getSettings.path,
  /** Runs one cmdlet line on the server (the web's Console page). */
  console: ENDPOINT_PATHS.runConsoleLine.path,
  /** Kubernetes services (SPEC §9): list and create; one service by namespace and name. */
  services: ENDPOINT_PATHS.listServices.path,
  service: (namespace: string, name: string) => pathOf('deleteService', { namespace, name }),
  /** `kubectl apply -f`: a Service YAML. */
  manifests: ENDPOINT_PATHS.applyManifest.path,
  /** Virtual switches and their virtual networks (SPEC §8). */
  virtualSwitches: ENDPOINT_PATHS.listVirtualSwitches.path,
  virtualSwitch: (name: string) => pathOf('getVirtualSwitch', { name }),
  virtualNetworks: (switchName: string) => pathOf('addVirtualNetwork', { name: switchName }),
  virtualNetwork: (switchName: string, name: string) =>
    pathOf('updateVirtualNetwork', { name: switchName, vnet: name }),
  /** A real ping from a Kubernetes VM (Linux driver). */
  probe: ENDPOINT_PATHS.probeAddress.path,
} as const;

/** The change lifecycle's URLs (SPEC §7). */
export const LIFECYCLE_API = {
  revisions: ENDPOINT_PATHS.listRevisions.path,
  revision: (n: number) => pathOf('getRevision', { n }),
  revisionDiff: (a: number, b: number) => pathOf('diffRevisions', { a, b }),
  revisionRestore: (n: number) => pathOf('restoreRevision', { n }),
  pending: ENDPOINT_PATHS.getPending.path,
  pendingConfirm: ENDPOINT_PATHS.confirmPending.path,
  pendingRevert: ENDPOINT_PATHS.revertPending.path,
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
  export: ENDPOINT_PATHS.exportConfig.path,
  /** POST { format, text, mode, dryRun } → a per-line preview, or the import applied. */
  import: ENDPOINT_PATHS.importConfig.path,
  /** POST { removals, changes } with If-Match → one revision. */
  routesBatch: ENDPOINT_PATHS.changeRoutes.path,
} as const;
