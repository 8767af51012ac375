/**
 * Kubernetes services on the simulated cluster (SPEC §9): list with the MetalLB pool, create,
 * apply a Service YAML (`kubectl apply -f`, all or nothing), delete. Every rule is the core's.
 */
import {
  checkServiceChange,
  type DeviceConfig,
  hasErrors,
  type Issue,
  listServices,
  localizeIssues,
  NetConfigError,
  parseServiceManifest,
  removeService,
  type ServiceInput,
  type ServiceView,
  servicePoolUsage,
} from '@edgenet/network-config';
import type {
  ServiceApplyAnswer,
  ServiceCreated,
  ServiceList,
} from '@edgenet/network-config/contract';
import { Conflict, InvalidRequest, NotFound, RuleViolation } from '../domain-errors';
import type { DeviceDriver } from '../driver/driver';
import { type ConfigurationStore, domainPlugin } from './configuration-store';
import type { WriteContext, Written } from './write-context';

type Outcome = 'created' | 'configured' | 'unchanged';

export class KubeServices {
  private readonly startedAt = new Date().toISOString();

  constructor(
    private readonly config: ConfigurationStore,
    private readonly driver: DeviceDriver,
  ) {}

  /** When the cluster came up (its own services' and pods' AGE). */
  private clusterSince(): string {
    return this.driver.clusterCreatedAt?.() ?? this.startedAt;
  }

  list(): ServiceList {
    const device = this.config.device;
    const services = listServices(device, this.clusterSince());
    return { services, pool: servicePoolUsage(services, device), revision: this.config.revision };
  }

  private view(namespace: string, name: string): ServiceView {
    const found = listServices(this.config.device, this.clusterSince()).find(
      (s) => s.namespace === namespace && s.name === name,
    );
    if (!found) throw new Error(`service ${namespace}/${name} vanished after its commit`);
    return found;
  }

  /** 409 for a cluster that does not run or a name in use; 422 for other rule breaks. */
  private refuse(issues: Issue[]): never {
    const first = issues.find(
      (i) => i.code === 'service.computeNotConfigured' || i.code === 'service.duplicate',
    );
    if (first) {
      throw new Conflict(
        first.code as 'service.computeNotConfigured' | 'service.duplicate',
        first.params,
        issues,
      );
    }
    throw new RuleViolation(issues);
  }

  create(input: ServiceInput, context: WriteContext): ServiceCreated {
    this.config.checkWrite(context, false);
    const result = checkServiceChange(
      this.config.device,
      input,
      new Date().toISOString(),
      'create',
    );
    if (hasErrors(result.issues) || !result.service) this.refuse(result.issues);
    const s = result.service;
    const revision = this.config.commit(
      result.device,
      context,
      `Service created: ${s.namespace}/${s.name} (${s.type}${s.status.loadBalancerIP ? ` ${s.status.loadBalancerIP}` : s.type === 'LoadBalancer' ? ' pending' : ''})`,
    );
    return {
      ...this.view(s.namespace, s.name),
      issues: localizeIssues(result.issues),
      revision,
    };
  }

  /**
   * `kubectl apply -f`: every Service of the manifest created or updated, in one revision (all or
   * nothing). A YAML error is a 400 naming its line.
   */
  apply(manifest: string, context: WriteContext): ServiceApplyAnswer {
    this.config.checkWrite(context, false);
    let parsed: ReturnType<typeof parseServiceManifest>;
    try {
      parsed = parseServiceManifest(manifest);
    } catch (error) {
      if (error instanceof NetConfigError) {
        const found = {
          path: 'manifest',
          code: error.code,
          severity: 'error' as const,
          params: error.params,
        };
        throw new InvalidRequest(localizeIssues([found]), found);
      }
      throw error;
    }
    let device: DeviceConfig = this.config.device;
    const now = new Date().toISOString();
    const outcomes: { namespace: string; name: string; outcome: Outcome }[] = [];
    const issues: Issue[] = [];
    for (const { input, line } of parsed) {
      const result = checkServiceChange(device, input, now, 'apply');
      const prefixed = result.issues.map((i) => ({
        ...i,
        path: i.path ? `manifest[line ${line}].${i.path}` : `manifest[line ${line}]`,
      }));
      if (hasErrors(result.issues) || !result.service || !result.outcome) {
        this.refuse(prefixed);
      }
      issues.push(...prefixed);
      device = result.device;
      outcomes.push({
        namespace: result.service.namespace,
        name: result.service.name,
        outcome: result.outcome,
      });
    }
    const changed = outcomes.filter((o) => o.outcome !== 'unchanged');
    const revision =
      changed.length === 0
        ? this.config.revision
        : this.config.commit(
            device,
            context,
            `Services applied: ${changed.map((o) => `${o.namespace}/${o.name} ${o.outcome}`).join(', ')}`,
          );
    return {
      results: outcomes.map((o) => ({
        service: this.view(o.namespace, o.name),
        outcome: o.outcome,
      })),
      issues: localizeIssues(issues),
      revision,
    };
  }

  delete(namespace: string, name: string, context: WriteContext): Written {
    this.config.checkWrite(context, false);
    const device = this.config.device;
    const removed = removeService(device, namespace, name);
    if (!removed) {
      const system = listServices(device, this.clusterSince()).some(
        (s) => s.system && s.namespace === namespace && s.name === name,
      );
      if (system) throw new Conflict('service.system', { name, namespace });
      throw new NotFound('service.notFound', { name, namespace });
    }
    const revision = this.config.commit(
      removed.device,
      context,
      `Service deleted: ${namespace}/${name}`,
    );
    return { revision };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Kubernetes services (not Fastify's, nor the app's services: the cluster's). */
    kubeServices: KubeServices;
  }
}

export default domainPlugin(
  'edgenet-kube-services',
  'kubeServices',
  (app) => new KubeServices(app.config, app.device),
);
