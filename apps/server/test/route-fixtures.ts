/**
 * The route-list tests' device: the article's set-up with `count` routes on Port3, and one on a
 * static Port4 that is not the compute port (kept, but inactive on the VMs: a reason), stored
 * after the first `at` routes. Started and signed in.
 */
import { scenarioDevice, seedDevice } from '../testing/start-server';
import { ADMIN_PASSWORD, type Client, signedIn, startApp, type TestApp, tempDir } from './helpers';

export async function startWithRoutes(
  count: number,
  at = count,
): Promise<{ t: TestApp; client: Client }> {
  const dataDir = tempDir();
  const base = scenarioDevice(count);
  const device = {
    ...base,
    ports: base.ports.map((p) =>
      p.name === 'Port4'
        ? {
            ...p,
            dhcp: false,
            address: '192.168.40.10',
            subnetMask: '255.255.255.0',
            gateway: null,
          }
        : p,
    ),
    routes: [
      ...base.routes.slice(0, at),
      {
        interfaceAlias: 'Port4',
        destinationPrefix: '10.200.0.0/16',
        nextHop: '192.168.40.1',
        routeMetric: 5,
      },
      ...base.routes.slice(at),
    ],
  };
  await seedDevice(dataDir, device, ADMIN_PASSWORD);
  const t = await startApp({ dataDir });
  return { t, client: await signedIn(t.app) };
}
