/**
 * Server-side schemas beyond the shared contract (`@edgenet/network-config/contract`): answers that
 * wrap contract documents, and the extra endpoints. Everything here only adds fields; the contract
 * documents travel unchanged inside.
 */
import {
  ComputeSchema,
  DeviceSchema,
  FirmwareSchema,
  PortSchema,
  ProblemSchema,
  RouteSchema,
  ServiceEventSchema,
  ServicePortSchema,
  ServiceSchema,
  SkuIdSchema,
  VirtualNetworkSchema,
  VirtualSwitchSchema,
} from '@edgenet/network-config/contract';
import Type, { type Static } from 'typebox';

export const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  uptimeSeconds: Type.Integer(),
});

/** GET /api/settings (no sign-in needed): what the web app needs before sign-in. */
export const SettingsSchema = Type.Object({
  kiosk: Type.Boolean(),
  idleTimeoutSeconds: Type.Integer(),
  driver: Type.String(),
});

/** GET /api/device: the contract's Device plus the kiosk flag. */
export const DeviceAnswerSchema = Type.Object({
  ...DeviceSchema.properties,
  kiosk: Type.Boolean(),
});

/** A service as the configuration document stores it (the core's `ServiceConfig`). */
function StoredServiceSchema() {
  return Type.Object({
    ...Type.Pick(ServiceSchema, [
      'name',
      'namespace',
      'type',
      'clusterIP',
      'selector',
      'annotations',
      'loadBalancerIP',
      'createdAt',
    ]).properties,
    ports: Type.Array(ServicePortSchema),
    status: Type.Object({
      loadBalancerIP: Type.Union([Type.String(), Type.Null()]),
      event: Type.Union([ServiceEventSchema, Type.Null()]),
    }),
  });
}

/**
 * The whole configuration document (GET /api/config), as the core's `DeviceConfig`: the
 * contract's documents without what the server derives (a port's `mtuConfigurable` and `compute`,
 * compute's job and revision, a route's status).
 */
export const DeviceConfigSchema = Type.Object({
  name: Type.String(),
  sku: SkuIdSchema,
  nodeCount: DeviceSchema.properties.nodeCount,
  ports: Type.Array(Type.Omit(PortSchema, ['mtuConfigurable', 'compute'])),
  compute: Type.Omit(ComputeSchema, ['error', 'jobId', 'revision']),
  routes: Type.Array(Type.Omit(RouteSchema, ['status'])),
  /** Kubernetes services as stored (SPEC §9), with MetalLB's status. */
  services: Type.Optional(Type.Array(StoredServiceSchema())),
  virtualSwitches: Type.Optional(
    Type.Array(Type.Omit(VirtualSwitchSchema, ['mtuConfigurable', 'virtualNetworks'])),
  ),
  virtualNetworks: Type.Optional(Type.Array(Type.Omit(VirtualNetworkSchema, ['subnetMask']))),
  firmware: Type.Optional(FirmwareSchema),
});

export const ConfigAnswerSchema = Type.Object({
  ...DeviceConfigSchema.properties,
  revision: Type.Integer(),
});

export const RevisionListSchema = Type.Object({
  revisions: Type.Array(
    Type.Object({
      number: Type.Integer(),
      createdAt: Type.String(),
      author: Type.String(),
      summary: Type.String(),
    }),
  ),
  revision: Type.Integer(),
});

export const RevisionQuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
  },
  { additionalProperties: false },
);

export const EffectiveQuerySchema = Type.Object({
  vm: Type.Optional(Type.String({ maxLength: 32 })),
});

export const PortParamsSchema = Type.Object({ name: Type.String({ maxLength: 32 }) });
export const JobParamsSchema = Type.Object({ id: Type.String({ maxLength: 64 }) });

/**
 * The error answers of every API route, added to the OpenAPI document (plugins/docs.ts). They are
 * not route response schemas on purpose: fast-json-stringify compiles one serializer per route and
 * status (≈15 ms each with the issue-code enum, seconds at start-up); problems are built by
 * `HttpProblem.toJSON` with every field listed, so plain JSON.stringify cannot drop any.
 */
export const problemResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  412: ProblemSchema,
  413: ProblemSchema,
  415: ProblemSchema,
  422: ProblemSchema,
  428: ProblemSchema,
  429: ProblemSchema,
  500: ProblemSchema,
} as const;

export type DeviceAnswer = Static<typeof DeviceAnswerSchema>;
export type ConfigAnswer = Static<typeof ConfigAnswerSchema>;
