/**
 * The endpoint table (issue 12, ADR 0034): every endpoint of the HTTP API with its method and path
 * (from the light layer, `endpoint-paths.ts`), who may call it, its params, query and body, whether
 * it takes the revision in If-Match, and the answer schema of EVERY status it can give — the 2xx
 * documents and the RFC 9457 problems. The server declares its routes from it; the typed client
 * (`createApiClient`) types itself from it; the checker (`contract/check`) and the test fakes
 * (`contract/testing`) check answers against it.
 *
 * Imported as `@edgenet/network-config/contract/endpoints` (TypeBox at run time). Light clients
 * use only its types (`import type`), which `contract/index.ts` re-exports.
 */
import Type, { type Static, type TSchema } from 'typebox';
import {
  ConfigAnswerSchema,
  DeviceAnswerSchema,
  EffectiveQuerySchema,
  HealthSchema,
  JobParamsSchema,
  NoContentSchema,
  OpenApiDocumentSchema,
  PortParamsSchema,
  RevisionQuerySchema,
  RoutesQuerySchema,
  SettingsSchema,
  TextAnswerSchema,
} from './answers';
import {
  ENDPOINT_PATHS,
  type EndpointName,
  type EndpointPaths,
  type ParamNamesOf,
  type PathParamsOf,
} from './endpoint-paths';
import {
  ExportQuerySchema,
  ImportAnswerSchema,
  ImportRequestSchema,
  RouteBatchAnswerSchema,
  RouteBatchSchema,
} from './exchange';
import {
  ComputeAnswerSchema,
  ComputeSchema,
  ComputeSettingsSchema,
  ConsoleAnswerSchema,
  ConsoleLimitProblemSchema,
  ConsoleRequestSchema,
  EffectiveTableSchema,
  JobAnswerSchema,
  KubernetesSchema,
  LookupAnswerSchema,
  LookupRequestSchema,
  PasswordChangeSchema,
  PendingAnswerSchema,
  PortAnswerSchema,
  PortListSchema,
  PortSettingsSchema,
  ProbeAnswerSchema,
  ProbeRequestSchema,
  ProblemSchema,
  RestoreAnswerSchema,
  RestoreRequestSchema,
  RevisionDiffAnswerSchema,
  RevisionDocumentSchema,
  RevisionNumberParamsSchema,
  RevisionPageSchema,
  RevisionPairParamsSchema,
  RouteCreatedSchema,
  RouteCreateSchema,
  RouteKeyQuerySchema,
  RouteListSchema,
  ServiceApplyAnswerSchema,
  ServiceCreatedSchema,
  ServiceCreateSchema,
  ServiceListSchema,
  ServiceManifestRequestSchema,
  ServiceParamsSchema,
  SessionRequestSchema,
  SessionSchema,
  ValidateAnswerSchema,
  ValidateRequestSchema,
  VirtualNetworkAnswerSchema,
  VirtualNetworkBodySchema,
  VirtualNetworkParamsSchema,
  VirtualSwitchAnswerSchema,
  VirtualSwitchBodySchema,
  VirtualSwitchDeleteQuerySchema,
  VirtualSwitchListSchema,
  VirtualSwitchParamsSchema,
  VirtualSwitchSchema,
} from './index';

/** Who may call: anyone; a session (even before the initial password changed); the admin. */
export type EndpointAuth = 'public' | 'session' | 'admin';

/** The statuses of a successful answer. */
export type SuccessStatus = 200 | 201 | 202 | 204;

/** The problem statuses an endpoint may answer (each a `ProblemSchema` unless said otherwise). */
export type ProblemStatus =
  | 400
  | 401
  | 403
  | 404
  | 409
  | 412
  | 413
  | 415
  | 421
  | 422
  | 428
  | 429
  | 500;

export interface EndpointDefinition {
  readonly method: string;
  readonly path: string;
  readonly auth: EndpointAuth;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly params?: TSchema;
  readonly query?: TSchema;
  readonly body?: TSchema;
  /** The revision in `If-Match`: refused without it (428), or checked when sent. */
  readonly ifMatch?: 'required' | 'optional';
  /** The media type of a 2xx answer that is not JSON (export files, pages). */
  readonly contentType?: string;
  readonly responses: Readonly<Partial<Record<SuccessStatus | ProblemStatus, TSchema>>>;
}

type Problems<S extends ProblemStatus> = { readonly [K in S]: typeof ProblemSchema };

/**
 * The answers of an endpoint: its documents by status, and a problem for each status it can
 * refuse with. Every request can meet a bad request (400: shape, malformed URL), a host it does
 * not answer to (421), the rate limit (429) or a server fault (500); `statuses` adds the rest.
 */
function answers<
  const S extends Partial<Record<SuccessStatus | 422, TSchema>>,
  P extends ProblemStatus,
>(documents: S, ...statuses: P[]): Problems<P | 400 | 421 | 429 | 500> & S {
  const problems: Partial<Record<ProblemStatus, typeof ProblemSchema>> = {};
  for (const status of [400, 421, 429, 500, ...statuses] as ProblemStatus[]) {
    problems[status] = ProblemSchema;
  }
  return { ...problems, ...documents } as Problems<P | 400 | 421 | 429 | 500> & S;
}

/** Statuses by who may call (401 signed out; 403 the initial password must change first). */
const SESSION = [401] as const;
const ADMIN = [401, 403] as const;
/** Every write: 403 cross-site, 413 too large, 415 not JSON. */
const WRITE = [403, 413, 415] as const;
/** A change of the configuration: 409 (busy, pending change), 412 stale, 422 the core says no. */
const CHANGE = [...ADMIN, ...WRITE, 409, 412, 422] as const;

/** The table entry of `name`: its method and path from the light table, and the rest. */
function endpoint<
  K extends EndpointName,
  const D extends Omit<EndpointDefinition, 'method' | 'path'>,
>(name: K, definition: D): EndpointPaths[K] & D {
  return { ...ENDPOINT_PATHS[name], ...definition };
}

export const ENDPOINTS = {
  getHealth: endpoint('getHealth', {
    auth: 'public',
    summary: 'Liveness',
    tags: ['device'],
    responses: answers({ 200: HealthSchema }),
  }),
  getSettings: endpoint('getSettings', {
    auth: 'public',
    summary: 'What the web app needs before sign-in (kiosk mode, idle timeout)',
    tags: ['device'],
    responses: answers({ 200: SettingsSchema }),
  }),
  signIn: endpoint('signIn', {
    auth: 'public',
    summary: 'Sign in with the admin password → session cookie',
    tags: ['session'],
    body: SessionRequestSchema,
    responses: answers({ 200: SessionSchema }, 401, ...WRITE),
  }),
  getSession: endpoint('getSession', {
    auth: 'session',
    summary: 'The current session (401 when signed out)',
    tags: ['session'],
    responses: answers({ 200: SessionSchema }, ...SESSION),
  }),
  signOut: endpoint('signOut', {
    auth: 'public',
    summary: 'Sign out',
    tags: ['session'],
    responses: answers({ 204: NoContentSchema }, ...WRITE),
  }),
  changePassword: endpoint('changePassword', {
    auth: 'session',
    summary: 'Change the admin password (required at first sign-in)',
    tags: ['session'],
    body: PasswordChangeSchema,
    responses: answers({ 200: SessionSchema }, ...SESSION, ...WRITE, 422),
  }),
  getDevice: endpoint('getDevice', {
    auth: 'admin',
    summary: 'SKU, node count, name, software version, compute state',
    tags: ['device'],
    responses: answers({ 200: DeviceAnswerSchema }, ...ADMIN),
  }),
  getConfig: endpoint('getConfig', {
    auth: 'admin',
    summary: 'The whole configuration document (ports, compute, routes) and its revision',
    description:
      'For inline validation in clients: the core library validates against this document.',
    tags: ['device'],
    responses: answers({ 200: ConfigAnswerSchema }, ...ADMIN),
  }),
  listPorts: endpoint('listPorts', {
    auth: 'admin',
    summary: 'Ports with their settings and link',
    tags: ['ports'],
    responses: answers({ 200: PortListSchema }, ...ADMIN),
  }),
  updatePort: endpoint('updatePort', {
    auth: 'admin',
    summary: "Change one port's settings (If-Match required)",
    tags: ['ports'],
    params: PortParamsSchema,
    body: PortSettingsSchema,
    ifMatch: 'required',
    responses: answers({ 200: PortAnswerSchema }, ...CHANGE, 404, 428),
  }),
  getCompute: endpoint('getCompute', {
    auth: 'admin',
    summary: 'Compute port, Kubernetes node and external service IPs, CIDRs, state',
    tags: ['compute'],
    responses: answers({ 200: ComputeSchema }, ...ADMIN),
  }),
  updateCompute: endpoint('updateCompute', {
    auth: 'admin',
    summary: 'Validate and apply compute settings (If-Match required)',
    description:
      '202 with the job when the device has work to do (enable, disable); 200 with `job: null` when the change takes effect at once (external service IPs while Configured, settings saved while compute is off).',
    tags: ['compute'],
    body: ComputeSettingsSchema,
    ifMatch: 'required',
    responses: answers({ 200: ComputeAnswerSchema, 202: ComputeAnswerSchema }, ...CHANGE, 428),
  }),
  getJob: endpoint('getJob', {
    auth: 'admin',
    summary: 'Job progress and outcome',
    tags: ['compute'],
    params: JobParamsSchema,
    responses: answers({ 200: JobAnswerSchema }, ...ADMIN, 404),
  }),
  listRoutes: endpoint('listRoutes', {
    auth: 'admin',
    summary: "Custom routes (all, or one interface's) with their status",
    tags: ['routes'],
    query: RoutesQuerySchema,
    responses: answers({ 200: RouteListSchema }, ...ADMIN),
  }),
  addRoute: endpoint('addRoute', {
    auth: 'admin',
    summary: 'Add a route (Add-HcsNetRoute); If-Match checked when sent',
    tags: ['routes'],
    body: RouteCreateSchema,
    ifMatch: 'optional',
    responses: answers({ 201: RouteCreatedSchema }, ...CHANGE),
  }),
  removeRoute: endpoint('removeRoute', {
    auth: 'admin',
    summary: 'Remove a route (Remove-HcsNetRoute); If-Match checked when sent',
    tags: ['routes'],
    query: RouteKeyQuerySchema,
    ifMatch: 'optional',
    responses: answers({ 204: NoContentSchema }, ...CHANGE, 404),
  }),
  getEffectiveRoutes: endpoint('getEffectiveRoutes', {
    auth: 'admin',
    summary: "A Kubernetes VM's whole route table (default: master)",
    tags: ['routes'],
    query: EffectiveQuerySchema,
    responses: answers({ 200: EffectiveTableSchema }, ...ADMIN, 404),
  }),
  lookupRoute: endpoint('lookupRoute', {
    auth: 'admin',
    summary: 'Where does this address go? The chosen route and why',
    tags: ['routes'],
    body: LookupRequestSchema,
    responses: answers({ 200: LookupAnswerSchema }, ...ADMIN, ...WRITE, 404, 422),
  }),
  changeRoutes: endpoint('changeRoutes', {
    auth: 'admin',
    summary: 'Remove several routes and change routes in place, as one revision (If-Match)',
    tags: ['routes'],
    body: RouteBatchSchema,
    ifMatch: 'required',
    responses: answers({ 200: RouteBatchAnswerSchema }, ...CHANGE, 428),
  }),
  getKubernetes: endpoint('getKubernetes', {
    auth: 'admin',
    summary: 'Nodes, components with pod status, services, endpoints',
    tags: ['kubernetes'],
    responses: answers({ 200: KubernetesSchema }, ...ADMIN),
  }),
  listServices: endpoint('listServices', {
    auth: 'admin',
    summary: "Every service of the cluster and the external service IP pool's use",
    tags: ['kubernetes'],
    responses: answers({ 200: ServiceListSchema }, ...ADMIN),
  }),
  createService: endpoint('createService', {
    auth: 'admin',
    summary: 'Create a service; 409 before compute is Configured or for a name in use',
    tags: ['kubernetes'],
    body: ServiceCreateSchema,
    ifMatch: 'optional',
    responses: answers({ 201: ServiceCreatedSchema }, ...CHANGE),
  }),
  deleteService: endpoint('deleteService', {
    auth: 'admin',
    summary: 'Delete a service; its address goes to a pending service at once',
    tags: ['kubernetes'],
    params: ServiceParamsSchema,
    ifMatch: 'optional',
    responses: answers({ 204: NoContentSchema }, ...CHANGE, 404),
  }),
  applyManifest: endpoint('applyManifest', {
    auth: 'admin',
    summary: 'Apply a Service YAML (kubectl apply -f); 400 names the line of a YAML error',
    tags: ['kubernetes'],
    body: ServiceManifestRequestSchema,
    ifMatch: 'optional',
    responses: answers({ 200: ServiceApplyAnswerSchema }, ...CHANGE),
  }),
  validateDocument: endpoint('validateDocument', {
    auth: 'admin',
    summary: 'Dry-run a port, compute or route document: the issues, nothing saved',
    tags: ['device'],
    body: ValidateRequestSchema,
    responses: answers({ 200: ValidateAnswerSchema }, ...ADMIN, ...WRITE, 404, 422),
  }),
  runConsoleLine: endpoint('runConsoleLine', {
    auth: 'admin',
    summary: 'Run one line of the device cmdlets (Add-HcsNetRoute, Get-HcsNetRoute, kubectl get …)',
    tags: ['device'],
    body: ConsoleRequestSchema,
    responses: answers(
      { 200: ConsoleAnswerSchema, 422: ConsoleLimitProblemSchema },
      ...ADMIN,
      ...WRITE,
    ),
  }),
  listRevisions: endpoint('listRevisions', {
    auth: 'admin',
    summary: 'The revision history, newest first (who, when, from where, what changed)',
    tags: ['device'],
    query: RevisionQuerySchema,
    responses: answers({ 200: RevisionPageSchema }, ...ADMIN),
  }),
  getRevision: endpoint('getRevision', {
    auth: 'admin',
    summary: 'One revision and its whole configuration document (404 when unknown)',
    tags: ['device'],
    params: RevisionNumberParamsSchema,
    responses: answers({ 200: RevisionDocumentSchema }, ...ADMIN, 404),
  }),
  diffRevisions: endpoint('diffRevisions', {
    auth: 'admin',
    summary: 'What changed from revision a to revision b (ports, compute, routes, …)',
    tags: ['device'],
    params: RevisionPairParamsSchema,
    responses: answers({ 200: RevisionDiffAnswerSchema }, ...ADMIN, 404),
  }),
  restoreRevision: endpoint('restoreRevision', {
    auth: 'admin',
    summary:
      "Make revision n's configuration current as a new revision (If-Match required; 422 when the device forbids it now)",
    tags: ['device'],
    params: RevisionNumberParamsSchema,
    body: RestoreRequestSchema,
    ifMatch: 'required',
    responses: answers({ 200: RestoreAnswerSchema }, ...CHANGE, 404, 428),
  }),
  getPending: endpoint('getPending', {
    auth: 'admin',
    summary: 'The change waiting for confirmation, if any, with its deadline',
    tags: ['device'],
    responses: answers({ 200: PendingAnswerSchema }, ...ADMIN),
  }),
  confirmPending: endpoint('confirmPending', {
    auth: 'admin',
    summary: 'Keep the pending change (409 when nothing is pending)',
    tags: ['device'],
    responses: answers({ 200: PendingAnswerSchema }, ...ADMIN, ...WRITE, 409),
  }),
  revertPending: endpoint('revertPending', {
    auth: 'admin',
    summary: 'Revert the pending change now (409 when nothing is pending)',
    tags: ['device'],
    responses: answers({ 200: PendingAnswerSchema }, ...ADMIN, ...WRITE, 409),
  }),
  exportConfig: endpoint('exportConfig', {
    auth: 'admin',
    summary: 'The configuration as a file: ps1, metallb, calico, iproute2 or json',
    tags: ['exchange'],
    query: ExportQuerySchema,
    contentType: 'text/plain',
    responses: answers({ 200: TextAnswerSchema }, ...ADMIN),
  }),
  importConfig: endpoint('importConfig', {
    auth: 'admin',
    summary: 'Import routes (and the cluster CIDRs): a per-line preview, or applied at once',
    description:
      'dryRun (default true) answers the preview and changes nothing. dryRun false applies ' +
      'the whole text as one revision, only when no line has an error; If-Match required.',
    tags: ['exchange'],
    body: ImportRequestSchema,
    ifMatch: 'optional',
    responses: answers({ 200: ImportAnswerSchema }, ...CHANGE, 428),
  }),
  listVirtualSwitches: endpoint('listVirtualSwitches', {
    auth: 'admin',
    summary: 'Every virtual switch with its virtual networks (Get-HcsExternalVirtualSwitch)',
    tags: ['virtual switches'],
    responses: answers({ 200: VirtualSwitchListSchema }, ...ADMIN),
  }),
  getVirtualSwitch: endpoint('getVirtualSwitch', {
    auth: 'admin',
    summary: 'One virtual switch',
    tags: ['virtual switches'],
    params: VirtualSwitchParamsSchema,
    responses: answers({ 200: VirtualSwitchSchema }, ...ADMIN, 404),
  }),
  addVirtualSwitch: endpoint('addVirtualSwitch', {
    auth: 'admin',
    summary: 'Add a virtual switch (Add-HcsExternalVirtualSwitch); If-Match checked when sent',
    tags: ['virtual switches'],
    body: VirtualSwitchBodySchema,
    ifMatch: 'optional',
    responses: answers({ 201: VirtualSwitchAnswerSchema }, ...CHANGE),
  }),
  updateVirtualSwitch: endpoint('updateVirtualSwitch', {
    auth: 'admin',
    summary: 'Change a virtual switch (If-Match required)',
    tags: ['virtual switches'],
    params: VirtualSwitchParamsSchema,
    body: VirtualSwitchBodySchema,
    ifMatch: 'required',
    responses: answers({ 200: VirtualSwitchAnswerSchema }, ...CHANGE, 404, 428),
  }),
  removeVirtualSwitch: endpoint('removeVirtualSwitch', {
    auth: 'admin',
    summary: 'Delete a virtual switch and its virtual networks',
    description:
      '409 `vswitch.confirmDelete` when it has virtual networks or the compute role, unless `force=true`; 409 `vswitch.computeInUse` while compute is configured on it.',
    tags: ['virtual switches'],
    params: VirtualSwitchParamsSchema,
    query: VirtualSwitchDeleteQuerySchema,
    ifMatch: 'optional',
    responses: answers({ 204: NoContentSchema }, ...CHANGE, 404),
  }),
  addVirtualNetwork: endpoint('addVirtualNetwork', {
    auth: 'admin',
    summary: 'Add a virtual network to a switch (Add-HcsVirtualNetwork)',
    tags: ['virtual switches'],
    params: VirtualSwitchParamsSchema,
    body: VirtualNetworkBodySchema,
    ifMatch: 'optional',
    responses: answers({ 201: VirtualNetworkAnswerSchema }, ...CHANGE, 404),
  }),
  updateVirtualNetwork: endpoint('updateVirtualNetwork', {
    auth: 'admin',
    summary: 'Change a virtual network (If-Match required)',
    tags: ['virtual switches'],
    params: VirtualNetworkParamsSchema,
    body: VirtualNetworkBodySchema,
    ifMatch: 'required',
    responses: answers({ 200: VirtualNetworkAnswerSchema }, ...CHANGE, 404, 428),
  }),
  removeVirtualNetwork: endpoint('removeVirtualNetwork', {
    auth: 'admin',
    summary: 'Delete a virtual network (Remove-HcsVirtualNetwork)',
    tags: ['virtual switches'],
    params: VirtualNetworkParamsSchema,
    ifMatch: 'optional',
    responses: answers({ 204: NoContentSchema }, ...CHANGE, 404),
  }),
  probeAddress: endpoint('probeAddress', {
    auth: 'admin',
    summary: 'Ping an address from a Kubernetes VM and show the path (Linux driver)',
    tags: ['routes'],
    body: ProbeRequestSchema,
    responses: answers({ 200: ProbeAnswerSchema }, ...ADMIN, ...WRITE, 404, 409, 422),
  }),
  getOpenApi: endpoint('getOpenApi', {
    auth: 'public',
    summary: 'This API described in OpenAPI 3.1',
    tags: [],
    responses: answers({ 200: OpenApiDocumentSchema }),
  }),
  getDocs: endpoint('getDocs', {
    auth: 'public',
    summary: 'This API in Swagger UI (a page)',
    tags: [],
    contentType: 'text/html',
    responses: answers({ 200: Type.String({ description: 'An HTML page' }) }),
  }),
} as const satisfies { readonly [K in EndpointName]: EndpointPaths[K] & EndpointDefinition };

export type Endpoints = typeof ENDPOINTS;

// The table has exactly the endpoints of the light table, both ways.
type Missing = Exclude<EndpointName, keyof Endpoints>;
type Extra = Exclude<keyof Endpoints, EndpointName>;
const _sameEndpoints: [Missing, Extra] extends [never, never] ? true : never = true;
void _sameEndpoints;

// ---- Types of each endpoint's parts, for the typed client and the server ------------------------

type Entry<K extends EndpointName> = Endpoints[K];
type Responses<K extends EndpointName> = Entry<K>['responses'];

/** The 2xx statuses an endpoint answers. */
export type SuccessStatusOf<K extends EndpointName> = Extract<keyof Responses<K>, SuccessStatus>;

/** The document of a successful answer of `K` (a union when statuses differ). */
export type AnswerOf<K extends EndpointName> = {
  [S in SuccessStatusOf<K>]: Responses<K>[S] extends TSchema ? Static<Responses<K>[S]> : never;
}[SuccessStatusOf<K>];

/** The body of the answer of `K` with status `S` (a document or a problem). */
export type AnswerAt<
  K extends EndpointName,
  S extends keyof Responses<K>,
> = Responses<K>[S] extends TSchema ? Static<Responses<K>[S]> : never;

/** The request body of `K` (never when it takes none). */
export type BodyOf<K extends EndpointName> =
  Entry<K> extends { body: infer B extends TSchema } ? Static<B> : never;

/** The query of `K` (never when it takes none). */
export type QueryOf<K extends EndpointName> =
  Entry<K> extends { query: infer Q extends TSchema } ? Static<Q> : never;

/** The path params of `K` as the server reads them (strings). */
export type ParamsOf<K extends EndpointName> =
  Entry<K> extends { params: infer P extends TSchema } ? Static<P> : never;

/** A value sent as the revision in `If-Match` (`"<n>"`); null or absent sends none. */
export type Revision = number | string | null;

type ParamsInput<K extends EndpointName> = [ParamNamesOf<EndpointPaths[K]['path']>] extends [never]
  ? { params?: undefined }
  : { params: PathParamsOf<K> };
type QueryInput<K extends EndpointName> = [QueryOf<K>] extends [never]
  ? { query?: undefined }
  : object extends QueryOf<K>
    ? { query?: QueryOf<K> }
    : { query: QueryOf<K> };
type BodyInput<K extends EndpointName> = [BodyOf<K>] extends [never]
  ? { body?: undefined }
  : object extends BodyOf<K>
    ? { body?: BodyOf<K> }
    : { body: BodyOf<K> };
type IfMatchInput<K extends EndpointName> =
  Entry<K> extends { ifMatch: 'required' }
    ? { ifMatch: Revision }
    : Entry<K> extends { ifMatch: 'optional' }
      ? { ifMatch?: Revision }
      : { ifMatch?: undefined };

/** What a call of `K` takes: params, query, body, the revision, headers and a signal. */
export type InputOf<K extends EndpointName> = ParamsInput<K> &
  QueryInput<K> &
  BodyInput<K> &
  IfMatchInput<K> & {
    /** More request headers (e.g. `Edgenet-Confirm: required`). */
    headers?: Record<string, string>;
    /** An `AbortSignal`, passed to the transport. */
    signal?: unknown;
  };

export { ENDPOINT_NAMES, ENDPOINT_PATHS, type EndpointName, pathOf } from './endpoint-paths';
