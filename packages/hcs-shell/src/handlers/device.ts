/** Get-NetAdapter over /api/ports and Get-HcsApplianceInfo over /api/device. */
import { maskToPrefixLength } from '@edgenet/network-config';
import type { AnswerOf } from '@edgenet/network-config/contract';
import { hasWildcard, wildcardMatch } from '../cmdlets';
import type { Column, OutputObject } from '../format';
import { text } from '../messages';
import { call, type Handler, localError, stringParam } from './env';

/** Get-NetAdapter's own table (doc, SPEC §8). */
const ADAPTER_COLUMNS: readonly Column[] = [
  { property: 'Name' },
  { property: 'InterfaceDescription' },
  { property: 'ifIndex', align: 'right' },
  { property: 'Status' },
  { property: 'MacAddress' },
  { property: 'LinkSpeed', align: 'right' },
];

/** `192.168.20.10/24`: the address and its mask as a length; the address alone without a mask. */
function addressWithLength(address: string, mask: string | null): string {
  if (mask === null) return address;
  try {
    return `${address}/${maskToPrefixLength(mask)}`;
  } catch {
    // The server stores only masks the core accepts; a stranger one is shown by SubnetMask.
    return address;
  }
}

type Port = AnswerOf<'listPorts'>['ports'][number];

function adapterObject(port: Port): OutputObject {
  const up = port.link?.connected === true;
  const speed = port.link?.speedGbps;
  const hardware = adapterHardware(port.name);
  return {
    Name: port.name,
    InterfaceDescription: hardware.description,
    ifIndex: hardware.ifIndex,
    MacAddress: hardware.macAddress,
    Status: up ? 'Up' : 'Disconnected',
    LinkSpeed: up && typeof speed === 'number' ? `${speed} Gbps` : '0 bps',
    IPEnabled: port.ipEnabled,
    DHCP: port.dhcp ? 'Enabled' : 'Disabled',
    // Address/length in the table, as Get-NetIPAddress shows IPAddress and PrefixLength.
    IPv4Address:
      port.ipEnabled && port.address ? addressWithLength(port.address, port.subnetMask) : null,
    SubnetMask: port.subnetMask,
    Gateway: port.gateway,
    DNS: port.dns,
    MTU: port.mtu,
    SupportedSpeedsGbps: port.speedGbps,
    Compute: port.compute,
  };
}

export const getNetAdapter: Handler = async (env) => {
  const list = await call(env, 'listPorts');
  if (!list) return;
  const name = stringParam(env.command, 'Name');
  const ports = list.data.ports.filter((p) => name === undefined || wildcardMatch(name, p.name));
  if (name !== undefined && !hasWildcard(name) && ports.length === 0) {
    // Get-NetAdapter's own error for a name that matches nothing.
    throw localError(
      env,
      text(
        `No MSFT_NetAdapter objects found with property 'Name' equal to '${name}'. Verify the value of the property and retry.`,
        `プロパティ 'Name' が '${name}' に等しい MSFT_NetAdapter オブジェクトが見つかりません。プロパティの値を確認して、再試行してください。`,
      ),
      'CmdletizationQuery_NotFound_Name',
      'ObjectNotFound',
      { parameter: 'Name', target: name },
    );
  }
  env.out.objects(ports.map(adapterObject), { kind: 'table', columns: ADAPTER_COLUMNS });
};

export const getHcsApplianceInfo: Handler = async (env) => {
  const answer = await call(env, 'getDevice');
  if (!answer) return;
  const device = answer.data;
  env.out.objects(
    [
      {
        FriendlyName: device.name,
        Model: device.skuName,
        Sku: device.sku,
        NodeCount: device.nodeCount,
        IsClustered: device.nodeCount > 1,
        FriendlySoftwareVersion: device.softwareVersion,
        ComputeState: device.computeState,
      },
    ],
    { kind: 'list' },
    { single: true },
  );
};

/** The NICs of the Pro GPU (doc): Ports 1–4 on the QLogic card, Ports 5–6 on the Mellanox one. */
const QLOGIC = { description: 'QLogic 2x1GE+2x25GE QL41234HMCU NIC', oui: [0x00, 0x0e, 0x1e] };
const MELLANOX = {
  description: 'Mellanox ConnectX-4 Lx Ethernet Adapter',
  oui: [0x98, 0x03, 0x9b],
};

/**
 * A port's adapter: description, interface index and a simulated MAC address that stays the same
 * from run to run (ours: the vendor's OUI, then three bytes from the port's name).
 */
export function adapterHardware(portName: string): {
  description: string;
  ifIndex: number;
  macAddress: string;
} {
  const number = Number(/(\d+)$/.exec(portName)?.[1] ?? 0);
  const card = number >= 5 ? MELLANOX : QLOGIC;
  let hash = 0x811c9dc5;
  for (const char of portName) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const bytes = [...card.oui, (hash >>> 16) & 0xff, (hash >>> 8) & 0xff, number & 0xff];
  return {
    description: card.description,
    ifIndex: number + 2,
    macAddress: bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('-'),
  };
}
