/**
 * TEMPORARY shims for what the core (@edgenet/network-config) does not export yet. Each one says
 * what the core should provide; remove it as soon as the core does. No rule is decided here
 * except where marked, and those mirror the core's own code line for line.
 */
import {
  type ComputeSettings,
  checkComputeChange,
  type DeviceConfig,
  type Issue,
} from '@edgenet/network-config';

/**
 * Node IPs an n-node device needs: one master VM plus one worker VM per node (doc).
 * Mirrors `validateComputeSettings` (`device.nodeCount + 1`); the core should export
 * `requiredNodeIpCount(nodeCount)` and `SERVICE_IP_MIN` so the page can show "needs at least …".
 */
export function requiredNodeIpCount(nodeCount: number): number {
  return nodeCount + 1;
}
export const SERVICE_IP_MIN = 1;

export type ComputeField = keyof ComputeSettings;
const FIELDS: ComputeField[] = [
  'computePort',
  'nodeIpRange',
  'serviceIpRange',
  'podCidr',
  'serviceCidr',
];
const PROBES: ComputeSettings = {
  computePort: '\u0000probe',
  nodeIpRange: { start: '0.0.0.1', end: '0.0.0.1' },
  serviceIpRange: { start: '0.0.0.1', end: '0.0.0.1' },
  podCidr: '10.255.255.0/24',
  serviceCidr: '10.255.254.0/24',
};

/**
 * Which compute fields are locked now, and the core's issue saying so. The decision is the core's
 * (`checkComputeChange` reports `compute.locked` for a locked field that changes): each field is
 * probed with a different value. The core should export `lockedComputeFields(compute)` instead.
 */
export function lockedComputeFields(device: DeviceConfig): Map<ComputeField, Issue> {
  const locks = new Map<ComputeField, Issue>();
  const device0 = device.routes.length ? { ...device, routes: [] } : device;
  const { state: _state, ...current } = device.compute;
  for (const field of FIELDS) {
    const probe = { ...current, [field]: PROBES[field] } as ComputeSettings;
    const lock = checkComputeChange(device0, probe).issues.find(
      (i) => i.path === field && i.code === 'compute.locked',
    );
    if (lock) locks.set(field, lock);
  }
  return locks;
}
