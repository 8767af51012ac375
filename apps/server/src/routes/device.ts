/** The device and the whole configuration document (the history: routes/revisions.ts). */
import { SKUS } from '@edgenet/network-config';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { withRevision } from '../http/revision';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    ENDPOINTS.getDevice.path,
    {
      schema: routeSchema('getDevice'),
    },
    async (_request, reply) => {
      const device = app.config.device;
      const revision = app.config.revision;
      withRevision(reply, revision);
      return {
        name: device.name,
        sku: device.sku,
        skuName: SKUS[device.sku].displayName,
        nodeCount: device.nodeCount,
        softwareVersion: app.device.softwareVersion,
        computeState: device.compute.state,
        revision,
        kiosk: app.appOptions.kiosk,
        firmware: app.config.firmware,
      };
    },
  );

  app.get(
    ENDPOINTS.getConfig.path,
    {
      schema: routeSchema('getConfig'),
    },
    async (_request, reply) => {
      const revision = app.config.revision;
      withRevision(reply, revision);
      const device = app.config.device;
      return { ...device, sku: device.sku, revision };
    },
  );
};

export default routes;
