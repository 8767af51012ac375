/** Compute settings and state, applying them (a job), and jobs. */
import { API } from '@edgenet/network-config/contract';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { notFound } from '../http/problems';
import { withRevision, writeContext } from '../http/revision';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    ENDPOINTS.getCompute.path,
    {
      schema: routeSchema('getCompute'),
    },
    async (_request, reply) => {
      const compute = app.config.compute();
      withRevision(reply, compute.revision);
      return compute;
    },
  );

  app.put(
    ENDPOINTS.updateCompute.path,
    {
      schema: routeSchema('updateCompute'),
    },
    async (request, reply) => {
      const result = app.config.updateCompute(request.body, writeContext(request));
      withRevision(reply, result.revision);
      if (result.job) reply.header('location', API.job(result.job.id)).status(202);
      return { compute: app.config.compute(), job: result.job, issues: result.issues };
    },
  );

  app.get(
    ENDPOINTS.getJob.path,
    {
      schema: routeSchema('getJob'),
    },
    async (request) => {
      const job = app.jobs.get(request.params.id);
      if (!job) {
        throw notFound('job.unknown', {
          en: `There is no job ${request.params.id}.`,
          ja: `ジョブ ${request.params.id} はありません。`,
        });
      }
      return job;
    },
  );
};

export default routes;
