import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { revisioned, writeContext } from '../http/revision';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    ENDPOINTS.listPorts.path,
    {
      schema: routeSchema('listPorts'),
    },
    async (_request, reply) =>
      revisioned(reply, { ports: app.ports.list(), revision: app.config.revision }),
  );

  app.put(
    ENDPOINTS.updatePort.path,
    {
      schema: routeSchema('updatePort'),
    },
    async (request, reply) => {
      const { acknowledge, ...settings } = request.body;
      const { port, issues, revision } = app.ports.update(request.params.name, settings, {
        ...writeContext(request),
        acknowledge: acknowledge ?? [],
      });
      const confirmBy = app.lifecycle.confirmByFor(revision);
      return revisioned(reply, { ...port, issues, revision, confirmBy });
    },
  );
};

export default routes;
