/**
 * Answers and request parts of the endpoints that the server once described by itself (health,
 * settings, the device, the whole configuration document, the query and path parts of a few
 * routes), now in the contract beside the others. Everything here only adds fields around the
 * contract's documents. Not re-exported by `index.ts` as values (this file imports it: a cycle);
 * the endpoint table (`contract/endpoints`) is the way in.
 */
import Type, { type Static } from 'typebox';
import {
  ComputeSchema,
  DeviceSchema,
  FirmwareSchema,
  PortSchema,
  RouteSchema,
  ServiceEventSchema,
  ServicePortSchema,
  ServiceSchema,
  SkuIdSchema,
  VirtualNetworkSchema,
  VirtualSwitchSchema,
} from './index';

/** GET /api/health. */
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

export const RevisionQuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
  },
  { additionalProperties: false },
);

export const RoutesQuerySchema = Type.Object({
  interfaceAlias: Type.Optional(Type.String({ maxLength: 32 })),
});

export const EffectiveQuerySchema = Type.Object({
  vm: Type.Optional(Type.String({ maxLength: 32 })),
});

export const PortParamsSchema = Type.Object({ name: Type.String({ maxLength: 32 }) });
export const JobParamsSchema = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** The answer of a write without a body (204). */
export const NoContentSchema = Type.Null();

/** GET /api/openapi.json: the OpenAPI 3.1 document of this API. */
export const OpenApiDocumentSchema = Type.Object(
  {
    openapi: Type.String(),
    info: Type.Object(
      { title: Type.String(), version: Type.String() },
      { additionalProperties: true },
    ),
    paths: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: true },
);

/** A file or a page, sent as text (export, the API documentation). */
export const TextAnswerSchema = Type.String({ description: 'The file, sent as an attachment' });

export type Health = Static<typeof HealthSchema>;
export type Settings = Static<typeof SettingsSchema>;
export type DeviceAnswer = Static<typeof DeviceAnswerSchema>;
export type DeviceConfigDoc = Static<typeof DeviceConfigSchema>;
export type ConfigAnswer = Static<typeof ConfigAnswerSchema>;
