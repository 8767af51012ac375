import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { conflict } from '../http/problems';
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
      const core = app.config.lookup(request.body.destination, vm);
      if (!app.device.probe) {
        throw conflict('probe.needsLinuxDriver', {
          en: 'A probe sends real packets: it needs the Linux driver (start the server with EDGENET_DRIVER=linux, as root). The route tester above answers from the model.',
          ja: 'プローブは実際のパケットを送信するため、Linux ドライバーが必要です (root で EDGENET_DRIVER=linux を指定してサーバーを起動してください)。上のルート テスターはモデルから回答します。',
        });
      }
      await app.deviceSettled();
      const answer = await app.device.probe(vm, core);
      if (!answer) {
        throw conflict('probe.vmNotRunning', {
          en: `The VM ${vm} is not running: configure compute first.`,
          ja: `VM ${vm} は実行されていません。先にコンピューティングを構成してください。`,
        });
      }
      withRevision(reply, app.config.revision);
      return answer;
    },
  );
};

export default probe;
