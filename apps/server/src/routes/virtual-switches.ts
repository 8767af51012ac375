/** Virtual switches and their virtual networks (SPEC §8): the Advanced networking page and cmdlets. */
import { API } from '@edgenet/network-config/contract';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { withRevision, writeContext } from '../http/revision';
import { VirtualNetworkingService } from '../services/virtual-networking';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new VirtualNetworkingService(app.config);

  app.get(
    ENDPOINTS.listVirtualSwitches.path,
    {
      schema: routeSchema('listVirtualSwitches'),
    },
    async (_request, reply) => {
      const revision = app.config.revision;
      withRevision(reply, revision);
      return { virtualSwitches: service.list(), firmware: app.config.firmware, revision };
    },
  );

  app.get(
    ENDPOINTS.getVirtualSwitch.path,
    {
      schema: routeSchema('getVirtualSwitch'),
    },
    async (request, reply) => {
      withRevision(reply, app.config.revision);
      return service.get(request.params.name);
    },
  );

  app.post(
    ENDPOINTS.addVirtualSwitch.path,
    {
      schema: routeSchema('addVirtualSwitch'),
    },
    async (request, reply) => {
      const created = service.add(request.body, writeContext(request));
      withRevision(reply, created.revision);
      reply.header('location', API.virtualSwitch(created.name)).status(201);
      return created;
    },
  );

  app.put(
    ENDPOINTS.updateVirtualSwitch.path,
    {
      schema: routeSchema('updateVirtualSwitch'),
    },
    async (request, reply) => {
      const changed = service.change(request.params.name, request.body, writeContext(request));
      withRevision(reply, changed.revision);
      return changed;
    },
  );

  app.delete(
    ENDPOINTS.removeVirtualSwitch.path,
    {
      schema: routeSchema('removeVirtualSwitch'),
    },
    async (request, reply) => {
      const { revision } = service.remove(
        request.params.name,
        request.query.force === 'true',
        writeContext(request),
      );
      withRevision(reply, revision);
      reply.status(204);
      return null;
    },
  );

  app.post(
    ENDPOINTS.addVirtualNetwork.path,
    {
      schema: routeSchema('addVirtualNetwork'),
    },
    async (request, reply) => {
      const created = service.addNetwork(request.params.name, request.body, writeContext(request));
      withRevision(reply, created.revision);
      reply.header('location', API.virtualNetwork(created.switchName, created.name)).status(201);
      return created;
    },
  );

  app.put(
    ENDPOINTS.updateVirtualNetwork.path,
    {
      schema: routeSchema('updateVirtualNetwork'),
    },
    async (request, reply) => {
      const changed = service.changeNetwork(
        request.params.name,
        request.params.vnet,
        request.body,
        writeContext(request),
      );
      withRevision(reply, changed.revision);
      return changed;
    },
  );

  app.delete(
    ENDPOINTS.removeVirtualNetwork.path,
    {
      schema: routeSchema('removeVirtualNetwork'),
    },
    async (request, reply) => {
      const { revision } = service.removeNetwork(
        request.params.name,
        request.params.vnet,
        writeContext(request),
      );
      withRevision(reply, revision);
      reply.status(204);
      return null;
    },
  );
};

export default routes;
