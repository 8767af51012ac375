/** Export, import (SPEC §7.3) and bulk route changes over HTTP; the work is in ExchangeService. */
import {
  EXCHANGE_API,
  ExportQuerySchema,
  IMPORT_BODY_LIMIT,
  ImportAnswerSchema,
  ImportRequestSchema,
  RouteBatchAnswerSchema,
  RouteBatchSchema,
} from '@edgenet/network-config/contract/exchange';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { sendProblem, toProblem } from '../http/error-handler';
import { withRevision, writeContext } from '../http/revision';
import { importTooLarge } from '../services/exchange';

const exchange: FastifyPluginAsyncTypebox = async (app) => {
  const service = app.exchange;

  app.get(
    EXCHANGE_API.export,
    {
      schema: {
        tags: ['exchange'],
        summary: 'The configuration as a file: ps1, metallb, calico, iproute2 or json',
        querystring: ExportQuerySchema,
        response: { 200: Type.String({ description: 'The file, sent as an attachment' }) },
      },
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
    EXCHANGE_API.import,
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
      schema: {
        tags: ['exchange'],
        summary: 'Import routes (and the cluster CIDRs): a per-line preview, or applied at once',
        description:
          'dryRun (default true) answers the preview and changes nothing. dryRun false applies ' +
          'the whole text as one revision, only when no line has an error; If-Match required.',
        body: ImportRequestSchema,
        response: { 200: ImportAnswerSchema },
      },
    },
    async (request, reply) => {
      const answer = service.import(request.body, writeContext(request));
      withRevision(reply, answer.revision);
      return answer;
    },
  );

  app.post(
    EXCHANGE_API.routesBatch,
    {
      schema: {
        tags: ['routes'],
        summary: 'Remove several routes and change routes in place, as one revision (If-Match)',
        body: RouteBatchSchema,
        response: { 200: RouteBatchAnswerSchema },
      },
    },
    async (request, reply) => {
      const answer = app.netRoutes.batch(request.body, writeContext(request));
      withRevision(reply, answer.revision);
      return answer;
    },
  );
};

export default exchange;
