/**
 * The HTTP contract (SPEC §4) as JSON Schemas (TypeBox). The server validates requests and
 * serialises responses with these; the web client and the CLI type themselves with `Static<…>`.
 * Field names are part of the contract: add fields freely, never rename these.
 */
import Type, { type Static } from 'typebox';
import { ISSUE_CODES } from '../issues';
import { ROUTE_METRIC_MAX, ROUTE_METRIC_MIN, type SKU_IDS } from '../model';

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

export const LocalizedTextSchema = Type.Object({ en: Type.String(), ja: Type.String() });

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
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  /** A stable machine-readable reason (e.g. `revision.stale`, `password.changeRequired`). */
  code: Type.Optional(Type.String()),
  /** English and Japanese text of `detail`. */
  message: Type.Optional(LocalizedTextSchema),
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
});

export const RouteListSchema = Type.Object({
  routes: Type.Array(RouteSchema),
  revision: Type.Integer(),
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

export const EffectiveRouteSchema = Type.Object({
  destinationPrefix: Type.String(),
  nextHop: Type.String(),
  nic: Type.Union([Type.Literal('external'), Type.Literal('internal')]),
  routeMetric: Type.Integer(),
  origin: Type.Union([Type.Literal('connected'), Type.Literal('default'), Type.Literal('custom')]),
  interfaceAlias: Nullable(Type.String()),
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
  nic: Nullable(Type.Union([Type.Literal('external'), Type.Literal('internal')])),
  explanation: Type.Object({
    candidates: Type.Array(LookupCandidateSchema),
    summary: LocalizedTextSchema,
  }),
});

export const DeviceSchema = Type.Object({
  name: Type.String(),
  sku: SkuIdSchema,
  skuName: Type.String(),
  nodeCount: Type.Union([Type.Literal(1), Type.Literal(2)]),
  softwareVersion: Type.String(),
  computeState: ComputeStateSchema,
  revision: Type.Integer(),
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
});

/** POST /api/routes → 201: the route, its warnings, the new revision. */
export const RouteCreatedSchema = Type.Object({
  ...RouteSchema.properties,
  issues: Type.Array(IssueSchema),
  revision: Type.Integer(),
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
export { API } from './urls';
