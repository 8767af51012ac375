/**
 * The virtual switch and virtual network cmdlets (SPEC §8) over /api/virtual-switches:
 * Add-/Get-HcsExternalVirtualSwitch, Add-/Get-/Remove-HcsVirtualNetwork, with the fields and
 * columns the device's documentation prints.
 */
import { externalSwitchName, findPortCaseInsensitive } from '@edgenet/network-config';
import type { AnswerOf, InputOf } from '@edgenet/network-config/contract';
import type { Column, OutputObject } from '../format';
import { call, emitWarnings, type Handler, type HandlerEnv, stringParam } from './env';

/** FNV-1a over text, with a salt: stable simulated identifiers (ours). */
function fnv(text: string, salt: number): number {
  let hash = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A GUID that is the same for the same seed (the switch's DHCP host vNIC name). */
export function stableGuid(seed: string): string {
  const hex = [0, 1, 2, 3].map((i) => fnv(seed, i).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function readSwitches(env: HandlerEnv): Promise<AnswerOf<'listVirtualSwitches'> | null> {
  return (await call(env, 'listVirtualSwitches'))?.data ?? null;
}

export const getHcsExternalVirtualSwitch: Handler = async (env) => {
  const list = await readSwitches(env);
  if (!list) return;
  const items: OutputObject[] = list.virtualSwitches.map((sw) => ({
    Name: sw.name,
    InterfaceAlias: [sw.interfaceAlias],
    // SR-IOV on the 10/25 GbE ports (ours: the 1 GbE ports have none).
    EnableIov: !/^Port[12]$/.test(sw.interfaceAlias),
    MacAddressPools: null,
    IPAddressPools: [],
    ConfigurationSource: 'Dsc',
    EnabledForCompute: sw.enabledForCompute,
    SupportsAcceleratedNetworking: sw.supportsAcceleratedNetworking,
    DbeDhcpHostVnicName: stableGuid(sw.name),
    Type: 'External',
    VirtualNetworks: sw.virtualNetworks.map((n) => n.name),
  }));
  env.out.objects(items, { kind: 'list' });
};

function booleanParam(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** Creates `vswitch-<InterfaceAlias>` (doc), the port named as the device spells it. */
export const addHcsExternalVirtualSwitch: Handler = async (env) => {
  const alias = stringParam(env.command, 'InterfaceAlias') ?? '';
  const ports = await call(env, 'listPorts');
  if (!ports) return;
  const interfaceAlias = findPortCaseInsensitive(ports.data, alias)?.name ?? alias;
  const accelerated = booleanParam(env.command.parameters.SupportsAcceleratedNetworking);
  const added = await call(env, 'addVirtualSwitch', {
    body: {
      name: externalSwitchName(interfaceAlias),
      interfaceAlias,
      ...(accelerated === undefined ? {} : { supportsAcceleratedNetworking: accelerated }),
    },
  });
  if (added) emitWarnings(env, added.data.issues);
};

const VNET_COLUMNS: readonly Column[] = [
  { property: 'Name' },
  { property: 'AddressSpace' },
  { property: 'SwitchName' },
  { property: 'GatewayIPAddress' },
  { property: 'DnsServers' },
  { property: 'DnsSuffix' },
  { property: 'VlanId', align: 'right' },
];

export const getHcsVirtualNetwork: Handler = async (env) => {
  const list = await readSwitches(env);
  if (!list) return;
  const items: OutputObject[] = list.virtualSwitches.flatMap((sw) =>
    sw.virtualNetworks.map((n) => ({
      Name: n.name,
      AddressSpace: n.addressSpace,
      SwitchName: n.switchName,
      GatewayIPAddress: n.gateway,
      DnsServers: n.dnsServers,
      DnsSuffix: n.dnsSuffix,
      VlanId: n.vlanId,
    })),
  );
  env.out.objects(items, { kind: 'table', columns: VNET_COLUMNS });
};

export const addHcsVirtualNetwork: Handler = async (env) => {
  const { parameters } = env.command;
  const switchName = stringParam(env.command, 'VirtualSwitchName') ?? '';
  const dns = stringParam(env.command, 'DnsServers');
  const body: InputOf<'addVirtualNetwork'>['body'] = {
    name: stringParam(env.command, 'VnetName') ?? '',
    vlanId: typeof parameters.VlanId === 'number' ? parameters.VlanId : Number.NaN,
    addressSpace: stringParam(env.command, 'AddressSpace') ?? '',
    gateway: stringParam(env.command, 'GatewayIPAddress') ?? '',
    dnsServers: dns
      ? dns
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean)
      : [],
    dnsSuffix: stringParam(env.command, 'DnsSuffix') ?? null,
  };
  const added = await call(env, 'addVirtualNetwork', { params: { name: switchName }, body });
  if (added) emitWarnings(env, added.data.issues);
};

export const removeHcsVirtualNetwork: Handler = async (env) => {
  const switchName = stringParam(env.command, 'VirtualSwitchName') ?? '';
  const name = stringParam(env.command, 'VnetName') ?? '';
  await call(env, 'removeVirtualNetwork', { params: { name: switchName, vnet: name } });
};
