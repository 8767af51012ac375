/**
 * Several route changes in one revision (the Routes page's bulk actions): remove the selected
 * routes, change a route's metric or next hop in place. Every change is checked by the same rules
 * as adding the route; nothing is stored unless the whole batch is clean.
 */
import type { ChangeResult } from './device-config';
import { type Issue, issue, prefixIssuePaths } from './issues';
import { type DeviceConfig, type RouteConfig, routeKey } from './model';
import { findRouteIndex, normalizeRoute, routeContext, validateRouteFields } from './route-config';

export interface RouteRef {
  interfaceAlias: string;
  destinationPrefix: string;
}

export interface RouteEdit extends RouteRef {
  nextHop?: string;
  routeMetric?: number;
}

export interface RouteBatch {
  removals: RouteRef[];
  changes: RouteEdit[];
}

export interface RouteBatchResult extends ChangeResult {
  removed: RouteConfig[];
  changed: RouteConfig[];
}

/** Status notes are not problems of the change (see import-plan.ts). */
const STATUS_CODES = new Set(['route.notComputePort', 'route.computeNotConfigured']);

/**
 * Checks a batch: removals first, then changes, each naming a route that exists (`route.notFound`
 * otherwise). Issue paths are relative to the request body (`removals[1]`, `changes[0].routeMetric`).
 */
export function checkRouteBatch(device: DeviceConfig, batch: RouteBatch): RouteBatchResult {
  const issues: Issue[] = [];
  const routes = [...device.routes];
  const removedKeys = new Set<string>();
  const removed: RouteConfig[] = [];
  batch.removals.forEach((ref, i) => {
    const index = findRouteIndex(device, ref.interfaceAlias, ref.destinationPrefix);
    const route = index === -1 ? undefined : routes[index];
    if (!route || removedKeys.has(routeKey(route))) {
      issues.push(
        issue(`removals[${i}]`, 'route.notFound', {
          interfaceAlias: ref.interfaceAlias,
          destinationPrefix: ref.destinationPrefix,
        }),
      );
      return;
    }
    removedKeys.add(routeKey(route));
    removed.push(route);
  });
  const context = routeContext(device);
  const replaced = new Map<number, RouteConfig>();
  const changed: RouteConfig[] = [];
  batch.changes.forEach((edit, i) => {
    const index = findRouteIndex(device, edit.interfaceAlias, edit.destinationPrefix);
    const existing = index === -1 ? undefined : routes[index];
    if (!existing || removedKeys.has(routeKey(existing)) || replaced.has(index)) {
      issues.push(
        issue(`changes[${i}]`, 'route.notFound', {
          interfaceAlias: edit.interfaceAlias,
          destinationPrefix: edit.destinationPrefix,
        }),
      );
      return;
    }
    const input = {
      interfaceAlias: existing.interfaceAlias,
      destinationPrefix: existing.destinationPrefix,
      nextHop: edit.nextHop ?? existing.nextHop,
      routeMetric: edit.routeMetric ?? existing.routeMetric,
    };
    const found = validateRouteFields(input, device, context).filter(
      (x) => !STATUS_CODES.has(x.code),
    );
    issues.push(...prefixIssuePaths(found, `changes[${i}]`));
    if (found.some((x) => x.severity === 'error')) return;
    const route = normalizeRoute(input, device);
    replaced.set(index, route);
    changed.push(route);
  });
  const next = routes
    .map((r, i) => replaced.get(i) ?? r)
    .filter((r) => !removedKeys.has(routeKey(r)));
  return { device: { ...device, routes: next }, issues, removed, changed };
}
