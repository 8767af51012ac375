/** Virtual switches and their virtual networks (SPEC §8): the Advanced networking page and cmdlets. */
import { API } from '@edgenet/network-config/contract';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { created, deleted, revisioned, withRevision, writeContext } from '../http/revision';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const service = app.virtualNetworking;

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
      const added = service.add(request.body, writeContext(request));
      return created(reply, added, API.virtualSwitch(added.name));
    },
  );

  app.put(
    ENDPOINTS.updateVirtualSwitch.path,
    {
      schema: routeSchema('updateVirtualSwitch'),
    },
    async (request, reply) =>
      revisioned(reply, service.change(request.params.name, request.body, writeContext(request))),
  );

  app.delete(
    ENDPOINTS.removeVirtualSwitch.path,
    {
      schema: routeSchema('removeVirtualSwitch'),
    },
    async (request, reply) => {
      const force = request.query.force === 'true';
      return deleted(reply, service.remove(request.params.name, force, writeContext(request)));
    },
  );

  app.post(
    ENDPOINTS.addVirtualNetwork.path,
    {
      schema: routeSchema('addVirtualNetwork'),
    },
    async (request, reply) => {
      const added = service.addNetwork(request.params.name, request.body, writeContext(request));
      return created(reply, added, API.virtualNetwork(added.switchName, added.name));
    },
  );

  app.put(
    ENDPOINTS.updateVirtualNetwork.path,
    {
      schema: routeSchema('updateVirtualNetwork'),
    },
    async (request, reply) => {
      const { name, vnet } = request.params;
      return revisioned(
        reply,
        service.changeNetwork(name, vnet, request.body, writeContext(request)),
      );
    },
  );

  app.delete(
    ENDPOINTS.removeVirtualNetwork.path,
    {
      schema: routeSchema('removeVirtualNetwork'),
    },
    async (request, reply) => {
      const { name, vnet } = request.params;
      return deleted(reply, service.removeNetwork(name, vnet, writeContext(request)));
    },
  );
};

export default routes;
