/** Ports: their settings and link (GET), one port's settings (PUT, If-Match required). */
import {
  API,
  PortAnswerSchema,
  PortListSchema,
  PortSettingsSchema,
} from '@edgenet/network-config/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withRevision, writeContext } from '../http/revision';
import { PortParamsSchema } from '../http/schemas';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    API.ports,
    {
      schema: {
        tags: ['ports'],
        summary: 'Ports with their settings and link',
        response: { 200: PortListSchema },
      },
    },
    async (_request, reply) => {
      const revision = app.config.revision;
      withRevision(reply, revision);
      return { ports: app.ports.list(), revision };
    },
  );

  app.put(
    '/api/ports/:name',
    {
      schema: {
        tags: ['ports'],
        summary: "Change one port's settings (If-Match required)",
        params: PortParamsSchema,
        body: PortSettingsSchema,
        response: { 200: PortAnswerSchema },
      },
    },
    async (request, reply) => {
      const { acknowledge, ...settings } = request.body;
      const result = app.ports.update(request.params.name, settings, {
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
