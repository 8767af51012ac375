/**
 * Keeps a real device in step with the store (Linux driver): reconciles at start-up, then whenever
 * the revision moves — after each API write (onResponse) and, for commits made outside a request
 * (a job's end, a timed rollback), on a short poll of the revision number (a getter: cheap).
 * A failing background reconcile is logged and kept; the next commit or start-up tries again.
 */
import type { FastifyInstance } from 'fastify';
import type { DeviceDriver } from '../driver/driver';
import type { Store } from '../store/store';

const POLL_MS = 200;

export async function installKernelSync(
  app: FastifyInstance,
  store: Store,
  device: DeviceDriver,
): Promise<void> {
  const reconcile = device.reconcile?.bind(device);
  if (!reconcile) return;
  let synced = store.revision;
  // Start-up: a crash mid-apply, a reboot or a hand edit left the kernel elsewhere.
  await reconcile(store.current);

  let running: Promise<void> | null = null;
  const sync = () => {
    if (!store.isOpen || running || store.revision === synced) return;
    const revision = store.revision;
    running = reconcile(store.current)
      .then(() => {
        synced = revision;
      })
      .catch((error: unknown) => {
        synced = revision;
        app.log.error({ err: error, revision }, 'device reconcile failed');
      })
      .finally(() => {
        running = null;
        sync();
      });
  };
  const timer = setInterval(sync, POLL_MS);
  timer.unref();
  app.addHook('onResponse', async () => {
    sync();
  });
  app.addHook('preClose', async () => {
    clearInterval(timer);
    await running;
    await device.close?.();
  });
}
