import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { withRevision } from '../http/revision';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    ENDPOINTS.getKubernetes.path,
    {
      schema: routeSchema('getKubernetes'),
    },
    async (_request, reply) => {
      withRevision(reply, app.config.revision);
      return app.device.kubernetes(app.config.device, app.jobs.running);
    },
  );
};

export default routes;
