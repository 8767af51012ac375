/**
 * Kubernetes services on the simulated cluster (SPEC §9): list with the MetalLB pool, create
 * (`kubectl create service`, `kubectl expose`, the Kubernetes page), apply a Service YAML
 * (`kubectl apply -f`), delete. Writes check If-Match when sent (kubectl has no revision to send).
 */
import { API } from '@edgenet/network-config/contract';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { created, deleted, revisioned, writeContext } from '../http/revision';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    ENDPOINTS.listServices.path,
    {
      schema: routeSchema('listServices'),
    },
    async (_request, reply) => revisioned(reply, app.kubeServices.list()),
  );

  app.post(
    ENDPOINTS.createService.path,
    {
      schema: routeSchema('createService'),
    },
    async (request, reply) => {
      const service = app.kubeServices.create(request.body, writeContext(request));
      return created(reply, service, API.service(service.namespace, service.name));
    },
  );

  app.post(
    ENDPOINTS.applyManifest.path,
    {
      schema: routeSchema('applyManifest'),
    },
    async (request, reply) =>
      revisioned(reply, app.kubeServices.apply(request.body.manifest, writeContext(request))),
  );

  app.delete(
    ENDPOINTS.deleteService.path,
    {
      schema: routeSchema('deleteService'),
    },
    async (request, reply) => {
      const { namespace, name } = request.params;
      return deleted(reply, app.kubeServices.delete(namespace, name, writeContext(request)));
    },
  );
};

export default routes;
