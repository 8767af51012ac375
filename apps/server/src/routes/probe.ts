/**
 * POST /api/probe: a real ping from a Kubernetes VM and its path (Linux driver, SPEC §10).
 * Choice (ours, ADR 0030): the simulated device does not pretend — it answers 409
 * `probe.needsLinuxDriver`; a VM that does not run (compute not configured) answers 409
 * `probe.vmNotRunning`. A bad address is the lookup's 422 (same core parser).
 */
import { API, ProbeAnswerSchema, ProbeRequestSchema } from '@edgenet/network-config/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Conflict } from '../domain-errors';
import { withRevision } from '../http/revision';

const probe: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    API.probe,
    {
      schema: {
        tags: ['routes'],
        summary: 'Ping an address from a Kubernetes VM and show the path (Linux driver)',
        body: ProbeRequestSchema,
        response: { 200: ProbeAnswerSchema },
      },
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
