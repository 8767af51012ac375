/** The device and the whole configuration document (the history: routes/revisions.ts). */
import { SKUS } from '@edgenet/network-config';
import { API } from '@edgenet/network-config/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withRevision } from '../http/revision';
import { ConfigAnswerSchema, DeviceAnswerSchema } from '../http/schemas';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    API.device,
    {
      schema: {
        tags: ['device'],
        summary: 'SKU, node count, name, software version, compute state',
        response: { 200: DeviceAnswerSchema },
      },
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
    API.config,
    {
      schema: {
        tags: ['device'],
        summary: 'The whole configuration document (ports, compute, routes) and its revision',
        description:
          'For inline validation in clients: the core library validates against this document.',
        response: { 200: ConfigAnswerSchema },
      },
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
