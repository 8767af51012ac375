/** Custom routes (the Hcs route cmdlets over HTTP), the effective table per VM, and lookup. */
import { API, type LookupAnswerDoc, type RouteList } from '@edgenet/network-config/contract';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { lookupAnswerJson } from '../http/lookup-json';
import { withRevision, writeContext } from '../http/revision';
import { routeList, routeListJson } from '../http/route-list-json';
import { effectiveWithKernel, lookupWithKernel } from '../services/kernel-view';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    ENDPOINTS.listRoutes.path,
    {
      schema: routeSchema('listRoutes'),
      // The schema still documents the answer; its JSON is written once per revision.
      serializerCompiler: () => (list) => routeListJson(list as RouteList),
    },
    async (request, reply) => {
      const revision = app.config.revision;
      withRevision(reply, revision);
      const filter = request.query.interfaceAlias ?? '';
      return routeList(app.config.device, revision, filter, () => ({
        routes: app.config.routes(filter),
        revision,
      }));
    },
  );

  app.post(
    ENDPOINTS.addRoute.path,
    {
      schema: routeSchema('addRoute'),
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
    ENDPOINTS.removeRoute.path,
    {
      schema: routeSchema('removeRoute'),
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
    ENDPOINTS.getEffectiveRoutes.path,
    {
      schema: routeSchema('getEffectiveRoutes'),
    },
    async (request, reply) => {
      withRevision(reply, app.config.revision);
      return effectiveWithKernel(app, request.query.vm || 'master');
    },
  );

  app.post(
    ENDPOINTS.lookupRoute.path,
    {
      schema: routeSchema('lookupRoute'),
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
