/**
 * Kubernetes services on the simulated cluster (SPEC §9): list with the MetalLB pool, create
 * (`kubectl create service`, `kubectl expose`, the Kubernetes page), apply a Service YAML
 * (`kubectl apply -f`), delete. Writes check If-Match when sent (kubectl has no revision to send).
 */
import { API } from '@edgenet/network-config/contract';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { withRevision, writeContext } from '../http/revision';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    ENDPOINTS.listServices.path,
    {
      schema: routeSchema('listServices'),
    },
    async (_request, reply) => {
      const list = app.config.serviceList();
      withRevision(reply, list.revision);
      return list;
    },
  );

  app.post(
    ENDPOINTS.createService.path,
    {
      schema: routeSchema('createService'),
    },
    async (request, reply) => {
      const created = app.config.createService(request.body, writeContext(request));
      withRevision(reply, created.revision);
      reply.header('location', API.service(created.namespace, created.name)).status(201);
      return created;
    },
  );

  app.post(
    ENDPOINTS.applyManifest.path,
    {
      schema: routeSchema('applyManifest'),
    },
    async (request, reply) => {
      const answer = app.config.applyManifest(request.body.manifest, writeContext(request));
      withRevision(reply, answer.revision);
      return answer;
    },
  );

  app.delete(
    ENDPOINTS.deleteService.path,
    {
      schema: routeSchema('deleteService'),
    },
    async (request, reply) => {
      const { revision } = app.config.deleteService(
        request.params.namespace,
        request.params.name,
        writeContext(request),
      );
      withRevision(reply, revision);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
