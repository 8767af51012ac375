/**
 * POST /api/validate: a dry run of a port, compute or route document against the current
 * configuration — the same core checks as the real write, nothing saved. Issue paths are relative
 * to `document` (the same paths the real PUT/POST would answer).
 */

import { localizeIssues } from '@edgenet/network-config';
import {
  ComputeSettingsSchema,
  PortSettingsSchema,
  RouteCreateSchema,
} from '@edgenet/network-config/contract';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { InvalidRequest } from '../domain-errors';
import { routeSchema } from '../http/endpoint-schema';
import { toApiIssues } from '../http/problems';
import { issuesFromSchemaErrors } from '../http/shape-issues';

/** A body check compiled on first use, not while the server starts (ADR 0044). */
function checker<T extends TSchema>(schema: T) {
  const compile = () => Compile(schema);
  let compiled: ReturnType<typeof compile> | undefined;
  return (value: unknown) => {
    compiled ??= compile();
    if (compiled.Check(value)) return value as never;
    throw new InvalidRequest(issuesFromSchemaErrors(compiled.Errors(value)));
  };
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const asPort = checker(PortSettingsSchema);
  const asCompute = checker(ComputeSettingsSchema);
  const asRoute = checker(RouteCreateSchema);

  app.post(
    ENDPOINTS.validateDocument.path,
    {
      schema: routeSchema('validateDocument'),
    },
    async (request) => {
      const { kind, name, document } = request.body;
      switch (kind) {
        case 'port': {
          if (!name) {
            throw new InvalidRequest(
              localizeIssues([
                { path: 'name', code: 'field.required', severity: 'error', params: {} },
              ]),
            );
          }
          return { issues: toApiIssues(app.ports.validate(name, asPort(document))) };
        }
        case 'compute':
          return { issues: toApiIssues(app.compute.validate(asCompute(document))) };
        case 'route':
          return { issues: toApiIssues(app.netRoutes.validate(asRoute(document))) };
      }
    },
  );
};

export default routes;
