/**
 * The contract of virtual switches and virtual networks (SPEC §8): documents, request bodies and
 * answers. Text is checked by the core's rules (422 with issues), not by these schemas, which only
 * bound sizes and types.
 */
import Type, { type Static } from 'typebox';

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const FirmwareSchema = Type.Union([Type.Literal('2021'), Type.Literal('2023')]);

export const VirtualNetworkSchema = Type.Object({
  name: Type.String(),
  switchName: Type.String(),
  vlanId: Type.Integer(),
  /** The network as a prefix (`10.10.0.0/24`). */
  addressSpace: Type.String(),
  /** The same network's mask, as the local UI shows it. */
  subnetMask: Nullable(Type.String()),
  gateway: Type.String(),
  dnsServers: Type.Array(Type.String()),
  dnsSuffix: Nullable(Type.String()),
});

export const VirtualSwitchSchema = Type.Object({
  name: Type.String(),
  interfaceAlias: Type.String(),
  mtu: Type.Integer(),
  /** Whether the SKU lets this port's MTU change (doc: Ports 1–4 of the Pro GPU). */
  mtuConfigurable: Type.Boolean(),
  supportsAcceleratedNetworking: Type.Boolean(),
  enabledForCompute: Type.Boolean(),
  virtualNetworks: Type.Array(VirtualNetworkSchema),
});

export const VirtualSwitchListSchema = Type.Object({
  virtualSwitches: Type.Array(VirtualSwitchSchema),
  firmware: FirmwareSchema,
  revision: Type.Integer(),
});

/** POST /api/virtual-switches and PUT /api/virtual-switches/:name. */
export const VirtualSwitchBodySchema = Type.Object(
  {
    name: Type.String({ maxLength: 128 }),
    interfaceAlias: Type.String({ maxLength: 32 }),
    mtu: Type.Optional(Nullable(Type.Integer({ minimum: -1e9, maximum: 1e9 }))),
    supportsAcceleratedNetworking: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** POST …/virtual-networks and PUT …/virtual-networks/:vnet. */
export const VirtualNetworkBodySchema = Type.Object(
  {
    name: Type.String({ maxLength: 128 }),
    vlanId: Type.Integer({ minimum: -1e9, maximum: 1e9 }),
    /** The network as a prefix; or omit it and send `subnetMask` with the gateway. */
    addressSpace: Type.Optional(Type.String({ maxLength: 64 })),
    subnetMask: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    gateway: Type.String({ maxLength: 64 }),
    dnsServers: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 4 })),
    dnsSuffix: Type.Optional(Nullable(Type.String({ maxLength: 253 }))),
  },
  { additionalProperties: false },
);

export const VirtualSwitchParamsSchema = Type.Object({ name: Type.String({ maxLength: 128 }) });
export const VirtualNetworkParamsSchema = Type.Object({
  name: Type.String({ maxLength: 128 }),
  vnet: Type.String({ maxLength: 128 }),
});

/**
 * DELETE /api/virtual-switches/:name. A switch with virtual networks or the compute role is
 * deleted only with `force=true` (the web asks first); otherwise 409 `vswitch.confirmDelete`.
 */
export const VirtualSwitchDeleteQuerySchema = Type.Object({
  force: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
});

const AnswerIssues = Type.Array(
  Type.Object({
    path: Type.String(),
    code: Type.String(),
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
    params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
    message: Type.Object({ en: Type.String(), ja: Type.String() }),
  }),
);

export const VirtualSwitchAnswerSchema = Type.Object({
  ...VirtualSwitchSchema.properties,
  issues: AnswerIssues,
  revision: Type.Integer(),
});

export const VirtualNetworkAnswerSchema = Type.Object({
  ...VirtualNetworkSchema.properties,
  issues: AnswerIssues,
  revision: Type.Integer(),
});

export type Firmware = Static<typeof FirmwareSchema>;
export type VirtualSwitchDoc = Static<typeof VirtualSwitchSchema>;
export type VirtualNetworkDoc = Static<typeof VirtualNetworkSchema>;
export type VirtualSwitchList = Static<typeof VirtualSwitchListSchema>;
export type VirtualSwitchBody = Static<typeof VirtualSwitchBodySchema>;
export type VirtualNetworkBody = Static<typeof VirtualNetworkBodySchema>;
export type VirtualSwitchAnswer = Static<typeof VirtualSwitchAnswerSchema>;
export type VirtualNetworkAnswer = Static<typeof VirtualNetworkAnswerSchema>;
