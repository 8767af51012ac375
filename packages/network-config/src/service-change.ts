/**
 * The authoritative checks of a service change (create, apply, delete), as `checkRouteAdd` is for
 * routes: the candidate device with MetalLB's statuses brought up to date, and the issues.
 */
import { type Issue, issue, warning } from './issues';
import type { DeviceConfig } from './model';
import {
  buildService,
  DEFAULT_NAMESPACE,
  type ServiceConfig,
  type ServiceInput,
  serviceKey,
  validateServiceInput,
  withReconciledServices,
} from './services';

export type ServiceChangeOutcome = 'created' | 'configured' | 'unchanged';

export interface ServiceChangeResult {
  device: DeviceConfig;
  /** Errors block the change; `service.computeNotConfigured` and `service.duplicate` are 409s. */
  issues: Issue[];
  /** The service as stored after the change (its status from MetalLB), or null on errors. */
  service: ServiceConfig | null;
  outcome: ServiceChangeOutcome | null;
}

function findIndex(device: DeviceConfig, namespace: string, name: string): number {
  return (device.services ?? []).findIndex((s) => s.namespace === namespace && s.name === name);
}

/** A pending LoadBalancer service is saved with a warning carrying MetalLB's event. */
function pendingWarning(service: ServiceConfig): Issue[] {
  if (service.type !== 'LoadBalancer' || service.status.loadBalancerIP !== null) return [];
  return [
    warning('', 'service.pending', {
      service: serviceKey(service),
      event: service.status.event?.message ?? '',
    }),
  ];
}

/**
 * Creates a service (`mode: 'create'`: an existing name is `service.duplicate`) or applies it
 * (`mode: 'apply'`: an existing one is updated, keeping its cluster IP, NodePorts and age).
 */
export function checkServiceChange(
  device: DeviceConfig,
  input: ServiceInput,
  createdAt: string,
  mode: 'create' | 'apply' = 'create',
): ServiceChangeResult {
  const refused = (issues: Issue[]): ServiceChangeResult => ({
    device,
    issues,
    service: null,
    outcome: null,
  });
  const { state } = device.compute;
  if (state !== 'Configured') {
    return refused([issue('', 'service.computeNotConfigured', { state })]);
  }
  const issues = validateServiceInput(input);
  if (issues.some((i) => i.severity === 'error')) return refused(issues);
  const namespace = input.namespace ?? DEFAULT_NAMESPACE;
  const services = device.services ?? [];
  const index = findIndex(device, namespace, input.name);
  const previous = index === -1 ? undefined : services[index];
  if (previous && mode === 'create') {
    return refused([issue('name', 'service.duplicate', { name: input.name, namespace })]);
  }
  const built = buildService(input, device, createdAt, previous);
  if (built.clusterIP === '') {
    return refused([
      issue('', 'field.invalid', { detail: 'the service CIDR has no free cluster IP' }),
    ]);
  }
  if (previous && JSON.stringify(previous) === JSON.stringify(built)) {
    return { device, issues, service: previous, outcome: 'unchanged' };
  }
  const list =
    index === -1 ? [...services, built] : services.map((s, i) => (i === index ? built : s));
  const candidate = withReconciledServices({ ...device, services: list });
  const stored = (candidate.services ?? []).find(
    (s) => s.namespace === namespace && s.name === input.name,
  ) as ServiceConfig;
  return {
    device: candidate,
    issues: [...issues, ...pendingWarning(stored)],
    service: stored,
    outcome: previous ? 'configured' : 'created',
  };
}

/** Deletes a service; null when there is none. Freed addresses go to pending services at once. */
export function removeService(
  device: DeviceConfig,
  namespace: string,
  name: string,
): { device: DeviceConfig; service: ServiceConfig } | null {
  const index = findIndex(device, namespace, name);
  if (index === -1) return null;
  const services = device.services ?? [];
  const service = services[index] as ServiceConfig;
  const candidate = withReconciledServices({
    ...device,
    services: services.filter((_, i) => i !== index),
  });
  return { device: candidate, service };
}
