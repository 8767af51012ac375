/** The Kubernetes view of the device: nodes, components and their pods, services, endpoints. */
import { API, KubernetesSchema } from '@edgenet/network-config/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withRevision } from '../http/revision';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    API.kubernetes,
    {
      schema: {
        tags: ['kubernetes'],
        summary: 'Nodes, components with pod status, services, endpoints',
        response: { 200: KubernetesSchema },
      },
    },
    async (_request, reply) => {
      withRevision(reply, app.config.revision);
      return app.device.kubernetes(app.config.device, app.jobs.running);
    },
  );
};

export default routes;
