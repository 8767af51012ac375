import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { withRevision, writeContext } from '../http/revision';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    ENDPOINTS.listPorts.path,
    {
      schema: routeSchema('listPorts'),
    },
    async (_request, reply) => {
      const revision = app.config.revision;
      withRevision(reply, revision);
      return { ports: app.config.ports(), revision };
    },
  );

  app.put(
    ENDPOINTS.updatePort.path,
    {
      schema: routeSchema('updatePort'),
    },
    async (request, reply) => {
      const { acknowledge, ...settings } = request.body;
      const result = app.config.updatePort(request.params.name, settings, {
        ...writeContext(request),
        acknowledge: acknowledge ?? [],
      });
      withRevision(reply, result.revision);
      return {
        ...result.port,
        issues: result.issues,
        revision: result.revision,
        confirmBy: app.lifecycle.confirmByFor(result.revision),
      };
    },
  );
};

export default routes;
