/**
 * Kubernetes services on the simulated cluster (SPEC §9): list with the MetalLB pool, create
 * (`kubectl create service`, `kubectl expose`, the Kubernetes page), apply a Service YAML
 * (`kubectl apply -f`), delete. Writes check If-Match when sent (kubectl has no revision to send).
 */
import {
  API,
  ServiceApplyAnswerSchema,
  ServiceCreatedSchema,
  ServiceCreateSchema,
  ServiceListSchema,
  ServiceManifestRequestSchema,
  ServiceParamsSchema,
} from '@edgenet/network-config/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { withRevision, writeContext } from '../http/revision';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    API.services,
    {
      schema: {
        tags: ['kubernetes'],
        summary: "Every service of the cluster and the external service IP pool's use",
        response: { 200: ServiceListSchema },
      },
    },
    async (_request, reply) => {
      const list = app.kubeServices.list();
      withRevision(reply, list.revision);
      return list;
    },
  );

  app.post(
    API.services,
    {
      schema: {
        tags: ['kubernetes'],
        summary: 'Create a service; 409 before compute is Configured or for a name in use',
        body: ServiceCreateSchema,
        response: { 201: ServiceCreatedSchema },
      },
    },
    async (request, reply) => {
      const created = app.kubeServices.create(request.body, writeContext(request));
      withRevision(reply, created.revision);
      reply.header('location', API.service(created.namespace, created.name)).status(201);
      return created;
    },
  );

  app.post(
    API.manifests,
    {
      schema: {
        tags: ['kubernetes'],
        summary: 'Apply a Service YAML (kubectl apply -f); 400 names the line of a YAML error',
        body: ServiceManifestRequestSchema,
        response: { 200: ServiceApplyAnswerSchema },
      },
    },
    async (request, reply) => {
      const answer = app.kubeServices.apply(request.body.manifest, writeContext(request));
      withRevision(reply, answer.revision);
      return answer;
    },
  );

  app.delete(
    `${API.services}/:namespace/:name`,
    {
      schema: {
        tags: ['kubernetes'],
        summary: 'Delete a service; its address goes to a pending service at once',
        params: ServiceParamsSchema,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { revision } = app.kubeServices.delete(
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
