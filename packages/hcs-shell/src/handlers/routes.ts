/** Add-HcsNetRoute, Get-HcsNetRoute, Remove-HcsNetRoute over /api/routes. */
import { findPortCaseInsensitive } from '@edgenet/network-config';
import type { AnswerOf, InputOf } from '@edgenet/network-config/contract';
import type { Column, OutputObject } from '../format';
import { msg } from '../messages';
import {
  attempt,
  call,
  emitFailure,
  emitWarnings,
  type Handler,
  type HandlerEnv,
  localError,
  stringParam,
} from './env';

type Route = AnswerOf<'listRoutes'>['routes'][number];

const ROUTE_COLUMNS: readonly Column[] = [
  { property: 'InterfaceAlias' },
  { property: 'DestinationPrefix' },
  { property: 'NextHop' },
  { property: 'RouteMetric', align: 'right' },
  { property: 'Status' },
  { property: 'Reason' },
];

function routeObject(route: Route, env: HandlerEnv): OutputObject {
  const { active, reason } = route.status;
  return {
    InterfaceAlias: route.interfaceAlias,
    DestinationPrefix: route.destinationPrefix,
    NextHop: route.nextHop,
    RouteMetric: route.routeMetric,
    Status: active ? 'Active' : 'Inactive',
    Reason: reason ? reason.message[env.ctx.locale] : null,
  };
}

/**
 * The port's name as the device spells it. PowerShell matches interface aliases
 * case-insensitively (`port3` is Port3); the API compares exactly. Null when no port has
 * that name; the alias itself when the port list cannot be read (the next call will say why).
 */
async function canonicalAlias(env: HandlerEnv, alias: string): Promise<string | null> {
  const outcome = await attempt(env, 'listPorts');
  if (!outcome.ok) return alias;
  return findPortCaseInsensitive(outcome.answer.data, alias)?.name ?? null;
}

export const getHcsNetRoute: Handler = async (env) => {
  const typed = stringParam(env.command, 'InterfaceAlias');
  let query: InputOf<'listRoutes'>['query'];
  if (typed !== undefined) {
    const alias = await canonicalAlias(env, typed);
    if (alias === null) {
      throw localError(env, msg.interfaceNotFound(typed), 'InterfaceNotFound', 'ObjectNotFound', {
        parameter: 'InterfaceAlias',
        target: typed,
      });
    }
    query = { interfaceAlias: alias };
  }
  const list = await call(env, 'listRoutes', query ? { query } : {});
  if (!list) return;
  env.out.objects(
    list.data.routes.map((r) => routeObject(r, env)),
    { kind: 'table', columns: ROUTE_COLUMNS },
  );
};

export const addHcsNetRoute: Handler = async (env) => {
  const { parameters } = env.command;
  const typed = stringParam(env.command, 'InterfaceAlias') ?? '';
  const alias = (await canonicalAlias(env, typed)) ?? typed;
  const body: InputOf<'addRoute'>['body'] = {
    interfaceAlias: alias,
    destinationPrefix: stringParam(env.command, 'DestinationPrefix') ?? '',
    nextHop: stringParam(env.command, 'NextHop') ?? '',
    // Omitted → the server applies the documented default (256), so there is one default.
    ...(typeof parameters.RouteMetric === 'number' ? { routeMetric: parameters.RouteMetric } : {}),
  };
  const created = await call(env, 'addRoute', { body });
  if (!created) return;
  emitWarnings(env, created.data.issues);
  env.out.objects([routeObject(created.data, env)], { kind: 'list' }, { single: true });
};

export const removeHcsNetRoute: Handler = async (env) => {
  const typed = stringParam(env.command, 'InterfaceAlias') ?? '';
  const prefix = stringParam(env.command, 'DestinationPrefix') ?? '';
  const alias = (await canonicalAlias(env, typed)) ?? typed;
  const removed = await attempt(env, 'removeRoute', {
    query: { interfaceAlias: alias, destinationPrefix: prefix },
  });
  if (!removed.ok) emitFailure(env, removed, msg.routeNotFound(alias, prefix));
};
