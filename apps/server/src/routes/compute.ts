/** Compute settings and state, applying them (a job), and jobs. */
import {
  API,
  ComputeAnswerSchema,
  ComputeSchema,
  ComputeSettingsSchema,
  JobAnswerSchema,
} from '@edgenet/network-config/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotFound } from '../domain-errors';
import { withRevision, writeContext } from '../http/revision';
import { JobParamsSchema } from '../http/schemas';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    API.compute,
    {
      schema: {
        tags: ['compute'],
        summary: 'Compute port, Kubernetes node and external service IPs, CIDRs, state',
        response: { 200: ComputeSchema },
      },
    },
    async (_request, reply) => {
      const compute = app.compute.read();
      withRevision(reply, compute.revision);
      return compute;
    },
  );

  app.put(
    API.compute,
    {
      schema: {
        tags: ['compute'],
        summary: 'Validate and apply compute settings (If-Match required)',
        description:
          '202 with the job when the device has work to do (enable, disable); 200 with `job: null` when the change takes effect at once (external service IPs while Configured, settings saved while compute is off).',
        body: ComputeSettingsSchema,
        response: { 200: ComputeAnswerSchema, 202: ComputeAnswerSchema },
      },
    },
    async (request, reply) => {
      const result = app.compute.update(request.body, writeContext(request));
      withRevision(reply, result.revision);
      if (result.job) reply.header('location', API.job(result.job.id)).status(202);
      return { compute: app.compute.read(), job: result.job, issues: result.issues };
    },
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['compute'],
        summary: 'Job progress and outcome',
        params: JobParamsSchema,
        response: { 200: JobAnswerSchema },
      },
    },
    async (request) => {
      const job = app.jobs.get(request.params.id);
      if (!job) throw new NotFound('job.unknown', { id: request.params.id });
      return job;
    },
  );
};

export default routes;
