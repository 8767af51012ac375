/**
 * The virtual switch and virtual network cmdlets (SPEC §8) over /api/virtual-switches:
 * Add-/Get-HcsExternalVirtualSwitch, Add-/Get-/Remove-HcsVirtualNetwork, with the fields and
 * columns the device's documentation prints.
 */
import { API, externalSwitchName, findPortCaseInsensitive } from '@edgenet/network-config';
import type {
  PortList,
  VirtualNetworkBody,
  VirtualSwitchList,
} from '@edgenet/network-config/contract';
import type { Column, OutputObject } from '../format';
import {
  emitFailure,
  emitWarnings,
  type Handler,
  isObject,
  okBody,
  send,
  stringParam,
} from './env';

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

function isSwitchList(body: unknown): boolean {
  return isObject(body) && Array.isArray(body.virtualSwitches);
}

async function readSwitches(env: Parameters<Handler>[0]): Promise<VirtualSwitchList | null> {
  const res = await send(env, 'GET', API.virtualSwitches);
  const list = okBody<VirtualSwitchList>(res, [200], isSwitchList);
  if (!list) emitFailure(env, res);
  return list;
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
  const ports = await send(env, 'GET', API.ports);
  const list = okBody<PortList>(ports, [200], (b) => isObject(b) && Array.isArray(b.ports));
  if (!list) return emitFailure(env, ports);
  const interfaceAlias = findPortCaseInsensitive(list, alias)?.name ?? alias;
  const accelerated = booleanParam(env.command.parameters.SupportsAcceleratedNetworking);
  const res = await send(env, 'POST', API.virtualSwitches, {
    name: externalSwitchName(interfaceAlias),
    interfaceAlias,
    ...(accelerated === undefined ? {} : { supportsAcceleratedNetworking: accelerated }),
  });
  if (res.status !== 201) return emitFailure(env, res);
  emitWarnings(env, res.body);
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
  const body: VirtualNetworkBody = {
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
  const res = await send(env, 'POST', API.virtualNetworks(switchName), body);
  if (res.status !== 201) return emitFailure(env, res);
  emitWarnings(env, res.body);
};

export const removeHcsVirtualNetwork: Handler = async (env) => {
  const switchName = stringParam(env.command, 'VirtualSwitchName') ?? '';
  const name = stringParam(env.command, 'VnetName') ?? '';
  const res = await send(env, 'DELETE', API.virtualNetwork(switchName, name));
  if (res.status !== 204) return emitFailure(env, res);
};
