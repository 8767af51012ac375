/**
 * The authoritative change checks of virtual switches and networks, and of the compute switch:
 * each builds the candidate document, then reports the changed object's issues (relative to the
 * request body) plus errors the change causes elsewhere (absolute paths), like `checkPortChange`.
 */

import { maskToPrefixLength } from './address';
import { type ChangeResult, checkComputeChange, compareChange } from './device-config';
import { type Issue, issue, issueFromError } from './issues';
import {
  type ComputeSettings,
  type DeviceConfig,
  findPortCaseInsensitive,
  MTU_DEFAULT,
  type VirtualNetwork,
  type VirtualSwitch,
} from './model';
import { canonicalPrefix } from './prefix';
import {
  addressSpaceOf,
  findVirtualNetwork,
  findVirtualSwitch,
  type VirtualNetworkInput,
  type VirtualSwitchInput,
  virtualNetworksOf,
  withComputeSwitch,
} from './virtual-switch';

function switchFrom(input: VirtualSwitchInput, device: DeviceConfig, previous?: VirtualSwitch) {
  const port = findPortCaseInsensitive(device, String(input.interfaceAlias ?? ''));
  return {
    name: input.name,
    interfaceAlias: port?.name ?? input.interfaceAlias,
    mtu: input.mtu ?? MTU_DEFAULT,
    supportsAcceleratedNetworking: input.supportsAcceleratedNetworking ?? false,
    enabledForCompute: previous?.enabledForCompute ?? false,
  } satisfies VirtualSwitch;
}

export interface VirtualSwitchResult extends ChangeResult {
  virtualSwitch: VirtualSwitch | null;
}

/** Adds a switch at the end of `virtualSwitches`. */
export function checkVirtualSwitchAdd(
  device: DeviceConfig,
  input: VirtualSwitchInput,
): VirtualSwitchResult {
  const switches = device.virtualSwitches ?? [];
  const sw = switchFrom(input, device);
  const candidate = { ...device, virtualSwitches: [...switches, sw] };
  const issues = compareChange(device, candidate, `virtualSwitches[${switches.length}]`);
  return { device: candidate, issues, virtualSwitch: sw };
}

/**
 * Changes a switch (rename, port, MTU, acceleration). Its networks follow a rename. The compute
 * switch keeps its port while compute is configured or being configured (doc: compute is tied to
 * the port; disable compute first).
 */
export function checkVirtualSwitchChange(
  device: DeviceConfig,
  name: string,
  input: VirtualSwitchInput,
): VirtualSwitchResult {
  const switches = device.virtualSwitches ?? [];
  const previous = findVirtualSwitch(device, name);
  if (!previous) {
    return {
      device,
      issues: [issue('', 'vnet.switchUnknown', { name })],
      virtualSwitch: null,
    };
  }
  const index = switches.indexOf(previous);
  const sw = switchFrom(input, device, previous);
  const locks: Issue[] = [];
  if (
    previous.enabledForCompute &&
    device.compute.state !== 'NotConfigured' &&
    sw.interfaceAlias !== previous.interfaceAlias
  ) {
    locks.push(
      issue('interfaceAlias', 'vswitch.computeLocked', {
        name: previous.name,
        state: device.compute.state,
      }),
    );
  }
  let candidate: DeviceConfig = {
    ...device,
    virtualSwitches: switches.map((s, i) => (i === index ? sw : s)),
    virtualNetworks: (device.virtualNetworks ?? []).map((n) =>
      n.switchName === previous.name ? { ...n, switchName: sw.name } : n,
    ),
  };
  // Moving the compute switch (compute not configured) moves the compute port with it.
  if (previous.enabledForCompute && sw.interfaceAlias !== previous.interfaceAlias) {
    candidate = { ...candidate, compute: { ...candidate.compute, computePort: sw.interfaceAlias } };
  }
  const issues = [...locks, ...compareChange(device, candidate, `virtualSwitches[${index}]`)];
  return { device: candidate, issues, virtualSwitch: sw };
}

export interface VirtualSwitchRemoval {
  device: DeviceConfig;
  virtualSwitch: VirtualSwitch;
  /** The networks deleted with it (doc: deleting a switch deletes its virtual networks). */
  virtualNetworks: VirtualNetwork[];
  /**
   * Why the removal must be confirmed first (`networks`, `compute`), or must not happen at all
   * (`computeConfigured`: the switch carries compute while it is configured; disable it first).
   */
  confirm: ('networks' | 'compute')[];
  refused: 'computeConfigured' | null;
}

/** Removes a switch and its networks; null when there is no such switch. */
export function removeVirtualSwitch(
  device: DeviceConfig,
  name: string,
): VirtualSwitchRemoval | null {
  const sw = findVirtualSwitch(device, name);
  if (!sw) return null;
  const networks = virtualNetworksOf(device, sw.name);
  const confirm: VirtualSwitchRemoval['confirm'] = [];
  if (networks.length > 0) confirm.push('networks');
  if (sw.enabledForCompute) confirm.push('compute');
  const refused =
    sw.enabledForCompute && device.compute.state !== 'NotConfigured' ? 'computeConfigured' : null;
  const next: DeviceConfig = {
    ...device,
    virtualSwitches: (device.virtualSwitches ?? []).filter((s) => s !== sw),
    virtualNetworks: (device.virtualNetworks ?? []).filter((n) => !networks.includes(n)),
    compute: sw.enabledForCompute ? { ...device.compute, computePort: null } : device.compute,
  };
  return { device: next, virtualSwitch: sw, virtualNetworks: networks, confirm, refused };
}

/**
 * The address space a network input names: its `addressSpace`, or the network of its gateway and
 * `subnetMask` (then a bad mask is an issue on `subnetMask`, and a bad gateway only on `gateway`).
 */
function resolveAddressSpace(input: VirtualNetworkInput): { text: string; issues: Issue[] } {
  if (input.addressSpace || input.subnetMask === undefined || input.subnetMask === null) {
    return { text: input.addressSpace ?? '', issues: [] };
  }
  if (input.subnetMask === '') return { text: '', issues: [issue('subnetMask', 'field.required')] };
  try {
    maskToPrefixLength(input.subnetMask);
  } catch (error) {
    return { text: '', issues: [issueFromError('subnetMask', error)] };
  }
  return { text: addressSpaceOf(input.gateway, input.subnetMask) ?? '', issues: [] };
}

/** The issues of the candidate network, with the ones of a derived address space adjusted. */
function withMaskIssues(input: VirtualNetworkInput, issues: Issue[]): Issue[] {
  const resolved = resolveAddressSpace(input);
  if (input.addressSpace || input.subnetMask === undefined || input.subnetMask === null) {
    return issues;
  }
  // The address space was derived: its issues belong to the mask, and a missing one is already
  // explained by the mask's or the gateway's own issue.
  const moved = issues
    .filter((i) => !(i.path === 'addressSpace' && i.code === 'field.required'))
    .map((i) => (i.path === 'addressSpace' ? { ...i, path: 'subnetMask' } : i));
  return [...resolved.issues, ...moved];
}

function networkFrom(input: VirtualNetworkInput, switchName: string): VirtualNetwork {
  let addressSpace = resolveAddressSpace(input).text;
  try {
    addressSpace = canonicalPrefix(addressSpace);
  } catch {
    // Kept as typed: the rules report it.
  }
  return {
    name: input.name,
    switchName,
    vlanId: input.vlanId,
    addressSpace,
    gateway: input.gateway,
    dnsServers: [...(input.dnsServers ?? [])],
    dnsSuffix: input.dnsSuffix ?? null,
  };
}

export interface VirtualNetworkResult extends ChangeResult {
  virtualNetwork: VirtualNetwork | null;
}

function unknownSwitch(device: DeviceConfig, name: string): VirtualNetworkResult {
  return {
    device,
    issues: [issue('virtualSwitchName', 'vnet.switchUnknown', { name })],
    virtualNetwork: null,
  };
}

/** Adds a network to a switch (at the end of `virtualNetworks`). */
export function checkVirtualNetworkAdd(
  device: DeviceConfig,
  switchName: string,
  input: VirtualNetworkInput,
): VirtualNetworkResult {
  const sw = findVirtualSwitch(device, switchName);
  if (!sw) return unknownSwitch(device, switchName);
  const networks = device.virtualNetworks ?? [];
  const net = networkFrom(input, sw.name);
  const candidate = { ...device, virtualNetworks: [...networks, net] };
  const issues = withMaskIssues(
    input,
    compareChange(device, candidate, `virtualNetworks[${networks.length}]`),
  );
  return { device: candidate, issues, virtualNetwork: net };
}

/** Changes one network of a switch (its name included). */
export function checkVirtualNetworkChange(
  device: DeviceConfig,
  switchName: string,
  name: string,
  input: VirtualNetworkInput,
): VirtualNetworkResult {
  const sw = findVirtualSwitch(device, switchName);
  if (!sw) return unknownSwitch(device, switchName);
  const previous = findVirtualNetwork(device, sw.name, name);
  if (!previous)
    return {
      device,
      issues: [issue('', 'vnet.unknown', { name, switchName: sw.name })],
      virtualNetwork: null,
    };
  const networks = device.virtualNetworks ?? [];
  const index = networks.indexOf(previous);
  const net = networkFrom(input, sw.name);
  const candidate = {
    ...device,
    virtualNetworks: networks.map((n, i) => (i === index ? net : n)),
  };
  const issues = withMaskIssues(
    input,
    compareChange(device, candidate, `virtualNetworks[${index}]`),
  );
  return { device: candidate, issues, virtualNetwork: net };
}

/** Removes one network; null when there is no such network. */
export function removeVirtualNetwork(
  device: DeviceConfig,
  switchName: string,
  name: string,
): { device: DeviceConfig; virtualNetwork: VirtualNetwork } | null {
  const net = findVirtualNetwork(device, switchName, name);
  if (!net) return null;
  return {
    device: { ...device, virtualNetworks: (device.virtualNetworks ?? []).filter((n) => n !== net) },
    virtualNetwork: net,
  };
}

/** Compute settings that may name the compute switch instead of (or besides) the port. */
export interface ComputeSwitchSettings extends ComputeSettings {
  /** The switch to enable for compute (firmware 2023's Kubernetes page); wins over the port. */
  computeSwitch?: string | null;
}

/**
 * `checkComputeChange`, with the compute role kept on the same model: naming a switch enables
 * compute on its port; naming a port (the 2021 Compute page, `computeSwitch` absent) uses that
 * port's switch or creates `vswitch-PortN`; no port clears the role.
 */
export function checkComputeSwitchChange(
  device: DeviceConfig,
  settings: ComputeSwitchSettings,
): ChangeResult {
  const { computeSwitch, ...rest } = settings;
  if (computeSwitch !== undefined && computeSwitch !== null && computeSwitch !== '') {
    const sw = findVirtualSwitch(device, computeSwitch);
    if (!sw) {
      return {
        device,
        issues: [issue('computeSwitch', 'compute.switchUnknown', { name: computeSwitch })],
      };
    }
    const result = checkComputeChange(device, { ...rest, computePort: sw.interfaceAlias });
    return { ...result, device: withComputeSwitch(result.device, sw.name) };
  }
  const computePort = computeSwitch === null || computeSwitch === '' ? null : rest.computePort;
  const result = checkComputeChange(device, { ...rest, computePort });
  return { ...result, device: withComputeSwitch(result.device) };
}
