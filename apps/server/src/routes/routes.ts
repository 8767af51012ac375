/** Custom routes (the Hcs route cmdlets over HTTP), the effective table per VM, and lookup. */
import { API, type LookupAnswerDoc, type RouteList } from '@edgenet/network-config/contract';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { lookupAnswerJson } from '../http/lookup-json';
import { withRevision, writeContext } from '../http/revision';
import { routeListJson } from '../http/route-list-json';
import { serializeOnce } from '../http/serialize-once';
import { effectiveWithKernel, lookupWithKernel } from '../services/kernel-view';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    ENDPOINTS.listRoutes.path,
    {
      schema: routeSchema('listRoutes'),
      // The schema still documents the answer; the whole list's JSON is written once per revision.
      serializerCompiler: () => (list) => routeListJson(list as RouteList),
    },
    async (request, reply) => {
      withRevision(reply, app.config.revision);
      return app.netRoutes.listAnswer(request.query);
    },
  );

  app.post(
    ENDPOINTS.addRoute.path,
    {
      schema: routeSchema('addRoute'),
    },
    async (request, reply) => {
      const created = app.netRoutes.add(request.body, writeContext(request));
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
      const { revision } = app.netRoutes.remove(
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
      // The model's table is built and written once per revision and VM (≈ 15 MB at 100,000
      // routes); a kernel's table is read afresh each time.
      serializerCompiler: serializeOnce(),
    },
    async (request, reply) => {
      withRevision(reply, app.config.revision);
      const vm = request.query.vm || 'master';
      return app.device.effectiveRoutes
        ? effectiveWithKernel(app, vm)
        : app.netRoutes.effective(vm);
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
      const answer = app.netRoutes.lookup(request.body.destination, request.body.vm || 'master');
      // A real device answers too (Linux driver); the simulated one stays synchronous.
      if (app.device.kernelLookup) return lookupWithKernel(app, answer);
      reply.send(answer);
    },
  );
};

export default routes;
