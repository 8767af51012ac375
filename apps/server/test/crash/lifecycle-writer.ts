/**
 * The child process of the lifecycle crash test: the real store, configuration service and change
 * lifecycle in a loop of tentative changes (a route added with "revert unless I confirm"), reverts
 * (rollbacks), confirms and restores of older revisions, printing `ack <what> <revision>` once each
 * has returned. The parent kills it with SIGKILL at a random moment and checks that every
 * revision is whole: a rollback or restore row always carries the document it names, and the
 * pending record always agrees with the latest revision.
 */
import { writeSync } from 'node:fs';
import { createDefaultDevice } from '@edgenet/network-config';
import type { FastifyBaseLogger } from 'fastify';
import { SimulatedDevice } from '../../src/driver/simulated';
import { ConfigurationStore } from '../../src/services/configuration-store';
import { ChangeLifecycle } from '../../src/services/lifecycle';
import { RouteService } from '../../src/services/net-routes';
import type { WriteContext } from '../../src/services/write-context';
import { Store } from '../../src/store/store';

const dir = process.argv[2];
if (!dir) throw new Error('usage: lifecycle-writer <data dir>');
const silent = new Proxy({} as FastifyBaseLogger, {
  get: (_target, key) => (key === 'child' ? () => silent : () => undefined),
});
const store = Store.open(dir);
const device = new SimulatedDevice({ applyMs: 0, failStep: null });
if (store.isEmpty) {
  store.initialize({
    document: device.observe(createDefaultDevice()),
    account: { passwordHash: 'scrypt$4096$8$1$c2FsdA==$a2V5', mustChange: false },
  });
}
const config = new ConfigurationStore(store);
const routes = new RouteService(config);
const lifecycle = new ChangeLifecycle(store, config, device, silent, { confirmSeconds: 3600 });
config.guard = lifecycle;
lifecycle.recover();
// Every write is based on the revision it sees (as If-Match: * would be).
const context = (extra: Partial<WriteContext> = {}): WriteContext => ({
  author: 'crash',
  expectedRevision: store.revision,
  ...extra,
});
writeSync(1, `ready ${store.revision}\n`);
for (let step = 0; ; step++) {
  if (store.pending()) {
    if (step % 3 === 0) {
      lifecycle.confirm();
      writeSync(1, `ack confirm ${store.revision}\n`);
    } else {
      const revision = lifecycle.revert('crash');
      writeSync(1, `ack revert ${revision}\n`);
    }
    continue;
  }
  const n = store.revision + 1;
  if (step % 4 === 1 && store.revision > 3) {
    const target = 1 + (n % (store.revision - 1));
    const { revision } = lifecycle.restore(target, context());
    writeSync(1, `ack restore ${revision}\n`);
    continue;
  }
  const created = routes.add(
    {
      interfaceAlias: 'Port1',
      destinationPrefix: `10.${(n >> 8) & 255}.${n & 255}.0/24`,
      nextHop: '192.168.100.1',
      routeMetric: n % 33,
    },
    context({ confirm: true }),
  );
  writeSync(1, `ack tentative ${created.revision}\n`);
}
