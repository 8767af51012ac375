/**
 * The server's use cases: read the configuration, change it, apply it. Every rule comes from the
 * core library (`check*Change`, `routeStatus`, `lookupRoute`, …); this module only orders the
 * steps: precondition → core check → store commit → device driver.
 *
 * Every change runs synchronously from the precondition check to the commit (no await between),
 * so two requests can never interleave inside one change (see store.ts).
 */
import {
  buildEffectiveTable,
  type ComputeSwitchSettings,
  checkComputeSwitchChange,
  checkPortChange,
  checkRouteAdd,
  checkServiceChange,
  computeSwitchOf,
  type DeviceConfig,
  effectiveRoutes,
  type FirmwareGeneration,
  findPortCaseInsensitive,
  formatIssue,
  hasErrors,
  type Issue,
  kubernetesVms,
  listServices,
  localizeIssues,
  lookupRoute,
  managementChangeIssues,
  NetConfigError,
  type PortConfig,
  type PortSettings,
  parseServiceManifest,
  type RevisionSource,
  type RouteConfig,
  type RouteContext,
  type RouteInput,
  removeRoute,
  removeService,
  routeContext,
  routeStatus,
  routeStatusMessage,
  routeWarnings,
  type ServiceInput,
  type ServiceView,
  servicePoolUsage,
  skuPortSpec,
  unacknowledged,
  upgradeDevice,
  validatePortSettings,
} from '@edgenet/network-config';
import type {
  ApiIssue,
  Compute,
  EffectiveTable,
  LookupAnswerDoc,
  Port,
  Route,
  ServiceApplyAnswer,
  ServiceCreated,
  ServiceList,
} from '@edgenet/network-config/contract';
import type { DeviceDriver } from '../driver/driver';
import {
  acknowledgementRequired,
  badRequest,
  conflict,
  notFound,
  revisionRequired,
  ruleViolation,
  staleRevision,
} from '../http/problems';
import type { JobRunner, JobView } from '../jobs/job-runner';
import type { PendingRecord, Store } from '../store/store';

/** What an If-Match header said: a revision, `*` (any), something that never matches, or none. */
export type Precondition =
  | { kind: 'none' }
  | { kind: 'any' }
  | { kind: 'revisions'; revisions: number[] };

/** Parses If-Match: `"12"`, `"12", "13"`, `*`. Weak or malformed tags never match (RFC 9110 §13.1.1). */
export function parseIfMatch(header: string | undefined): Precondition {
  if (header === undefined) return { kind: 'none' };
  const text = header.trim();
  if (text === '*') return { kind: 'any' };
  const revisions: number[] = [];
  for (const part of text.split(',')) {
    const match = /^"(\d{1,15})"$/.exec(part.trim());
    if (match) revisions.push(Number(match[1]));
  }
  return { kind: 'revisions', revisions };
}

export interface WriteContext {
  author: string;
  precondition: Precondition;
  /** Where the write came from (revision history); default `api`. */
  source?: RevisionSource;
  /** The address the client reached the server on (a change to that port is tentative). */
  clientAddress?: string | null;
  /** The client asked for the change to revert unless confirmed (SPEC §7.2). */
  confirm?: boolean;
  /** Warning codes the client acknowledged (`port.managementChange`). */
  acknowledge?: readonly string[];
}

/** What the change lifecycle adds to every write (services/lifecycle.ts). */
export interface WriteGuard {
  /** Throws 409 `change.pendingConfirmation` while a change waits for confirmation. */
  assertNoPending(): void;
  /** The pending record a commit from `before` to `after` must carry, or undefined. */
  pendingFor(
    before: DeviceConfig,
    after: DeviceConfig,
    context: WriteContext,
  ): Omit<PendingRecord, 'revision'> | undefined;
  /** Called after a commit that started a pending change. */
  armed(): void;
}

export interface Written {
  revision: number;
}

function rangeText(range: { start: string; end: string } | null): string {
  return range ? `${range.start}–${range.end}` : 'none';
}

export class ConfigurationService {
  private tableCache: {
    revision: number;
    tables: Map<string, ReturnType<typeof buildEffectiveTable>>;
  } | null = null;

  /** The change lifecycle's guard (set by the services plugin). */
  guard: WriteGuard | null = null;

  constructor(
    private readonly store: Store,
    private readonly driver: DeviceDriver,
    private readonly jobs: JobRunner,
    /** The firmware generation the rules follow (SPEC §8). */
    readonly firmware: FirmwareGeneration = '2021',
  ) {}

  /** The stored document, upgraded (virtual switches) once per stored object. */
  private upgraded: { stored: DeviceConfig; device: DeviceConfig } | null = null;

  get revision(): number {
    return this.store.revision;
  }

  get device(): DeviceConfig {
    const stored = this.store.current;
    if (this.upgraded?.stored !== stored) {
      this.upgraded = { stored, device: upgradeDevice(stored, { firmware: this.firmware }) };
    }
    return this.upgraded.device;
  }

  /** 428 when the header is required and missing, 412 when it names another revision. */
  checkPrecondition(precondition: Precondition, required: boolean): void {
    this.guard?.assertNoPending();
    if (precondition.kind === 'none') {
      if (required) throw revisionRequired();
      return;
    }
    if (precondition.kind === 'any') return;
    if (!precondition.revisions.includes(this.store.revision)) {
      throw staleRevision(this.store.revision);
    }
  }

  commit(
    document: DeviceConfig,
    context: WriteContext,
    summary: string,
    extra: { summaryJa?: string } = {},
  ): number {
    const pending = this.guard?.pendingFor(this.device, document, context);
    const revision = this.store.commit({
      basedOn: this.store.revision,
      author: context.author,
      summary,
      document,
      source: context.source ?? 'api',
      ...extra,
      ...(pending ? { pending } : {}),
    });
    if (pending) this.guard?.armed();
    return revision;
  }

  // ---- ports ---------------------------------------------------------------------------------

  portDocument(port: PortConfig, device = this.device): Port {
    return {
      name: port.name,
      speedGbps: port.speedGbps,
      ipEnabled: port.ipEnabled,
      dhcp: port.dhcp,
      address: port.address,
      subnetMask: port.subnetMask,
      gateway: port.gateway,
      dns: port.dns,
      mtu: port.mtu,
      mtuConfigurable: skuPortSpec(device.sku, port.name)?.mtuConfigurable ?? false,
      link: port.link,
      compute: device.compute.computePort === port.name,
    };
  }

  ports(): Port[] {
    const device = this.device;
    return device.ports.map((p) => this.portDocument(p, device));
  }

  private findPort(name: string): PortConfig {
    const port = findPortCaseInsensitive(this.device, name);
    if (!port) {
      throw notFound('port.unknown', {
        en: `This device has no port named ${name}.`,
        ja: `このデバイスには ${name} という名前のポートはありません。`,
      });
    }
    return port;
  }

  /** The lease a DHCP setting would take now, from the device. */
  private leaseFor(portName: string, settings: PortSettings) {
    return settings.dhcp && settings.ipEnabled ? this.driver.lease(portName) : undefined;
  }

  updatePort(name: string, settings: PortSettings, context: WriteContext) {
    this.checkPrecondition(context.precondition, true);
    const port = this.findPort(name);
    const result = checkPortChange(
      this.device,
      port.name,
      settings,
      this.leaseFor(port.name, settings),
    );
    if (hasErrors(result.issues)) throw ruleViolation(result.issues);
    const candidate = this.driver.observe(result.device);
    const management = managementChangeIssues(this.device, candidate);
    if (unacknowledged(management, context.acknowledge).length > 0) {
      throw acknowledgementRequired(management);
    }
    const summary = `${port.name}: ${
      !settings.ipEnabled
        ? 'IP disabled'
        : settings.dhcp
          ? 'DHCP'
          : `static ${settings.address ?? ''}/${settings.subnetMask ?? ''}${settings.gateway ? ` gateway ${settings.gateway}` : ''}`
    }`;
    const revision = this.commit(candidate, context, summary);
    const stored = this.findPort(port.name);
    return {
      port: this.portDocument(stored),
      issues: localizeIssues([...result.issues, ...management]),
      revision,
    };
  }

  // ---- compute -------------------------------------------------------------------------------

  compute(): Compute {
    const { compute } = this.device;
    return {
      computePort: compute.computePort,
      nodeIpRange: compute.nodeIpRange,
      serviceIpRange: compute.serviceIpRange,
      podCidr: compute.podCidr,
      serviceCidr: compute.serviceCidr,
      state: compute.state,
      error: compute.state === 'Failed' ? this.jobs.lastError() : null,
      jobId: this.jobs.running?.id ?? null,
      revision: this.store.revision,
      computeSwitch: computeSwitchOf(this.device)?.name ?? null,
    };
  }

  /**
   * Validates and applies compute settings. Returns the job when the device has work to do:
   * enabling (NotConfigured/Failed → Configuring → Configured) or disabling (computePort null
   * while Configured/Failed → Configuring → NotConfigured). A new external service IP range while
   * Configured takes effect at once (doc: no restart), and settings saved while NotConfigured
   * with no compute port need no job either.
   */
  updateCompute(
    settings: ComputeSwitchSettings,
    context: WriteContext,
  ): { job: JobView | null; issues: ApiIssue[]; revision: number } {
    this.checkPrecondition(context.precondition, true);
    const device = this.device;
    const previous = device.compute;
    if (previous.state === 'Configuring' || this.jobs.running) {
      throw conflict('compute.busy', {
        en: 'A compute change is being applied; wait for its job to finish.',
        ja: 'コンピューティングの変更を適用中です。ジョブが完了するまでお待ちください。',
      });
    }
    const result = checkComputeSwitchChange(device, settings);
    if (hasErrors(result.issues)) throw ruleViolation(result.issues);
    const next = result.device.compute;
    const issues = localizeIssues(result.issues);

    if (next.computePort === null) {
      if (previous.state === 'Configured' || previous.state === 'Failed') {
        const candidate = { ...result.device, compute: { ...next, state: 'Configuring' as const } };
        const revision = this.commit(candidate, context, 'Compute: disable');
        return { job: this.jobs.start('compute.disable', candidate, revision), issues, revision };
      }
      const revision = this.commit(
        result.device,
        context,
        'Compute: settings saved (compute not enabled)',
      );
      return { job: null, issues, revision };
    }
    if (previous.state === 'Configured') {
      // The core locks everything else once Configured: only the service IP range can differ.
      const changed =
        JSON.stringify(previous.serviceIpRange) !== JSON.stringify(next.serviceIpRange);
      const revision = this.commit(
        result.device,
        context,
        changed
          ? `Compute: external service IPs ${rangeText(next.serviceIpRange)}`
          : 'Compute: no change',
      );
      if (changed) this.driver.updateServiceIpRange(this.device);
      return { job: null, issues, revision };
    }
    const candidate = { ...result.device, compute: { ...next, state: 'Configuring' as const } };
    const revision = this.commit(
      candidate,
      context,
      `Compute: enable on ${next.computePort} (node IPs ${rangeText(next.nodeIpRange)}, service IPs ${rangeText(next.serviceIpRange)})`,
    );
    return { job: this.jobs.start('compute.apply', candidate, revision), issues, revision };
  }

  // ---- routes --------------------------------------------------------------------------------

  routeDocument(
    route: RouteConfig,
    device = this.device,
    context: RouteContext = routeContext(device),
  ): Route {
    const status = routeStatus(route, device);
    return {
      interfaceAlias: route.interfaceAlias,
      destinationPrefix: route.destinationPrefix,
      nextHop: route.nextHop,
      routeMetric: route.routeMetric,
      status: {
        active: status.active,
        reason: status.reason
          ? { ...status.reason, message: routeStatusMessage(status.reason) }
          : null,
      },
      warnings: localizeIssues(routeWarnings(route, device, context)),
    };
  }

  routes(interfaceAlias?: string): Route[] {
    const device = this.device;
    let routes = device.routes;
    if (interfaceAlias !== undefined && interfaceAlias !== '') {
      const port = findPortCaseInsensitive(device, interfaceAlias);
      const name = port?.name ?? interfaceAlias;
      routes = routes.filter((r) => r.interfaceAlias === name);
    }
    const context = routeContext(device);
    return routes.map((r) => this.routeDocument(r, device, context));
  }

  addRoute(input: RouteInput, context: WriteContext) {
    this.checkPrecondition(context.precondition, false);
    const result = checkRouteAdd(this.device, input);
    const duplicate = result.issues.find((i) => i.code === 'route.duplicate');
    if (duplicate) {
      throw conflict(
        'route.duplicate',
        {
          en: `A route to ${duplicate.params.destinationPrefix} on ${duplicate.params.interfaceAlias} already exists.`,
          ja: `${duplicate.params.interfaceAlias} には ${duplicate.params.destinationPrefix} へのルートが既にあります。`,
        },
        result.issues,
      );
    }
    if (hasErrors(result.issues) || !result.route) throw ruleViolation(result.issues);
    const route = result.route;
    const revision = this.commit(
      result.device,
      context,
      `Route added: ${route.interfaceAlias} ${route.destinationPrefix} via ${route.nextHop} metric ${route.routeMetric}`,
    );
    return {
      ...this.routeDocument(route),
      issues: localizeIssues(result.issues),
      revision,
    };
  }

  removeRoute(interfaceAlias: string, destinationPrefix: string, context: WriteContext): Written {
    this.checkPrecondition(context.precondition, false);
    const removed = removeRoute(this.device, interfaceAlias, destinationPrefix);
    if (!removed) {
      throw notFound('route.notFound', {
        en: `There is no route to ${destinationPrefix} on ${interfaceAlias}.`,
        ja: `${interfaceAlias} に ${destinationPrefix} へのルートはありません。`,
      });
    }
    const { route } = removed;
    const revision = this.commit(
      removed.device,
      context,
      `Route removed: ${route.interfaceAlias} ${route.destinationPrefix} via ${route.nextHop}`,
    );
    return { revision };
  }

  private vmOrThrow(vm: string) {
    const found = kubernetesVms(this.device).find((v) => v.name === vm);
    if (!found) {
      const names = kubernetesVms(this.device)
        .map((v) => v.name)
        .join(', ');
      throw notFound('vm.unknown', {
        en: `There is no Kubernetes VM named ${vm} (the VMs are ${names}).`,
        ja: `${vm} という名前の Kubernetes VM はありません (VM: ${names})。`,
      });
    }
    return found;
  }

  effective(vm = 'master'): EffectiveTable {
    const info = this.vmOrThrow(vm);
    return { vm: info, routes: effectiveRoutes(this.device, this.device.routes, info.name) };
  }

  /** A VM's route table of the current revision, built once per revision and VM (O(n log n)). */
  private table(vm: string) {
    const revision = this.store.revision;
    if (this.tableCache?.revision !== revision) this.tableCache = { revision, tables: new Map() };
    let table = this.tableCache.tables.get(vm);
    if (!table) {
      table = buildEffectiveTable(this.device, vm);
      // Only names of real VMs reach here (lookupRoute refuses others), so the map stays small.
      this.tableCache.tables.set(vm, table);
    }
    return table;
  }

  lookup(destination: string, vm = 'master'): LookupAnswerDoc {
    try {
      if (!kubernetesVms(this.device).some((v) => v.name === vm)) this.vmOrThrow(vm);
      return lookupRoute(this.device, destination, vm, this.table(vm));
    } catch (error) {
      if (error instanceof NetConfigError && error.code === 'route.vmUnknown') this.vmOrThrow(vm);
      if (error instanceof NetConfigError) {
        throw ruleViolation([
          { path: 'destination', code: error.code, severity: 'error', params: error.params },
        ]);
      }
      throw error;
    }
  }

  // ---- dry run -------------------------------------------------------------------------------

  validatePort(name: string, settings: PortSettings): Issue[] {
    const port = findPortCaseInsensitive(this.device, name);
    if (!port) return validatePortSettings(name, settings, this.device);
    return checkPortChange(this.device, port.name, settings, this.leaseFor(port.name, settings))
      .issues;
  }

  validateCompute(settings: ComputeSwitchSettings): Issue[] {
    return checkComputeSwitchChange(this.device, settings).issues;
  }

  validateRoute(input: RouteInput): Issue[] {
    return checkRouteAdd(this.device, input).issues;
  }

  // ---- Kubernetes services (SPEC §9) ---------------------------------------------------------

  /** When the cluster came up (its own services' and pods' AGE). */
  private clusterSince(): string {
    return this.driver.clusterCreatedAt?.() ?? this.startedAt;
  }

  private readonly startedAt = new Date().toISOString();

  serviceList(): ServiceList {
    const device = this.device;
    const services = listServices(device, this.clusterSince());
    return { services, pool: servicePoolUsage(services, device), revision: this.store.revision };
  }

  private serviceView(namespace: string, name: string): ServiceView {
    const found = listServices(this.device, this.clusterSince()).find(
      (s) => s.namespace === namespace && s.name === name,
    );
    if (!found) throw new Error(`service ${namespace}/${name} vanished after its commit`);
    return found;
  }

  /** 409 for a cluster that does not run or a name in use; 422 for other rule breaks. */
  private refuseService(issues: Issue[]): never {
    const first = issues.find(
      (i) => i.code === 'service.computeNotConfigured' || i.code === 'service.duplicate',
    );
    if (first) {
      throw conflict(
        first.code,
        { en: formatIssue(first, 'en'), ja: formatIssue(first, 'ja') },
        issues,
      );
    }
    throw ruleViolation(issues);
  }

  createService(input: ServiceInput, context: WriteContext): ServiceCreated {
    this.checkPrecondition(context.precondition, false);
    const result = checkServiceChange(this.device, input, new Date().toISOString(), 'create');
    if (hasErrors(result.issues) || !result.service) this.refuseService(result.issues);
    const s = result.service;
    const revision = this.commit(
      result.device,
      context,
      `Service created: ${s.namespace}/${s.name} (${s.type}${s.status.loadBalancerIP ? ` ${s.status.loadBalancerIP}` : s.type === 'LoadBalancer' ? ' pending' : ''})`,
    );
    return {
      ...this.serviceView(s.namespace, s.name),
      issues: localizeIssues(result.issues),
      revision,
    };
  }

  /**
   * `kubectl apply -f`: every Service of the manifest created or updated, in one revision (all or
   * nothing). A YAML error is a 400 naming its line.
   */
  applyManifest(manifest: string, context: WriteContext): ServiceApplyAnswer {
    this.checkPrecondition(context.precondition, false);
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
        throw badRequest(localizeIssues([found]), {
          en: formatIssue(found, 'en'),
          ja: formatIssue(found, 'ja'),
        });
      }
      throw error;
    }
    let device = this.device;
    const now = new Date().toISOString();
    const outcomes: {
      namespace: string;
      name: string;
      outcome: 'created' | 'configured' | 'unchanged';
    }[] = [];
    const issues: Issue[] = [];
    for (const { input, line } of parsed) {
      const result = checkServiceChange(device, input, now, 'apply');
      const prefixed = result.issues.map((i) => ({
        ...i,
        path: i.path ? `manifest[line ${line}].${i.path}` : `manifest[line ${line}]`,
      }));
      if (hasErrors(result.issues) || !result.service || !result.outcome) {
        this.refuseService(prefixed);
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
        ? this.store.revision
        : this.commit(
            device,
            context,
            `Services applied: ${changed.map((o) => `${o.namespace}/${o.name} ${o.outcome}`).join(', ')}`,
          );
    return {
      results: outcomes.map((o) => ({
        service: this.serviceView(o.namespace, o.name),
        outcome: o.outcome,
      })),
      issues: localizeIssues(issues),
      revision,
    };
  }

  deleteService(namespace: string, name: string, context: WriteContext): Written {
    this.checkPrecondition(context.precondition, false);
    const removed = removeService(this.device, namespace, name);
    if (!removed) {
      const system = listServices(this.device, this.clusterSince()).some(
        (s) => s.system && s.namespace === namespace && s.name === name,
      );
      if (system) {
        throw conflict('service.system', {
          en: `services "${name}" in namespace ${namespace} belongs to the device and cannot be deleted.`,
          ja: `名前空間 ${namespace} のサービス "${name}" はデバイスのものなので削除できません。`,
        });
      }
      throw notFound('service.notFound', {
        en: formatIssue({ code: 'service.notFound', params: { name, namespace } }, 'en'),
        ja: formatIssue({ code: 'service.notFound', params: { name, namespace } }, 'ja'),
      });
    }
    const revision = this.commit(removed.device, context, `Service deleted: ${namespace}/${name}`);
    return { revision };
  }
}
