/** Virtual switches and their virtual networks (SPEC §8): the Advanced networking page and cmdlets. */
import {
  API,
  VirtualNetworkAnswerSchema,
  VirtualNetworkBodySchema,
  VirtualNetworkParamsSchema,
  VirtualSwitchAnswerSchema,
  VirtualSwitchBodySchema,
  VirtualSwitchDeleteQuerySchema,
  VirtualSwitchListSchema,
  VirtualSwitchParamsSchema,
  VirtualSwitchSchema,
} from '@edgenet/network-config/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { withRevision, writeContext } from '../http/revision';

const SWITCH = `${API.virtualSwitches}/:name`;
const NETWORKS = `${SWITCH}/virtual-networks`;
const NETWORK = `${NETWORKS}/:vnet`;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const service = app.virtualNetworking;
  const tags = ['virtual switches'];

  app.get(
    API.virtualSwitches,
    {
      schema: {
        tags,
        summary: 'Every virtual switch with its virtual networks (Get-HcsExternalVirtualSwitch)',
        response: { 200: VirtualSwitchListSchema },
      },
    },
    async (_request, reply) => {
      const revision = app.config.revision;
      withRevision(reply, revision);
      return { virtualSwitches: service.list(), firmware: app.config.firmware, revision };
    },
  );

  app.get(
    SWITCH,
    {
      schema: {
        tags,
        summary: 'One virtual switch',
        params: VirtualSwitchParamsSchema,
        response: { 200: VirtualSwitchSchema },
      },
    },
    async (request, reply) => {
      withRevision(reply, app.config.revision);
      return service.get(request.params.name);
    },
  );

  app.post(
    API.virtualSwitches,
    {
      schema: {
        tags,
        summary: 'Add a virtual switch (Add-HcsExternalVirtualSwitch); If-Match checked when sent',
        body: VirtualSwitchBodySchema,
        response: { 201: VirtualSwitchAnswerSchema },
      },
    },
    async (request, reply) => {
      const created = service.add(request.body, writeContext(request));
      withRevision(reply, created.revision);
      reply.header('location', API.virtualSwitch(created.name)).status(201);
      return created;
    },
  );

  app.put(
    SWITCH,
    {
      schema: {
        tags,
        summary: 'Change a virtual switch (If-Match required)',
        params: VirtualSwitchParamsSchema,
        body: VirtualSwitchBodySchema,
        response: { 200: VirtualSwitchAnswerSchema },
      },
    },
    async (request, reply) => {
      const changed = service.change(request.params.name, request.body, writeContext(request));
      withRevision(reply, changed.revision);
      return changed;
    },
  );

  app.delete(
    SWITCH,
    {
      schema: {
        tags,
        summary: 'Delete a virtual switch and its virtual networks',
        description:
          '409 `vswitch.confirmDelete` when it has virtual networks or the compute role, unless `force=true`; 409 `vswitch.computeInUse` while compute is configured on it.',
        params: VirtualSwitchParamsSchema,
        querystring: VirtualSwitchDeleteQuerySchema,
        response: { 204: Type.Null() },
      },
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
    NETWORKS,
    {
      schema: {
        tags,
        summary: 'Add a virtual network to a switch (Add-HcsVirtualNetwork)',
        params: VirtualSwitchParamsSchema,
        body: VirtualNetworkBodySchema,
        response: { 201: VirtualNetworkAnswerSchema },
      },
    },
    async (request, reply) => {
      const created = service.addNetwork(request.params.name, request.body, writeContext(request));
      withRevision(reply, created.revision);
      reply.header('location', API.virtualNetwork(created.switchName, created.name)).status(201);
      return created;
    },
  );

  app.put(
    NETWORK,
    {
      schema: {
        tags,
        summary: 'Change a virtual network (If-Match required)',
        params: VirtualNetworkParamsSchema,
        body: VirtualNetworkBodySchema,
        response: { 200: VirtualNetworkAnswerSchema },
      },
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
    NETWORK,
    {
      schema: {
        tags,
        summary: 'Delete a virtual network (Remove-HcsVirtualNetwork)',
        params: VirtualNetworkParamsSchema,
        response: { 204: Type.Null() },
      },
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
