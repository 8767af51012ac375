/**
 * Custom routes (the Hcs route cmdlets, SPEC §7): list, add, remove, change several at once, the
 * effective table of a Kubernetes VM and the lookup of an address. Every rule is the core's.
 */
import {
  buildEffectiveTable,
  checkRouteAdd,
  checkRouteBatch,
  type DeviceConfig,
  effectiveRoutes,
  findPortCaseInsensitive,
  type Issue,
  kubernetesVms,
  localizeIssues,
  lookupRoute,
  NetConfigError,
  normalizeRouteFilter,
  orderRoutes,
  type RouteConfig,
  type RouteContext,
  type RouteInput,
  removeRoute,
  routeContext,
  routeStatus,
  routeStatusMessage,
  routeWarnings,
} from '@edgenet/network-config';
import {
  type ApiIssue,
  type EffectiveTable,
  type LookupAnswerDoc,
  ROUTE_PAGE_DEFAULT,
  type Route,
  type RouteList,
  type RouteListQuery,
} from '@edgenet/network-config/contract';
import type { RouteBatchAnswer, RouteBatchBody } from '@edgenet/network-config/contract/exchange';
import { Conflict, NotFound, RuleViolation } from '../domain-errors';
import { type ConfigurationStore, domainPlugin } from './configuration-store';
import { DocumentMemo } from './document-memo';
import type { WriteContext, Written } from './write-context';

/** The query parameters that ask for a page rather than the whole list. */
const PAGE_PARAMETERS = ['offset', 'limit', 'q', 'sort', 'dir'] as const;

export class RouteService {
  /**
   * What is built from one revision's document, kept beside it (a new revision is a new key):
   * the whole list per interface (filters are interface names, a handful); the matching routes of
   * a page query in its order (one per keystroke of a filter, the least recently used dropped);
   * each VM's effective table and lookup table (a device has a few VMs).
   */
  private readonly lists = new DocumentMemo<RouteList>(32);
  private readonly orders = new DocumentMemo<readonly RouteConfig[]>(64);
  private readonly effectiveTables = new DocumentMemo<EffectiveTable>(8);
  private readonly lookupTables = new DocumentMemo<ReturnType<typeof buildEffectiveTable>>(8);

  constructor(private readonly config: ConfigurationStore) {}

  document(
    route: RouteConfig,
    device = this.config.device,
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

  /** The stored name of the interface asked for, matched in any case as PowerShell does. */
  private interfaceName(device: DeviceConfig, alias: string): string {
    return findPortCaseInsensitive(device, alias)?.name ?? alias;
  }

  /**
   * `GET /api/routes`: the whole list (of one interface when `interfaceAlias` is given), built
   * once per revision; or, with any of offset/limit/q/sort/dir, one page of the routes matching
   * the filter in the asked order, status and warnings built only for the rows answered (ADR 0042).
   */
  listAnswer(query: RouteListQuery): RouteList {
    const device = this.config.device;
    const revision = this.config.revision;
    const alias = query.interfaceAlias ? this.interfaceName(device, query.interfaceAlias) : '';
    if (!PAGE_PARAMETERS.some((p) => query[p] !== undefined)) {
      return this.lists.get(device, `${revision} ${alias}`, () => {
        const own = alias ? device.routes.filter((r) => r.interfaceAlias === alias) : device.routes;
        const context = routeContext(device);
        const routes = own.map((r) => this.document(r, device, context));
        return { routes, revision, total: routes.length, offset: 0 };
      });
    }
    const q = normalizeRouteFilter(query.q ?? '');
    const order = { q, sort: query.sort, dir: query.dir };
    const key = JSON.stringify([
      alias,
      q,
      query.sort ?? '',
      query.sort ? (query.dir ?? 'asc') : '',
    ]);
    const ordered = this.orders.get(device, key, () => {
      const own = alias ? device.routes.filter((r) => r.interfaceAlias === alias) : device.routes;
      return orderRoutes(own, order, device);
    });
    const offset = query.offset ?? 0;
    const context = routeContext(device);
    return {
      routes: ordered
        .slice(offset, offset + (query.limit ?? ROUTE_PAGE_DEFAULT))
        .map((r) => this.document(r, device, context)),
      revision,
      total: ordered.length,
      offset,
    };
  }

  add(input: RouteInput, context: WriteContext): Route & { issues: ApiIssue[]; revision: number } {
    this.config.checkWrite(context, false);
    const result = checkRouteAdd(this.config.device, input);
    const duplicate = result.issues.find((i) => i.code === 'route.duplicate');
    if (duplicate) {
      throw new Conflict(
        'route.duplicate',
        {
          destinationPrefix: String(duplicate.params.destinationPrefix),
          interfaceAlias: String(duplicate.params.interfaceAlias),
        },
        result.issues,
      );
    }
    this.config.refuse(result.issues, result.route);
    const route = result.route;
    const revision = this.config.commit(
      result.device,
      context,
      `Route added: ${route.interfaceAlias} ${route.destinationPrefix} via ${route.nextHop} metric ${route.routeMetric}`,
    );
    return { ...this.document(route), issues: localizeIssues(result.issues), revision };
  }

  remove(interfaceAlias: string, destinationPrefix: string, context: WriteContext): Written {
    this.config.checkWrite(context, false);
    const removed = removeRoute(this.config.device, interfaceAlias, destinationPrefix);
    if (!removed) throw new NotFound('route.notFound', { destinationPrefix, interfaceAlias });
    const { route } = removed;
    const revision = this.config.commit(
      removed.device,
      context,
      `Route removed: ${route.interfaceAlias} ${route.destinationPrefix} via ${route.nextHop}`,
    );
    return { revision };
  }

  /** Removes and changes several routes as one revision; If-Match required. */
  batch(body: RouteBatchBody, context: WriteContext): RouteBatchAnswer {
    this.config.checkWrite(context, true);
    const result = checkRouteBatch(this.config.device, body);
    this.config.refuse(result.issues);
    const parts = [
      result.removed.length > 0 ? `${result.removed.length} removed` : '',
      result.changed.length > 0
        ? `${result.changed.length} changed${
            result.changed.length === 1
              ? ` (${result.changed[0]?.interfaceAlias} ${result.changed[0]?.destinationPrefix} metric ${result.changed[0]?.routeMetric})`
              : ''
          }`
        : '',
    ].filter(Boolean);
    if (parts.length > 0) {
      this.config.commit(result.device, context, `Routes: ${parts.join(', ')}`);
    }
    const device = this.config.device;
    return {
      removed: result.removed.length,
      changed: result.changed.map((r) => this.document(r, device)),
      issues: localizeIssues(result.issues),
      revision: this.config.revision,
    };
  }

  /** The issues of a new route, nothing saved. */
  validate(input: RouteInput): Issue[] {
    return checkRouteAdd(this.config.device, input).issues;
  }

  private vmOrThrow(vm: string, device: DeviceConfig = this.config.device) {
    const vms = kubernetesVms(device);
    const found = vms.find((v) => v.name === vm);
    if (!found) {
      throw new NotFound('vm.unknown', { vm, names: vms.map((v) => v.name).join(', ') });
    }
    return found;
  }

  /** A VM's effective table of the current revision, built once per revision and VM. */
  effective(vm = 'master'): EffectiveTable {
    const device = this.config.device;
    const info = this.vmOrThrow(vm, device);
    return this.effectiveTables.get(device, info.name, () => ({
      vm: info,
      routes: effectiveRoutes(device, device.routes, info.name),
    }));
  }

  /** A VM's route table of the current revision, built once per revision and VM (O(n log n)). */
  private table(vm: string) {
    const device = this.config.device;
    // Only names of real VMs reach here (lookupRoute refuses others), so the memo stays small.
    return this.lookupTables.get(device, vm, () => buildEffectiveTable(device, vm));
  }

  lookup(destination: string, vm = 'master'): LookupAnswerDoc {
    const device = this.config.device;
    try {
      if (!kubernetesVms(device).some((v) => v.name === vm)) this.vmOrThrow(vm, device);
      return lookupRoute(device, destination, vm, this.table(vm));
    } catch (error) {
      if (error instanceof NetConfigError && error.code === 'route.vmUnknown') {
        this.vmOrThrow(vm, device);
      }
      if (error instanceof NetConfigError) {
        throw new RuleViolation([
          { path: 'destination', code: error.code, severity: 'error', params: error.params },
        ]);
      }
      throw error;
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Custom routes and lookups (not `routes`: Fastify's own words are `route` and `routing`). */
    netRoutes: RouteService;
  }
}

export default domainPlugin(
  'edgenet-net-routes',
  'netRoutes',
  (app) => new RouteService(app.config),
);
