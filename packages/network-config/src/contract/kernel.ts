/**
 * The contract of the Linux driver's answers (SPEC §10): the kernel's own route lookup beside the
 * core's, and the probe (a real ping from a Kubernetes VM). Self-contained so index.ts can embed
 * the kernel answer in the lookup answer without an import cycle.
 */
import Type, { type Static } from 'typebox';

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** The core's NICs (`Nic`): a VM's kernel interface maps to one (eth1, eth0, cali0, svc0, lo). */
const Nic = Type.Union([
  Type.Literal('external'),
  Type.Literal('internal'),
  Type.Literal('pod'),
  Type.Literal('service'),
  Type.Literal('loopback'),
]);
const Text = Type.Object({ en: Type.String(), ja: Type.String() });

/** The route the kernel matched (`ip -j route get fibmatch`), as the kernel names it. */
export const KernelRouteSchema = Type.Object({
  /** unicast, local, unreachable, blackhole… */
  type: Type.String(),
  destinationPrefix: Type.String(),
  /** The gateway, or null when the destination is on-link (or local). */
  gateway: Nullable(Type.String()),
  dev: Nullable(Type.String()),
  nic: Nullable(Nic),
  metric: Type.Integer(),
  table: Type.String(),
});

/** The kernel's answer for one destination from one VM, and whether it agrees with the core's. */
export const KernelLookupSchema = Type.Object({
  route: Nullable(KernelRouteSchema),
  /** Where the kernel sends the packet: the gateway, else the destination itself; null: nowhere. */
  nextHop: Nullable(Type.String()),
  nic: Nullable(Nic),
  /** The kernel's refusal (`RTNETLINK answers: Network is unreachable`), or null. */
  error: Nullable(Type.String()),
  /**
   * The core's answer names the same route prefix, delivery type, next hop and NIC (or both find
   * no route).
   */
  agrees: Type.Boolean(),
  /** The command that asked the kernel, to repeat it by hand. */
  command: Type.String(),
});

export const ProbeRequestSchema = Type.Object(
  {
    destination: Type.String({ maxLength: 64 }),
    vm: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: false },
);

export const ProbeHopSchema = Type.Object({
  ttl: Type.Integer(),
  /** Who answered at this TTL, or null (no answer within the timeout). */
  address: Nullable(Type.String()),
  outcome: Type.Union([
    Type.Literal('reply'),
    Type.Literal('ttlExceeded'),
    Type.Literal('unreachable'),
    Type.Literal('timeout'),
  ]),
});

export const ProbeAnswerSchema = Type.Object({
  vm: Type.String(),
  destination: Type.String(),
  /** At least one echo reply came back. */
  reachable: Type.Boolean(),
  sent: Type.Integer(),
  received: Type.Integer(),
  /** Average round trip of the replies, or null. */
  rttMs: Nullable(Type.Number()),
  /** The kernel's route for the destination (what the probe followed). */
  route: KernelLookupSchema,
  /** A short TTL walk (ping -t 1, 2, …), bounded. */
  hops: Type.Array(ProbeHopSchema),
  /** The kernel's words for a failure (ping's ICMP error or `Network is unreachable`), or null. */
  error: Nullable(Type.String()),
  /** ping's own output, for the curious. */
  output: Type.String(),
  summary: Text,
});

export type KernelRoute = Static<typeof KernelRouteSchema>;
export type KernelLookup = Static<typeof KernelLookupSchema>;
export type ProbeRequest = Static<typeof ProbeRequestSchema>;
export type ProbeHop = Static<typeof ProbeHopSchema>;
export type ProbeAnswer = Static<typeof ProbeAnswerSchema>;
