import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Conflict } from '../domain-errors';
import { routeSchema } from '../http/endpoint-schema';
import { withRevision } from '../http/revision';

const probe: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    ENDPOINTS.probeAddress.path,
    {
      schema: routeSchema('probeAddress'),
    },
    async (request, reply) => {
      const vm = request.body.vm || 'master';
      // Validates the address and the VM name with the core, as the lookup does.
      const core = app.netRoutes.lookup(request.body.destination, vm);
      if (!app.device.probe) throw new Conflict('probe.needsLinuxDriver');
      await app.deviceSettled();
      const answer = await app.device.probe(vm, core);
      if (!answer) throw new Conflict('probe.vmNotRunning', { vm });
      withRevision(reply, app.config.revision);
      return answer;
    },
  );
};

export default probe;
