/** Custom routes (the Hcs route cmdlets over HTTP), the effective table per VM, and lookup. */
import { findPortCaseInsensitive, routeContext } from '@edgenet/network-config';
import {
  API,
  EffectiveTableSchema,
  type LookupAnswerDoc,
  LookupAnswerSchema,
  LookupRequestSchema,
  ROUTE_PAGE_DEFAULT,
  RouteCreatedSchema,
  RouteCreateSchema,
  RouteKeyQuerySchema,
  type RouteList,
  RouteListQuerySchema,
  RouteListSchema,
} from '@edgenet/network-config/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { lookupAnswerJson } from '../http/lookup-json';
import { withRevision, writeContext } from '../http/revision';
import { isPageQuery, orderedRoutes, routeList, routeListJson } from '../http/route-list-json';
import { EffectiveQuerySchema } from '../http/schemas';
import { effectiveWithKernel, lookupWithKernel } from '../services/kernel-view';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    API.routes,
    {
      schema: {
        tags: ['routes'],
        summary:
          "Custom routes (all, or one interface's) with their status; a page of them, filtered and sorted, with offset/limit/q/sort/dir",
        querystring: RouteListQuerySchema,
        response: { 200: RouteListSchema },
      },
      // The schema still documents the answer; the whole list's JSON is written once per revision.
      serializerCompiler: () => (list) => routeListJson(list as RouteList),
    },
    async (request, reply) => {
      const revision = app.config.revision;
      withRevision(reply, revision);
      const query = request.query;
      const filter = query.interfaceAlias ?? '';
      const device = app.config.device;
      if (!isPageQuery(query)) {
        return routeList(device, revision, filter, () => {
          const routes = app.config.routes(filter);
          return { routes, revision, total: routes.length, offset: 0 };
        });
      }
      // A page: status and warnings only for the rows answered (ADR 0042).
      const alias = filter ? (findPortCaseInsensitive(device, filter)?.name ?? filter) : '';
      const ordered = orderedRoutes(device, alias, query);
      const offset = query.offset ?? 0;
      const context = routeContext(device);
      return {
        routes: ordered
          .slice(offset, offset + (query.limit ?? ROUTE_PAGE_DEFAULT))
          .map((r) => app.config.routeDocument(r, device, context)),
        revision,
        total: ordered.length,
        offset,
      };
    },
  );

  app.post(
    API.routes,
    {
      schema: {
        tags: ['routes'],
        summary: 'Add a route (Add-HcsNetRoute); If-Match checked when sent',
        body: RouteCreateSchema,
        response: { 201: RouteCreatedSchema },
      },
    },
    async (request, reply) => {
      const created = app.config.addRoute(request.body, writeContext(request));
      withRevision(reply, created.revision);
      const query = new URLSearchParams({
        interfaceAlias: created.interfaceAlias,
        destinationPrefix: created.destinationPrefix,
      });
      reply.header('location', `${API.routes}?${query}`).status(201);
      return { ...created, confirmBy: app.lifecycle.confirmByFor(created.revision) };
    },
  );

  app.delete(
    API.routes,
    {
      schema: {
        tags: ['routes'],
        summary: 'Remove a route (Remove-HcsNetRoute); If-Match checked when sent',
        querystring: RouteKeyQuerySchema,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { revision } = app.config.removeRoute(
        request.query.interfaceAlias,
        request.query.destinationPrefix,
        writeContext(request),
      );
      withRevision(reply, revision);
      return reply.status(204).send(null);
    },
  );

  app.get(
    API.routesEffective,
    {
      schema: {
        tags: ['routes'],
        summary: "A Kubernetes VM's whole route table (default: master)",
        querystring: EffectiveQuerySchema,
        response: { 200: EffectiveTableSchema },
      },
    },
    async (request, reply) => {
      withRevision(reply, app.config.revision);
      return effectiveWithKernel(app, request.query.vm || 'master');
    },
  );

  app.post(
    API.routesLookup,
    {
      schema: {
        tags: ['routes'],
        summary: 'Where does this address go? The chosen route and why',
        body: LookupRequestSchema,
        response: { 200: LookupAnswerSchema },
      },
      // The schema still documents the answer; the JSON comes from cached route fragments.
      serializerCompiler: () => (answer) => lookupAnswerJson(answer as LookupAnswerDoc),
    },
    // Synchronous, unlike the other handlers: the hottest read skips a promise per request.
    (request, reply) => {
      withRevision(reply, app.config.revision);
      const answer = app.config.lookup(request.body.destination, request.body.vm || 'master');
      // A real device answers too (Linux driver); the simulated one stays synchronous.
      if (app.device.kernelLookup) return lookupWithKernel(app, answer);
      reply.send(answer);
    },
  );
};

export default routes;
