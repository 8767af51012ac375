/** Compute settings and state, applying them (a job), and jobs. */
import { API } from '@edgenet/network-config/contract';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotFound } from '../domain-errors';
import { routeSchema } from '../http/endpoint-schema';
import { revisioned, withRevision, writeContext } from '../http/revision';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    ENDPOINTS.getCompute.path,
    {
      schema: routeSchema('getCompute'),
    },
    async (_request, reply) => revisioned(reply, app.compute.read()),
  );

  app.put(
    ENDPOINTS.updateCompute.path,
    {
      schema: routeSchema('updateCompute'),
    },
    async (request, reply) => {
      const result = app.compute.update(request.body, writeContext(request));
      withRevision(reply, result.revision);
      if (result.job) reply.header('location', API.job(result.job.id)).status(202);
      return { compute: app.compute.read(), job: result.job, issues: result.issues };
    },
  );

  app.get(
    ENDPOINTS.getJob.path,
    {
      schema: routeSchema('getJob'),
    },
    async (request) => {
      const job = app.jobs.get(request.params.id);
      if (!job) throw new NotFound('job.unknown', { id: request.params.id });
      return job;
    },
  );
};

export default routes;
