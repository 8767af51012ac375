/** Export, import (SPEC §7.3) and bulk route changes over HTTP; the work is in ExchangeService. */

import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import { IMPORT_BODY_LIMIT } from '@edgenet/network-config/contract/exchange';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { sendProblem, toProblem } from '../http/error-handler';
import { withRevision, writeContext } from '../http/revision';
import { ExchangeService, importTooLarge } from '../services/exchange';

const exchange: FastifyPluginAsyncTypebox = async (app) => {
  const service = new ExchangeService(app.config);

  app.get(
    ENDPOINTS.exportConfig.path,
    {
      schema: routeSchema('exportConfig'),
    },
    async (request, reply) => {
      const file = service.export(request.query.format);
      withRevision(reply, app.config.revision);
      reply
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .type(`${file.mediaType}; charset=utf-8`);
      return reply.send(file.text);
    },
  );

  app.post(
    ENDPOINTS.importConfig.path,
    {
      // 10,000 routes in one request: this route alone takes bodies up to the import limit.
      bodyLimit: IMPORT_BODY_LIMIT,
      // A larger body is refused with the same 413 problem as a text over the limit.
      errorHandler: (error, request, reply) =>
        sendProblem(
          reply,
          toProblem(
            (error as { statusCode?: number }).statusCode === 413 ? importTooLarge() : error,
            request,
          ),
        ),
      schema: routeSchema('importConfig'),
    },
    async (request, reply) => {
      const answer = service.import(request.body, writeContext(request));
      withRevision(reply, answer.revision);
      return answer;
    },
  );

  app.post(
    ENDPOINTS.changeRoutes.path,
    {
      schema: routeSchema('changeRoutes'),
    },
    async (request, reply) => {
      const answer = service.batch(request.body, writeContext(request));
      withRevision(reply, answer.revision);
      return answer;
    },
  );
};

export default exchange;
