/** Add-HcsNetRoute, Get-HcsNetRoute, Remove-HcsNetRoute over /api/routes. */
import { findPortCaseInsensitive } from '@edgenet/network-config';
import {
  API,
  type PortList,
  type Route,
  type RouteCreateBody,
  type RouteList,
} from '@edgenet/network-config/contract';
import type { Column, OutputObject } from '../format';
import { msg } from '../messages';
import {
  emitFailure,
  emitWarnings,
  type Handler,
  type HandlerEnv,
  isObject,
  localError,
  okBody,
  send,
  stringParam,
} from './env';

const ROUTE_COLUMNS: readonly Column[] = [
  { property: 'InterfaceAlias' },
  { property: 'DestinationPrefix' },
  { property: 'NextHop' },
  { property: 'RouteMetric', align: 'right' },
  { property: 'Status' },
  { property: 'Reason' },
];

function isRoute(value: unknown): value is Route {
  return (
    isObject(value) &&
    typeof value.interfaceAlias === 'string' &&
    typeof value.destinationPrefix === 'string' &&
    typeof value.nextHop === 'string'
  );
}

function routeObject(route: Route, env: HandlerEnv): OutputObject {
  const reason = route.status?.reason;
  return {
    InterfaceAlias: route.interfaceAlias,
    DestinationPrefix: route.destinationPrefix,
    NextHop: route.nextHop,
    RouteMetric: route.routeMetric,
    Status: route.status?.active === false ? 'Inactive' : 'Active',
    Reason: reason ? (reason.message?.[env.ctx.locale] ?? reason.code) : null,
  };
}

/**
 * The port's name as the device spells it. PowerShell matches interface aliases
 * case-insensitively (`port3` is Port3); the API compares exactly. Null when no port has
 * that name; the alias itself when the port list cannot be read (the next call will say why).
 */
async function canonicalAlias(env: HandlerEnv, alias: string): Promise<string | null> {
  const res = await send(env, 'GET', API.ports);
  const list = okBody<PortList>(res, [200], (b) => isObject(b) && Array.isArray(b.ports));
  if (!list) return alias;
  return findPortCaseInsensitive(list, alias)?.name ?? null;
}

export const getHcsNetRoute: Handler = async (env) => {
  const typed = stringParam(env.command, 'InterfaceAlias');
  let path: string = API.routes;
  if (typed !== undefined) {
    const alias = await canonicalAlias(env, typed);
    if (alias === null) {
      throw localError(env, msg.interfaceNotFound(typed), 'InterfaceNotFound', 'ObjectNotFound', {
        parameter: 'InterfaceAlias',
        target: typed,
      });
    }
    path = `${API.routes}?interfaceAlias=${encodeURIComponent(alias)}`;
  }
  const res = await send(env, 'GET', path);
  const list = okBody<RouteList>(res, [200], (b) => isObject(b) && Array.isArray(b.routes));
  if (!list) return emitFailure(env, res);
  env.out.objects(
    list.routes.filter(isRoute).map((r) => routeObject(r, env)),
    { kind: 'table', columns: ROUTE_COLUMNS },
  );
};

export const addHcsNetRoute: Handler = async (env) => {
  const { parameters } = env.command;
  const typed = stringParam(env.command, 'InterfaceAlias') ?? '';
  const alias = (await canonicalAlias(env, typed)) ?? typed;
  const body: RouteCreateBody = {
    interfaceAlias: alias,
    destinationPrefix: stringParam(env.command, 'DestinationPrefix') ?? '',
    nextHop: stringParam(env.command, 'NextHop') ?? '',
    // Omitted → the server applies the documented default (256), so there is one default.
    ...(typeof parameters.RouteMetric === 'number' ? { routeMetric: parameters.RouteMetric } : {}),
  };
  const res = await send(env, 'POST', API.routes, body);
  if (res.status !== 200 && res.status !== 201) return emitFailure(env, res);
  emitWarnings(env, res.body);
  const created = isObject(res.body) && isRoute(res.body.route) ? res.body.route : res.body;
  if (isRoute(created)) {
    env.out.objects([routeObject(created, env)], { kind: 'list' }, { single: true });
  }
};

export const removeHcsNetRoute: Handler = async (env) => {
  const typed = stringParam(env.command, 'InterfaceAlias') ?? '';
  const prefix = stringParam(env.command, 'DestinationPrefix') ?? '';
  const alias = (await canonicalAlias(env, typed)) ?? typed;
  const query = `interfaceAlias=${encodeURIComponent(alias)}&destinationPrefix=${encodeURIComponent(prefix)}`;
  const res = await send(env, 'DELETE', `${API.routes}?${query}`);
  if (res.status === 200 || res.status === 204) return;
  emitFailure(env, res, res.status === 404 ? msg.routeNotFound(alias, prefix) : undefined);
};
