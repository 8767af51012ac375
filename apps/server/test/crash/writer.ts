/**
 * The child process of the crash test: opens the real store in `argv[2]` and commits revisions as
 * fast as it can, printing `ack <revision>` once each commit has returned — the moment the server
 * would send its 2xx. The parent kills it with SIGKILL at a random moment.
 */
import { writeSync } from 'node:fs';
import { createDefaultDevice } from '@edgenet/network-config';
import { Store } from '../../src/store/store';

const dir = process.argv[2];
if (!dir) throw new Error('usage: writer <data dir>');
const store = Store.open(dir);
if (store.isEmpty) {
  store.initialize({
    document: createDefaultDevice(),
    account: { passwordHash: 'scrypt$4096$8$1$c2FsdA==$a2V5', mustChange: true },
  });
}
writeSync(1, `ready ${store.revision}\n`);
for (;;) {
  const next = store.revision + 1;
  const device = store.current;
  // A document that names its own revision, so the parent can check the content, not only the row.
  const document = {
    ...device,
    name: `rev-${next}`,
    routes: [
      ...device.routes.slice(-20),
      {
        interfaceAlias: 'Port1',
        destinationPrefix: `10.${(next >> 8) & 255}.${next & 255}.0/24`,
        nextHop: '192.168.100.1',
        routeMetric: next % 65536,
      },
    ],
  };
  const revision = store.commit({
    basedOn: store.revision,
    author: 'crash-writer',
    summary: `write ${next}`,
    document,
  });
  writeSync(1, `ack ${revision}\n`);
}
