/**
 * Virtual switches and virtual networks (SPEC §8, the 2022+ firmware's Advanced networking page),
 * their rules, and the upgrade of documents stored before they existed.
 *
 * Paths of the whole-document check are `virtualSwitches[i].field` and
 * `virtualNetworks[i].field` (indexes, not names: Azure names may contain dots).
 */
import { formatIPv4, isIPv6, maskToPrefixLength, parseIPv4, prefixLengthToMask } from './address';
import { parseClusterCidrs } from './compute-config';
import { prefixToRange } from './ip-range';
import { type Issue, issue, issueFromError } from './issues';
import {
  type DeviceConfig,
  externalSwitchName,
  type FirmwareGeneration,
  findPortCaseInsensitive,
  MTU_DEFAULT,
  MTU_MAX,
  MTU_MIN,
  sameName,
  skuPortSpec,
  type VirtualNetwork,
  type VirtualSwitch,
} from './model';
import { portSubnet } from './port-config';
import { formatPrefix, type IpPrefix, parsePrefix, prefixesOverlap } from './prefix';

/** VLAN IDs a virtual network may carry (doc: 0–4094). */
export const VLAN_ID_MIN = 0;
export const VLAN_ID_MAX = 4094;

/** Azure resource names (doc): 2–64 characters, letters, digits, `-`, `_`, `.`. */
export const AZURE_NAME_MIN = 2;
export const AZURE_NAME_MAX = 64;
const AZURE_NAME = /^[A-Za-z0-9_.-]+$/;

export function isAzureName(name: unknown): boolean {
  return (
    typeof name === 'string' &&
    name.length >= AZURE_NAME_MIN &&
    name.length <= AZURE_NAME_MAX &&
    AZURE_NAME.test(name)
  );
}

export function findVirtualSwitch(
  device: Pick<DeviceConfig, 'virtualSwitches'>,
  name: string,
): VirtualSwitch | undefined {
  return (device.virtualSwitches ?? []).find((s) => sameName(s.name, name));
}

export function findVirtualNetwork(
  device: Pick<DeviceConfig, 'virtualNetworks'>,
  switchName: string,
  name: string,
): VirtualNetwork | undefined {
  return (device.virtualNetworks ?? []).find(
    (n) => sameName(n.switchName, switchName) && sameName(n.name, name),
  );
}

export function virtualNetworksOf(
  device: Pick<DeviceConfig, 'virtualNetworks'>,
  switchName: string,
): VirtualNetwork[] {
  return (device.virtualNetworks ?? []).filter((n) => sameName(n.switchName, switchName));
}

/** The switch carrying compute, or null. */
export function computeSwitchOf(
  device: Pick<DeviceConfig, 'virtualSwitches'>,
): VirtualSwitch | null {
  return (device.virtualSwitches ?? []).find((s) => s.enabledForCompute) ?? null;
}

export interface UpgradeOptions {
  firmware?: FirmwareGeneration;
}

/**
 * Brings a stored document up to this version, idempotently: a document without virtual switches
 * gains them, the compute port's switch (`vswitch-PortN`, as enabling compute created it) derived
 * from `compute.computePort`; the firmware is set when given. Returns the same object when nothing
 * changes, so callers may cache by identity.
 */
export function upgradeDevice(device: DeviceConfig, options: UpgradeOptions = {}): DeviceConfig {
  const hasSwitches = Array.isArray(device.virtualSwitches);
  const hasNetworks = Array.isArray(device.virtualNetworks);
  const firmware = options.firmware ?? device.firmware;
  if (hasSwitches && hasNetworks && firmware === device.firmware) return device;
  const next: DeviceConfig = { ...device };
  if (!hasSwitches) {
    const port = device.compute.computePort
      ? findPortCaseInsensitive(device, device.compute.computePort)
      : undefined;
    next.virtualSwitches = port
      ? [
          {
            name: externalSwitchName(port.name),
            interfaceAlias: port.name,
            mtu: port.mtu ?? MTU_DEFAULT,
            supportsAcceleratedNetworking: false,
            enabledForCompute: true,
          },
        ]
      : [];
  }
  if (!hasNetworks) next.virtualNetworks = [];
  if (firmware !== undefined) next.firmware = firmware;
  return next;
}

/**
 * The device with the compute role on the switch of `compute.computePort` (the one named
 * `preferred` when it is on that port, else the port's switch, else a new `vswitch-PortN`, as the
 * 2021 Compute page creates it), and on no other switch.
 */
export function withComputeSwitch(device: DeviceConfig, preferred?: string | null): DeviceConfig {
  const switches = device.virtualSwitches ?? [];
  const portName = device.compute.computePort;
  const port = portName ? findPortCaseInsensitive(device, portName) : undefined;
  if (!port) {
    if (!switches.some((s) => s.enabledForCompute)) return device;
    return {
      ...device,
      virtualSwitches: switches.map((s) => ({ ...s, enabledForCompute: false })),
    };
  }
  const onPort = switches.filter((s) => s.interfaceAlias === port.name);
  const chosen =
    (preferred ? onPort.find((s) => sameName(s.name, preferred)) : undefined) ?? onPort[0];
  const list = chosen
    ? switches
    : [
        ...switches,
        {
          name: externalSwitchName(port.name),
          interfaceAlias: port.name,
          mtu: port.mtu ?? MTU_DEFAULT,
          supportsAcceleratedNetworking: false,
          enabledForCompute: true,
        },
      ];
  const name = chosen?.name ?? externalSwitchName(port.name);
  return {
    ...device,
    virtualSwitches: list.map((s) => ({ ...s, enabledForCompute: s.name === name })),
  };
}

/** What an admin sets on a switch (the compute role is chosen on the Kubernetes page). */
export interface VirtualSwitchInput {
  name: string;
  interfaceAlias: string;
  mtu?: number | null;
  supportsAcceleratedNetworking?: boolean;
}

/** What an admin sets on a virtual network; the switch is named by the URL or the cmdlet. */
export interface VirtualNetworkInput {
  name: string;
  vlanId: number;
  /** The network as a prefix; or leave it empty and give `subnetMask` (the local UI's way). */
  addressSpace?: string;
  /** With the gateway, gives the address space (`255.255.255.0` + `10.10.0.1` → 10.10.0.0/24). */
  subnetMask?: string | null;
  gateway: string;
  dnsServers?: string[];
  dnsSuffix?: string | null;
}

/**
 * The address space of a network from a gateway and a subnet mask (the local UI asks for these),
 * or null when either is not valid (their own rules say why).
 */
export function addressSpaceOf(gateway: string, subnetMask: string): string | null {
  try {
    const length = maskToPrefixLength(subnetMask);
    const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
    return `${formatIPv4((parseIPv4(gateway) & mask) >>> 0)}/${length}`;
  } catch {
    return null;
  }
}

/** The subnet mask of an address space (`10.10.0.0/24` → `255.255.255.0`), or null. */
export function subnetMaskOf(addressSpace: string): string | null {
  try {
    const prefix = parsePrefix(addressSpace, { allowBareAddress: false });
    return prefix.family === 4 ? prefixLengthToMask(prefix.length) : null;
  } catch {
    return null;
  }
}

/** One switch's own rules; paths are relative to the switch (`name`, `mtu`, …). */
/** A switch's or network's `name`: required, then an Azure name (`code` when it is not). */
function nameIssues(
  name: string,
  code: 'vswitch.nameInvalid' | 'vnet.nameInvalid',
  issues: Issue[],
): void {
  if (!name) issues.push(issue('name', 'field.required'));
  else if (!isAzureName(name))
    issues.push(
      issue('name', code, { value: String(name), min: AZURE_NAME_MIN, max: AZURE_NAME_MAX }),
    );
}

function switchIssues(
  sw: VirtualSwitchInput,
  device: Pick<DeviceConfig, 'sku' | 'ports'>,
): Issue[] {
  const issues: Issue[] = [];
  nameIssues(sw.name, 'vswitch.nameInvalid', issues);
  if (!sw.interfaceAlias) {
    issues.push(issue('interfaceAlias', 'field.required'));
    return issues;
  }
  const port = findPortCaseInsensitive(device, sw.interfaceAlias);
  if (!port) {
    issues.push(issue('interfaceAlias', 'vswitch.interfaceUnknown', { port: sw.interfaceAlias }));
    return issues;
  }
  const mtu = sw.mtu ?? MTU_DEFAULT;
  if (!Number.isInteger(mtu) || mtu < MTU_MIN || mtu > MTU_MAX) {
    issues.push(
      issue('mtu', 'vswitch.mtuOutOfRange', { value: String(mtu), min: MTU_MIN, max: MTU_MAX }),
    );
  } else if (mtu !== MTU_DEFAULT && !skuPortSpec(device.sku, port.name)?.mtuConfigurable) {
    issues.push(issue('mtu', 'vswitch.mtuNotConfigurable', { port: port.name, mtu: MTU_DEFAULT }));
  }
  return issues;
}

interface ParsedNetwork {
  index: number;
  prefix: IpPrefix;
}

/** One network's own rules; paths relative to the network. Returns its prefix when valid. */
function networkIssues(
  net: Omit<VirtualNetworkInput, 'addressSpace'> & { addressSpace: string },
  issues: Issue[],
): IpPrefix | null {
  nameIssues(net.name, 'vnet.nameInvalid', issues);
  if (net.vlanId === null || net.vlanId === undefined || Number.isNaN(net.vlanId)) {
    issues.push(issue('vlanId', 'field.required'));
  } else if (
    !Number.isInteger(net.vlanId) ||
    net.vlanId < VLAN_ID_MIN ||
    net.vlanId > VLAN_ID_MAX
  ) {
    issues.push(
      issue('vlanId', 'vnet.vlanInvalid', {
        value: String(net.vlanId),
        min: VLAN_ID_MIN,
        max: VLAN_ID_MAX,
      }),
    );
  }
  let prefix: IpPrefix | null = null;
  if (!net.addressSpace) issues.push(issue('addressSpace', 'field.required'));
  else {
    try {
      const parsed = parsePrefix(net.addressSpace, { allowBareAddress: false });
      if (parsed.family !== 4)
        issues.push(issue('addressSpace', 'vnet.notIPv4', { value: net.addressSpace }));
      else if (parsed.length > 30)
        issues.push(
          issue('addressSpace', 'vnet.addressSpaceTooSmall', { value: net.addressSpace }),
        );
      else prefix = parsed;
    } catch (error) {
      issues.push(issueFromError('addressSpace', error));
    }
  }
  if (!net.gateway) issues.push(issue('gateway', 'field.required'));
  else {
    try {
      const gateway = parseIPv4(net.gateway);
      if (prefix) {
        const { start, end } = prefixToRange(prefix);
        const subnet = formatPrefix(prefix);
        if (gateway < start || gateway > end)
          issues.push(
            issue('gateway', 'vnet.gatewayOutsideSubnet', { gateway: net.gateway, subnet }),
          );
        else if (gateway === start || gateway === end)
          issues.push(issue('gateway', 'vnet.gatewayNotHost', { gateway: net.gateway, subnet }));
      }
    } catch (error) {
      issues.push(
        isIPv6(net.gateway)
          ? issue('gateway', 'vnet.notIPv4', { value: net.gateway })
          : issueFromError('gateway', error),
      );
    }
  }
  (net.dnsServers ?? []).forEach((dns, i) => {
    try {
      parseIPv4(dns);
    } catch (error) {
      issues.push(issueFromError(`dnsServers[${i}]`, error));
    }
  });
  return prefix;
}

const prefixed = (issues: Issue[], path: string) =>
  issues.map((i) => ({ ...i, path: i.path ? `${path}.${i.path}` : path }));

/**
 * Every rule of virtual switches and networks over the whole document (absolute paths): names,
 * ports, MTU, one switch per port, one compute switch, VLAN IDs, gateways, and subnets that overlap
 * each other, a port's subnet, or the pod or service CIDR.
 */
export function validateVirtualNetworking(device: DeviceConfig): Issue[] {
  const issues: Issue[] = [];
  const switches = device.virtualSwitches ?? [];
  const networks = device.virtualNetworks ?? [];
  switches.forEach((sw, i) => {
    const path = `virtualSwitches[${i}]`;
    issues.push(...prefixed(switchIssues(sw, device), path));
    const twin = switches.findIndex((o, j) => j < i && sameName(o.name, sw.name));
    if (twin !== -1) issues.push(issue(`${path}.name`, 'vswitch.nameTaken', { name: sw.name }));
    const samePort = switches.findIndex(
      (o, j) => j < i && sameName(o.interfaceAlias, sw.interfaceAlias),
    );
    if (samePort !== -1)
      issues.push(
        issue(`${path}.interfaceAlias`, 'vswitch.portTaken', {
          port: sw.interfaceAlias,
          other: (switches[samePort] as VirtualSwitch).name,
        }),
      );
    const computeTwin = switches.findIndex((o, j) => j < i && o.enabledForCompute);
    if (sw.enabledForCompute && computeTwin !== -1)
      issues.push(
        issue(`${path}.enabledForCompute`, 'vswitch.computeTaken', {
          other: (switches[computeTwin] as VirtualSwitch).name,
        }),
      );
  });

  const cidrIssues: Issue[] = [];
  const cidrs = parseClusterCidrs(device.compute, cidrIssues);
  const portSubnets = device.ports.flatMap((p) => {
    const s = portSubnet(p);
    return s ? [{ port: p.name, prefix: s.prefix }] : [];
  });
  const parsed: ParsedNetwork[] = [];
  networks.forEach((net, i) => {
    const path = `virtualNetworks[${i}]`;
    const own: Issue[] = [];
    const prefix = networkIssues(net, own);
    issues.push(...prefixed(own, path));
    if (!findVirtualSwitch(device, net.switchName))
      issues.push(issue(`${path}.switchName`, 'vnet.switchUnknown', { name: net.switchName }));
    const twin = networks.findIndex(
      (o, j) => j < i && sameName(o.switchName, net.switchName) && sameName(o.name, net.name),
    );
    if (twin !== -1)
      issues.push(
        issue(`${path}.name`, 'vnet.nameTaken', { name: net.name, switchName: net.switchName }),
      );
    if (!prefix) return;
    const subnet = formatPrefix(prefix);
    for (const other of parsed) {
      if (prefixesOverlap(prefix, other.prefix)) {
        const o = networks[other.index] as VirtualNetwork;
        issues.push(
          issue(`${path}.addressSpace`, 'vnet.subnetsOverlap', {
            subnet,
            other: o.name,
            otherSubnet: formatPrefix(other.prefix),
          }),
        );
      }
    }
    for (const p of portSubnets) {
      if (prefixesOverlap(prefix, p.prefix))
        issues.push(
          issue(`${path}.addressSpace`, 'vnet.overlapsPort', {
            subnet,
            port: p.port,
            portSubnet: formatPrefix(p.prefix),
          }),
        );
    }
    if (cidrs.pod && prefixesOverlap(prefix, cidrs.pod))
      issues.push(
        issue(`${path}.addressSpace`, 'vnet.overlapsPodCidr', {
          subnet,
          cidr: formatPrefix(cidrs.pod),
        }),
      );
    if (cidrs.service && prefixesOverlap(prefix, cidrs.service))
      issues.push(
        issue(`${path}.addressSpace`, 'vnet.overlapsServiceCidr', {
          subnet,
          cidr: formatPrefix(cidrs.service),
        }),
      );
    parsed.push({ index: i, prefix });
  });
  return issues;
}
