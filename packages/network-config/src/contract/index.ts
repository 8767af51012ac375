/**
 * The HTTP contract (SPEC §4) as JSON Schemas (TypeBox). The server validates requests and
 * serialises responses with these; the web client and the CLI type themselves with `Static<…>`.
 * Field names are part of the contract: add fields freely, never rename these.
 */
import Type, { type Static } from 'typebox';
import { ISSUE_CODES } from '../issues';
import { ROUTE_METRIC_MAX, ROUTE_METRIC_MIN, type SKU_IDS } from '../model';
import { KernelLookupSchema } from './kernel';
import { LocalizedTextSchema, problemMembers } from './problem';

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Ip = Type.String({ maxLength: 64, description: 'An IP address in text form' });

export const SkuIdSchema = Type.Union([
  Type.Literal('pro-gpu'),
  Type.Literal('pro-r'),
  Type.Literal('mini-r'),
  Type.Literal('pro-2'),
]);
// The schema above must list every SKU of the model.
const _everySku: Static<typeof SkuIdSchema> extends (typeof SKU_IDS)[number]
  ? (typeof SKU_IDS)[number] extends Static<typeof SkuIdSchema>
    ? true
    : never
  : never = true;
void _everySku;
export const ComputeStateSchema = Type.Union([
  Type.Literal('NotConfigured'),
  Type.Literal('Configuring'),
  Type.Literal('Configured'),
  Type.Literal('Failed'),
]);

export const IpRangeSchema = Type.Object(
  { start: Type.String({ maxLength: 64 }), end: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);

export { LocalizedTextSchema };

/** One literal schema per issue code, as a tuple type (what `Type.Union` needs to stay precise). */
type Literals<T extends readonly string[]> = {
  -readonly [K in keyof T]: Type.TLiteral<T[K] & string>;
};
type CodeLiterals = Literals<typeof ISSUE_CODES>;

export const IssueSchema = Type.Object({
  path: Type.String(),
  // A cast keeps the literal union: `map` over the tuple returns a plain array type.
  code: Type.Union(ISSUE_CODES.map((c) => Type.Literal(c))) as unknown as Type.TUnion<CodeLiterals>,
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  message: LocalizedTextSchema,
});

/** RFC 9457 problem details; `issues` on 4xx caused by input. */
export const ProblemSchema = Type.Object({
  ...problemMembers,
  issues: Type.Optional(Type.Array(IssueSchema)),
  retryAfterSeconds: Type.Optional(Type.Integer()),
});

export const PortLinkSchema = Type.Object({
  connected: Type.Boolean(),
  speedGbps: Nullable(Type.Number()),
});

export const PortSettingsSchema = Type.Object(
  {
    ipEnabled: Type.Boolean(),
    dhcp: Type.Boolean(),
    address: Nullable(Ip),
    subnetMask: Nullable(Ip),
    gateway: Nullable(Ip),
    dns: Type.Array(Ip, { maxItems: 4 }),
    mtu: Nullable(Type.Integer()),
    /** Warning codes acknowledged (`port.managementChange`, SPEC §7.2). */
    acknowledge: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 8 })),
  },
  { additionalProperties: false },
);

export const PortSchema = Type.Object({
  name: Type.String(),
  speedGbps: Type.Array(Type.Number()),
  ipEnabled: Type.Boolean(),
  dhcp: Type.Boolean(),
  address: Nullable(Type.String()),
  subnetMask: Nullable(Type.String()),
  gateway: Nullable(Type.String()),
  dns: Type.Array(Type.String()),
  mtu: Nullable(Type.Integer()),
  mtuConfigurable: Type.Boolean(),
  link: PortLinkSchema,
  /** True when this port carries the compute (external) virtual switch. */
  compute: Type.Boolean(),
});

export const PortListSchema = Type.Object({
  ports: Type.Array(PortSchema),
  revision: Type.Integer(),
});

export const ComputeSettingsSchema = Type.Object(
  {
    computePort: Nullable(Type.String({ maxLength: 32 })),
    nodeIpRange: Nullable(IpRangeSchema),
    serviceIpRange: Nullable(IpRangeSchema),
    podCidr: Type.String({ maxLength: 64 }),
    serviceCidr: Type.String({ maxLength: 64 }),
    /** Firmware 2023: the virtual switch to enable for compute; wins over `computePort`. */
    computeSwitch: Type.Optional(Nullable(Type.String({ maxLength: 128 }))),
  },
  { additionalProperties: false },
);

export const ComputeSchema = Type.Object({
  computePort: Nullable(Type.String()),
  nodeIpRange: Nullable(IpRangeSchema),
  serviceIpRange: Nullable(IpRangeSchema),
  podCidr: Type.String(),
  serviceCidr: Type.String(),
  state: ComputeStateSchema,
  /** The reason of the last failed apply, when state is Failed. */
  error: Nullable(Type.String()),
  /** The job applying the configuration now, if any. */
  jobId: Nullable(Type.String()),
  revision: Type.Integer(),
  /** The virtual switch enabled for compute (SPEC §8), or null. */
  computeSwitch: Type.Optional(Nullable(Type.String())),
});

export const RouteStatusSchema = Type.Object({
  active: Type.Boolean(),
  reason: Nullable(
    Type.Object({
      code: Type.String(),
      params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
      message: LocalizedTextSchema,
    }),
  ),
});

export const RouteSchema = Type.Object({
  interfaceAlias: Type.String(),
  destinationPrefix: Type.String(),
  nextHop: Type.String(),
  routeMetric: Type.Integer(),
  status: RouteStatusSchema,
  /** What the add-time check warned about, against today's configuration (`routeWarnings`). */
  warnings: Type.Optional(Type.Array(IssueSchema)),
});

export const RouteListSchema = Type.Object({
  routes: Type.Array(RouteSchema),
  revision: Type.Integer(),
  /** How many routes match the query (the whole list's length without one). */
  total: Type.Optional(Type.Integer({ minimum: 0 })),
  /** The index of `routes[0]` in the matching list. */
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});

/** POST /api/routes. `routeMetric` may be omitted (256). Text is checked by the core, not here. */
export const RouteCreateSchema = Type.Object(
  {
    interfaceAlias: Type.String({ maxLength: 32 }),
    destinationPrefix: Type.String({ maxLength: 64 }),
    nextHop: Type.String({ maxLength: 64 }),
    routeMetric: Type.Optional(Type.Integer({ minimum: -1e9, maximum: 1e9 })),
  },
  { additionalProperties: false },
);

export const RouteKeyQuerySchema = Type.Object({
  interfaceAlias: Type.String({ maxLength: 32 }),
  destinationPrefix: Type.String({ maxLength: 64 }),
});

export const JobSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  state: Type.Union([Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed')]),
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  steps: Type.Array(
    Type.Object({
      name: Type.String(),
      state: Type.Union([
        Type.Literal('pending'),
        Type.Literal('running'),
        Type.Literal('succeeded'),
        Type.Literal('failed'),
      ]),
    }),
  ),
  error: Nullable(Type.String()),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});

/** Where a route sends packets (see `Nic` in the core). */
export const NicSchema = Type.Union([
  Type.Literal('external'),
  Type.Literal('internal'),
  Type.Literal('pod'),
  Type.Literal('service'),
  Type.Literal('loopback'),
]);

export const EffectiveRouteSchema = Type.Object({
  destinationPrefix: Type.String(),
  nextHop: Type.String(),
  nic: NicSchema,
  routeMetric: Type.Integer(),
  origin: Type.Union([
    Type.Literal('connected'),
    Type.Literal('default'),
    Type.Literal('custom'),
    Type.Literal('local'),
    Type.Literal('pod'),
    Type.Literal('service'),
  ]),
  interfaceAlias: Nullable(Type.String()),
  /** The kernel's route type: local and broadcast entries are its local table. */
  type: Type.Union([
    Type.Literal('unicast'),
    Type.Literal('local'),
    Type.Literal('broadcast'),
    Type.Literal('blackhole'),
  ]),
});

export const VmSchema = Type.Object({
  name: Type.String(),
  role: Type.Union([Type.Literal('master'), Type.Literal('worker')]),
  externalIp: Nullable(Type.String()),
  internalIp: Type.String(),
});

export const EffectiveTableSchema = Type.Object({
  vm: VmSchema,
  routes: Type.Array(EffectiveRouteSchema),
  /** Where the table comes from: the core's model, or the VM's kernel (Linux driver). */
  source: Type.Optional(Type.Union([Type.Literal('model'), Type.Literal('kernel')])),
});

export const LookupRequestSchema = Type.Object(
  {
    destination: Type.String({ maxLength: 64 }),
    vm: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: false },
);

export const LookupCandidateSchema = Type.Object({
  route: EffectiveRouteSchema,
  outcome: Type.Union([
    Type.Literal('chosen'),
    Type.Literal('shorterPrefix'),
    Type.Literal('higherMetric'),
  ]),
});

export const LookupAnswerSchema = Type.Object({
  destination: Type.String(),
  vm: Type.String(),
  route: Nullable(EffectiveRouteSchema),
  nextHop: Nullable(Type.String()),
  nic: Nullable(NicSchema),
  /** How the VM's kernel delivers it; null when no route matches. */
  type: Nullable(
    Type.Union([
      Type.Literal('unicast'),
      Type.Literal('local'),
      Type.Literal('broadcast'),
      Type.Literal('multicast'),
      Type.Literal('blackhole'),
    ]),
  ),
  explanation: Type.Object({
    candidates: Type.Array(LookupCandidateSchema),
    summary: LocalizedTextSchema,
  }),
  /** The kernel's own answer beside the core's (Linux driver, VM running). */
  kernel: Type.Optional(KernelLookupSchema),
});

export const DeviceSchema = Type.Object({
  name: Type.String(),
  sku: SkuIdSchema,
  skuName: Type.String(),
  nodeCount: Type.Union([Type.Literal(1), Type.Literal(2)]),
  softwareVersion: Type.String(),
  computeState: ComputeStateSchema,
  revision: Type.Integer(),
  /** The simulated firmware generation (SPEC §8): `2021` Compute page, `2023` split pages. */
  firmware: Type.Optional(Type.Union([Type.Literal('2021'), Type.Literal('2023')])),
});

export const KubernetesSchema = Type.Object({
  state: ComputeStateSchema,
  podCidr: Type.String(),
  serviceCidr: Type.String(),
  nodes: Type.Array(
    Type.Object({
      name: Type.String(),
      role: Type.Union([Type.Literal('master'), Type.Literal('worker')]),
      ip: Type.String(),
      internalIp: Type.String(),
      status: Type.String(),
    }),
  ),
  components: Type.Array(
    Type.Object({
      name: Type.String(),
      namespace: Type.String(),
      pods: Type.Array(
        Type.Object({
          name: Type.String(),
          node: Type.String(),
          status: Type.String(),
          ready: Type.String(),
          ip: Type.String(),
          /** kubectl's RESTARTS (SPEC §8). */
          restarts: Type.Optional(Type.Integer()),
          /** When the pod started (kubectl's AGE). */
          createdAt: Type.Optional(Type.String()),
        }),
      ),
    }),
  ),
  services: Type.Array(
    Type.Object({
      name: Type.String(),
      namespace: Type.String(),
      type: Type.String(),
      clusterIp: Type.String(),
      externalIp: Nullable(Type.String()),
      ports: Type.String(),
      /** kubectl's AGE (SPEC §8). */
      createdAt: Type.Optional(Type.String()),
      /** A LoadBalancer service MetalLB has no address for (`<pending>`). */
      pending: Type.Optional(Type.Boolean()),
      selector: Type.Optional(Type.String()),
    }),
  ),
  endpoints: Type.Array(Type.Object({ name: Type.String(), url: Type.String() })),
  reserved: Type.Array(Type.Object({ address: Type.String(), use: Type.String() })),
});

export const SessionRequestSchema = Type.Object(
  { password: Type.String({ maxLength: 256 }) },
  { additionalProperties: false },
);

export const SessionSchema = Type.Object({
  mustChangePassword: Type.Boolean(),
  failedAttemptsSinceLastSignIn: Type.Integer(),
  idleTimeoutSeconds: Type.Integer(),
});

export const PasswordChangeSchema = Type.Object(
  {
    currentPassword: Type.String({ maxLength: 256 }),
    newPassword: Type.String({ maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const ValidateRequestSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('port'), Type.Literal('compute'), Type.Literal('route')]),
    /** The port name, for kind "port". */
    name: Type.Optional(Type.String({ maxLength: 32 })),
    document: Type.Unknown(),
  },
  { additionalProperties: false },
);

export const ValidateAnswerSchema = Type.Object({ issues: Type.Array(IssueSchema) });

/** A job with each step's text for people (`label`), beside the contract's `name` and `state`. */
export const JobAnswerSchema = Type.Object({
  ...JobSchema.properties,
  steps: Type.Array(
    Type.Object({
      ...JobSchema.properties.steps.items.properties,
      label: Type.Optional(LocalizedTextSchema),
    }),
  ),
});

/**
 * PUT /api/compute → 202 with the job applying it, or 200 when nothing needs the device (saving
 * settings while not configured, a new external service IP range while configured).
 */
export const ComputeAnswerSchema = Type.Object({
  compute: ComputeSchema,
  job: Nullable(JobAnswerSchema),
  issues: Type.Array(IssueSchema),
});

/** PUT /api/ports/:name → the port as stored, its warnings, the new revision. */
export const PortAnswerSchema = Type.Object({
  ...PortSchema.properties,
  issues: Type.Array(IssueSchema),
  revision: Type.Integer(),
  /** Set when the change is tentative (SPEC §7.2): confirm before this time or it reverts. */
  confirmBy: Type.Optional(Nullable(Type.String())),
});

/** POST /api/routes → 201: the route, its warnings, the new revision. */
export const RouteCreatedSchema = Type.Object({
  ...RouteSchema.properties,
  issues: Type.Array(IssueSchema),
  revision: Type.Integer(),
  /** Set when the change is tentative (SPEC §7.2): confirm before this time or it reverts. */
  confirmBy: Type.Optional(Nullable(Type.String())),
});

export const ROUTE_METRIC_RANGE = { min: ROUTE_METRIC_MIN, max: ROUTE_METRIC_MAX };

export type Problem = Static<typeof ProblemSchema>;
export type ApiIssue = Static<typeof IssueSchema>;
export type Port = Static<typeof PortSchema>;
export type PortList = Static<typeof PortListSchema>;
export type PortSettingsBody = Static<typeof PortSettingsSchema>;
export type Compute = Static<typeof ComputeSchema>;
export type ComputeSettingsBody = Static<typeof ComputeSettingsSchema>;
export type Route = Static<typeof RouteSchema>;
export type RouteList = Static<typeof RouteListSchema>;
export type RouteCreateBody = Static<typeof RouteCreateSchema>;
export type Job = Static<typeof JobSchema>;
export type JobAnswer = Static<typeof JobAnswerSchema>;
export type ComputeAnswer = Static<typeof ComputeAnswerSchema>;
export type PortAnswer = Static<typeof PortAnswerSchema>;
export type RouteCreated = Static<typeof RouteCreatedSchema>;
export type EffectiveRouteDoc = Static<typeof EffectiveRouteSchema>;
export type EffectiveTable = Static<typeof EffectiveTableSchema>;
export type LookupRequest = Static<typeof LookupRequestSchema>;
export type LookupAnswerDoc = Static<typeof LookupAnswerSchema>;
export type Device = Static<typeof DeviceSchema>;
export type Kubernetes = Static<typeof KubernetesSchema>;
export type Session = Static<typeof SessionSchema>;
export type ValidateRequest = Static<typeof ValidateRequestSchema>;

// ---- Kubernetes services (SPEC §9) ---------------------------------------------------------------

export const ServicePortSchema = Type.Object({
  name: Nullable(Type.String()),
  protocol: Type.Union([Type.Literal('TCP'), Type.Literal('UDP'), Type.Literal('SCTP')]),
  port: Type.Integer(),
  targetPort: Type.Union([Type.Integer(), Type.String()]),
  nodePort: Nullable(Type.Integer()),
});

export const ServiceEventSchema = Type.Object({
  type: Type.Union([Type.Literal('Warning'), Type.Literal('Normal')]),
  reason: Type.String(),
  message: Type.String(),
});

const StringMap = Type.Record(Type.String(), Type.String());

/** A service as the API shows it; `externalIP` null with `pending` true is kubectl's `<pending>`. */
export const ServiceSchema = Type.Object({
  name: Type.String(),
  namespace: Type.String(),
  type: Type.Union([Type.Literal('ClusterIP'), Type.Literal('LoadBalancer')]),
  clusterIP: Type.String(),
  externalIP: Nullable(Type.String()),
  pending: Type.Boolean(),
  ports: Type.Array(ServicePortSchema),
  portsText: Type.String(),
  selector: StringMap,
  annotations: StringMap,
  loadBalancerIP: Nullable(Type.String()),
  createdAt: Type.String(),
  event: Nullable(ServiceEventSchema),
  system: Type.Boolean(),
});

export const ServicePoolSchema = Type.Object({
  range: Nullable(IpRangeSchema),
  size: Type.Integer(),
  used: Type.Integer(),
  free: Type.Integer(),
  pending: Type.Integer(),
  holders: Type.Array(Type.Object({ address: Type.String(), services: Type.Array(Type.String()) })),
});

/** GET /api/kubernetes/services: every service (the cluster's own first) and the pool. */
export const ServiceListSchema = Type.Object({
  services: Type.Array(ServiceSchema),
  pool: ServicePoolSchema,
  revision: Type.Integer(),
});

/** POST /api/kubernetes/services: a service as `kubectl create service`/`expose` make it. */
export const ServiceCreateSchema = Type.Object(
  {
    name: Type.String({ maxLength: 253 }),
    namespace: Type.Optional(Type.String({ maxLength: 253 })),
    type: Type.Optional(Type.String({ maxLength: 32 })),
    ports: Type.Array(
      Type.Object(
        {
          port: Type.Integer({ minimum: -1e9, maximum: 1e9 }),
          targetPort: Type.Optional(
            Type.Union([
              Type.Integer({ minimum: -1e9, maximum: 1e9 }),
              Type.String({ maxLength: 64 }),
            ]),
          ),
          protocol: Type.Optional(Type.String({ maxLength: 16 })),
          name: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    selector: Type.Optional(
      Type.Record(Type.String({ maxLength: 317 }), Type.String({ maxLength: 63 })),
    ),
    annotations: Type.Optional(
      Type.Record(Type.String({ maxLength: 317 }), Type.String({ maxLength: 4096 })),
    ),
    loadBalancerIP: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  },
  { additionalProperties: false },
);

/** POST /api/kubernetes/manifests: `kubectl apply -f` with a Service YAML (one or more documents). */
export const ServiceManifestRequestSchema = Type.Object(
  { manifest: Type.String({ maxLength: 65536 }) },
  { additionalProperties: false },
);

/** POST /api/kubernetes/services → 201: the service as stored, its warnings, the new revision. */
export const ServiceCreatedSchema = Type.Object({
  ...ServiceSchema.properties,
  issues: Type.Array(IssueSchema),
  revision: Type.Integer(),
});

/** POST /api/kubernetes/manifests → 200: what apply did to each service (kubectl's words). */
export const ServiceApplyAnswerSchema = Type.Object({
  results: Type.Array(
    Type.Object({
      service: ServiceSchema,
      outcome: Type.Union([
        Type.Literal('created'),
        Type.Literal('configured'),
        Type.Literal('unchanged'),
      ]),
    }),
  ),
  issues: Type.Array(IssueSchema),
  revision: Type.Integer(),
});

export const ServiceParamsSchema = Type.Object({
  namespace: Type.String({ maxLength: 253 }),
  name: Type.String({ maxLength: 253 }),
});

export type ServiceDoc = Static<typeof ServiceSchema>;
export type ServiceList = Static<typeof ServiceListSchema>;
export type ServicePool = Static<typeof ServicePoolSchema>;
export type ServiceCreateBody = Static<typeof ServiceCreateSchema>;
export type ServiceCreated = Static<typeof ServiceCreatedSchema>;
export type ServiceApplyAnswer = Static<typeof ServiceApplyAnswerSchema>;

export {
  type KernelLookup,
  KernelLookupSchema,
  type KernelRoute,
  KernelRouteSchema,
  type ProbeAnswer,
  ProbeAnswerSchema,
  type ProbeHop,
  type ProbeRequest,
  ProbeRequestSchema,
} from './kernel';
export { API } from './urls';

// ---- The change lifecycle (SPEC §7): history, diff, restore, pending changes --------------------

export { LIFECYCLE_API, LIFECYCLE_HEADERS } from './urls';

export const RevisionSourceSchema = Type.Union([
  Type.Literal('web'),
  Type.Literal('api'),
  Type.Literal('cli'),
  Type.Literal('console'),
  Type.Literal('import'),
  Type.Literal('restore'),
  Type.Literal('rollback'),
  Type.Literal('system'),
]);

/** One revision of the history: who, when, from where, what (in English and Japanese). */
export const RevisionSummarySchema = Type.Object({
  number: Type.Integer(),
  createdAt: Type.String(),
  author: Type.String(),
  source: RevisionSourceSchema,
  /** The summary in English (kept for clients that read one string). */
  summary: Type.String(),
  summaries: LocalizedTextSchema,
});

/** GET /api/revisions?before=&limit= → newest first; `nextBefore` pages on (null: the end). */
export const RevisionPageSchema = Type.Object({
  revisions: Type.Array(RevisionSummarySchema),
  revision: Type.Integer(),
  nextBefore: Nullable(Type.Integer()),
});

export const RevisionNumberParamsSchema = Type.Object({
  n: Type.String({ pattern: '^[0-9]{1,15}$' }),
});
export const RevisionPairParamsSchema = Type.Object({
  a: Type.String({ pattern: '^[0-9]{1,15}$' }),
  b: Type.String({ pattern: '^[0-9]{1,15}$' }),
});

/** The whole configuration document as stored (sections added later travel too). */
export const ConfigDocumentSchema = Type.Object(
  {
    name: Type.String(),
    sku: Type.String(),
    nodeCount: Type.Integer(),
    ports: Type.Array(Type.Unknown()),
    compute: Type.Unknown(),
    routes: Type.Array(Type.Unknown()),
  },
  { additionalProperties: true },
);

/** GET /api/revisions/:n → the revision and its whole document. */
export const RevisionDocumentSchema = Type.Object({
  ...RevisionSummarySchema.properties,
  document: ConfigDocumentSchema,
});

/** One field, old → new (`before` absent: added; `after` absent: removed). */
export const FieldChangeSchema = Type.Object({
  field: Type.String(),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
});

export const ListDiffSchema = Type.Object({
  keyFields: Type.Array(Type.String()),
  added: Type.Array(Type.Unknown()),
  removed: Type.Array(Type.Unknown()),
  changed: Type.Array(
    Type.Object({
      key: Type.Record(Type.String(), Type.String()),
      fields: Type.Array(FieldChangeSchema),
    }),
  ),
  order: Type.Optional(Type.Array(Type.String())),
});

/** The core's `ConfigDiff`: plain values, objects field by field, keyed lists. */
export const ConfigDiffSchema = Type.Object({
  values: Type.Array(FieldChangeSchema),
  objects: Type.Record(Type.String(), Type.Array(FieldChangeSchema)),
  lists: Type.Record(Type.String(), ListDiffSchema),
});

/** GET /api/revisions/:a/diff/:b → what changed from a to b. */
export const RevisionDiffAnswerSchema = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  diff: ConfigDiffSchema,
  summary: LocalizedTextSchema,
});

/** POST /api/revisions/:n/restore (If-Match required): warnings the admin acknowledges. */
export const RestoreRequestSchema = Type.Object(
  {
    acknowledge: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 8 })),
  },
  { additionalProperties: false },
);

/** The change waiting for confirmation. */
export const PendingChangeSchema = Type.Object({
  revision: Type.Integer(),
  previous: Type.Integer(),
  /** When the device reverts by itself (ISO 8601). */
  confirmBy: Type.String(),
  secondsLeft: Type.Integer(),
  seconds: Type.Integer(),
  reason: Type.String(),
  author: Type.String(),
});

/** GET /api/pending, and the answers of confirm and revert. */
export const PendingAnswerSchema = Type.Object({
  pending: Nullable(PendingChangeSchema),
  revision: Type.Integer(),
});

/** POST /api/revisions/:n/restore → 200. */
export const RestoreAnswerSchema = Type.Object({
  revision: Type.Integer(),
  restored: Type.Integer(),
  issues: Type.Array(IssueSchema),
  /** Set when the restore is tentative: confirm before this time or it reverts. */
  confirmBy: Nullable(Type.String()),
});

export type RevisionSummary = Static<typeof RevisionSummarySchema>;
export type RevisionPage = Static<typeof RevisionPageSchema>;
export type RevisionDocument = Static<typeof RevisionDocumentSchema>;
export type RevisionDiffAnswer = Static<typeof RevisionDiffAnswerSchema>;
export type RestoreAnswer = Static<typeof RestoreAnswerSchema>;
export type PendingChange = Static<typeof PendingChangeSchema>;
export type PendingAnswer = Static<typeof PendingAnswerSchema>;
export type { ConfigAnswer, DeviceAnswer, DeviceConfigDoc, Health, Settings } from './answers';
// ---- The endpoint table (issue 12, ADR 0034) ----------------------------------------------------
// The light layer (no TypeBox): paths, the typed client, the transport. The schema layer is
// `@edgenet/network-config/contract/endpoints` (it imports this file: only its types come here).
export * from './client';
export type {
  ConsoleAnswer,
  ConsoleLimitProblem,
  ConsoleRequest,
  ConsoleStatement,
} from './console';
export {
  CONSOLE_LIMIT_NAMES,
  ConsoleAnswerSchema,
  ConsoleChunkSchema,
  ConsoleLimitProblemSchema,
  ConsoleRequestSchema,
  ConsoleStatementSchema,
} from './console';
export type {
  AnswerAt,
  AnswerOf,
  BodyOf,
  EndpointAuth,
  EndpointDefinition,
  Endpoints,
  InputOf,
  ParamsOf,
  QueryOf,
  SuccessStatusOf,
} from './endpoints';
export {
  ROUTE_PAGE_DEFAULT,
  ROUTE_PAGE_MAX,
  type RouteListQuery,
  RouteListQuerySchema,
} from './route-list';
export {
  type Firmware,
  FirmwareSchema,
  type VirtualNetworkAnswer,
  VirtualNetworkAnswerSchema,
  type VirtualNetworkBody,
  VirtualNetworkBodySchema,
  type VirtualNetworkDoc,
  VirtualNetworkParamsSchema,
  VirtualNetworkSchema,
  type VirtualSwitchAnswer,
  VirtualSwitchAnswerSchema,
  type VirtualSwitchBody,
  VirtualSwitchBodySchema,
  VirtualSwitchDeleteQuerySchema,
  type VirtualSwitchDoc,
  type VirtualSwitchList,
  VirtualSwitchListSchema,
  VirtualSwitchParamsSchema,
  VirtualSwitchSchema,
} from './virtual-networking';
