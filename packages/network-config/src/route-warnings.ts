import type { Issue } from './issues';
import type { DeviceConfig, RouteConfig } from './model';
import { type RouteContext, routeContext, validateRouteFields } from './route-config';

/**
 * What a stored route still deserves a word about (ours): the warnings the add-time check gave it
 * (e.g. "inside Port3's own subnet", a default route), recomputed against today's configuration so
 * the route list can keep showing them after the add. Warnings about the interface are left out:
 * they say why the route is inactive, which the route's status already tells.
 * Pass `context` when checking many routes of one device.
 */
export function routeWarnings(
  route: RouteConfig,
  device: Pick<DeviceConfig, 'ports' | 'compute'>,
  context: RouteContext = routeContext(device),
): Issue[] {
  return validateRouteFields(route, device, context).filter(
    (i) => i.severity === 'warning' && i.path !== 'interfaceAlias',
  );
}
