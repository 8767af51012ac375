/**
 * Keeps a real device in step with the store (Linux driver): reconciles at start-up, then whenever
 * the revision moves — after each API write (onResponse) and, for commits made outside a request
 * (a job's end, a timed rollback), on a short poll of the revision number (a getter: cheap).
 * A write's answer waits for its reconcile (onSend), so a client that reads after a write sees the
 * kernel with its change (read-your-writes); reads from the kernel wait for a running reconcile.
 * A failing background reconcile is logged; the next commit or start-up tries again.
 */
import type { FastifyInstance } from 'fastify';
import type { DeviceDriver } from '../driver/driver';
import type { Store } from '../store/store';

const POLL_MS = 200;

declare module 'fastify' {
  interface FastifyInstance {
    /** Resolves once the device has caught up with the stored revision (at once without a hook). */
    deviceSettled: () => Promise<void>;
  }
}

export async function installKernelSync(
  app: FastifyInstance,
  store: Store,
  device: DeviceDriver,
): Promise<void> {
  const reconcile = device.reconcile?.bind(device);
  if (!reconcile) {
    app.decorate('deviceSettled', async () => undefined);
    return;
  }
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
  const settled = async () => {
    for (let i = 0; i < 3 && (running || store.revision !== synced); i++) {
      sync();
      await running;
    }
  };
  app.decorate('deviceSettled', settled);
  app.addHook('onSend', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
      await settled();
    }
  });
  app.addHook('onResponse', async () => {
    sync();
  });
  app.addHook('preClose', async () => {
    clearInterval(timer);
    await running;
    await device.close?.();
  });
}
