import { rmSync } from 'node:fs';
import { seedDevice, scenarioDevice } from '@edgenet/server/testing';
import { startApp, signedIn, tempDir, ADMIN_PASSWORD } from '../test/helpers';
const dataDir = tempDir();
await seedDevice(dataDir, scenarioDevice(100_000), ADMIN_PASSWORD);
const { app, close } = await startApp({ dataDir });
const client = await signedIn(app);
for (let i = 0; i < 3; i++) {
  const s = performance.now();
  const r = await client.call('GET', '/api/routes');
  console.log('GET /api/routes', r.status, Math.round(performance.now() - s), 'ms');
}
await close(); rmSync(dataDir, { recursive: true, force: true });
