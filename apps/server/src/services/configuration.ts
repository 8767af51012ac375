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
  computeSwitchOf,
  type DeviceConfig,
  effectiveRoutes,
  type FirmwareGeneration,
  findPortCaseInsensitive,
  hasErrors,
  type Issue,
  kubernetesVms,
  localizeIssues,
  lookupRoute,
  NetConfigError,
  type PortConfig,
  type PortSettings,
  type RouteConfig,
  type RouteInput,
  removeRoute,
  routeStatus,
  routeStatusMessage,
  skuPortSpec,
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
} from '@edgenet/network-config/contract';
import type { DeviceDriver } from '../driver/driver';
import {
  conflict,
  notFound,
  revisionRequired,
  ruleViolation,
  staleRevision,
} from '../http/problems';
import type { JobRunner, JobView } from '../jobs/job-runner';
import type { Store } from '../store/store';

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
}

export interface Written {
  revision: number;
}

function rangeText(range: { start: string; end: string } | null): string {
  return range ? `${range.start}–${range.end}` : 'none';
}

export class ConfigurationService {
  private tableCache: { revision: number; table: ReturnType<typeof buildEffectiveTable> } | null =
    null;

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
    if (precondition.kind === 'none') {
      if (required) throw revisionRequired();
      return;
    }
    if (precondition.kind === 'any') return;
    if (!precondition.revisions.includes(this.store.revision)) {
      throw staleRevision(this.store.revision);
    }
  }

  commit(document: DeviceConfig, context: WriteContext, summary: string): number {
    return this.store.commit({
      basedOn: this.store.revision,
      author: context.author,
      summary,
      document,
    });
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
      issues: localizeIssues(result.issues),
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

  routeDocument(route: RouteConfig, device = this.device): Route {
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
    return routes.map((r) => this.routeDocument(r, device));
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
    return { vm: info, routes: effectiveRoutes(this.device) };
  }

  /** The route table of the current revision, built once per revision (O(n log n)). */
  private table() {
    const revision = this.store.revision;
    if (this.tableCache?.revision !== revision) {
      this.tableCache = { revision, table: buildEffectiveTable(this.device) };
    }
    return this.tableCache.table;
  }

  lookup(destination: string, vm = 'master'): LookupAnswerDoc {
    try {
      return lookupRoute(this.device, destination, vm, this.table());
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
}
