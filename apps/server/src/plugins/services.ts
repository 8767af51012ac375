/**
 * The app's services, shared by every route (fastify-plugin: not encapsulated):
 * - `store`: the SQLite configuration store (closed on app close);
 * - `device`: the device driver (the simulated device);
 * - `jobs`: the background job runner (stopped before the store closes);
 * - the domains (plugins/domains.ts): `config` (the one writer), `lifecycle`, `ports`,
 *   `compute`, `netRoutes`, `kubeServices`, `virtualNetworking`, `exchange`;
 * - `auth`: sign-in, sessions and the password.
 */
import { createDefaultDevice } from '@edgenet/network-config';
import fp from 'fastify-plugin';
import { AuthService, createInitialAccount } from '../auth/auth-service';
import type { AppOptions } from '../config';
import type { DeviceDriver } from '../driver/driver';
import { SimulatedDevice } from '../driver/simulated';
import { JobRunner } from '../jobs/job-runner';
import { Store } from '../store/store';
import domains from './domains';
import { installKernelSync } from './kernel-sync';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    device: DeviceDriver;
    jobs: JobRunner;
    auth: AuthService;
    appOptions: AppOptions;
  }
}

export interface ServicesOptions {
  options: AppOptions;
  /** Another driver than the simulated device (tests, a real device). */
  driver?: DeviceDriver;
}

/** The store, the device driver and the job runner: what every domain stands on. */
const foundation = fp<ServicesOptions>(
  async (app, { options, driver }) => {
    const device: DeviceDriver =
      driver ??
      (options.deviceDriver === 'linux'
        ? // Loaded only when asked for: the simulated device never needs it (ADR 0044).
          new (await import('../driver/linux/linux-device')).LinuxDevice({
            dataDir: options.dataDir,
            applyMs: options.applyMs,
            failStep: options.failStep,
            cleanOnClose: options.cleanNetworkOnClose,
          })
        : new SimulatedDevice({
            applyMs: options.applyMs,
            failStep: options.failStep,
            firmware: options.firmware,
          }));
    const store = Store.open(options.dataDir);
    const created = store.isEmpty;
    if (created) {
      try {
        store.initialize({
          document: device.observe(
            createDefaultDevice({
              sku: options.sku,
              nodeCount: options.nodeCount,
              name: options.deviceName,
            }),
          ),
          account: await createInitialAccount(options.initialPassword, options.scryptN),
        });
      } catch (error) {
        store.close();
        throw error;
      }
    }
    const current = store.current;
    if (!created && (current.sku !== options.sku || current.nodeCount !== options.nodeCount)) {
      app.log.warn(
        { stored: { sku: current.sku, nodeCount: current.nodeCount } },
        'EDGENET_SKU / EDGENET_NODE_COUNT differ from the stored device; the stored device wins (use a new EDGENET_DATA_DIR for another device)',
      );
    }
    const jobs = new JobRunner(store, device, app.log);
    jobs.recover();

    app.decorate('appOptions', options);
    app.decorate('store', store);
    app.decorate('device', device);
    app.decorate('jobs', jobs);
    app.log.info(
      { dataDir: options.dataDir, revision: store.revision, created, driver: device.kind },
      'configuration store open',
    );
  },
  { name: 'edgenet-store' },
);

export default fp<ServicesOptions>(
  async (app, { options, driver }) => {
    await app.register(foundation, { options, driver });
    const { store, device, jobs } = app;
    // The domains; the change lifecycle among them rolls back (or re-arms) a change left pending
    // by a crash.
    await app.register(domains);
    app.decorate(
      'auth',
      new AuthService(
        store,
        {
          sessionIdleSeconds: options.sessionIdleSeconds,
          lockoutThreshold: options.lockoutThreshold,
          lockoutSeconds: options.lockoutSeconds,
          signInDelayMs: options.signInDelayMs,
          scryptN: options.scryptN,
          signInGlobalCeiling: options.signInGlobalCeiling,
          signInGlobalDelayMs: options.signInGlobalDelayMs,
          sessionMaxSeconds: options.sessionMaxSeconds,
          sessionMaxCount: options.sessionMaxCount,
        },
        Date.now,
        app.log,
      ),
    );

    // Stop the job first (it writes its end to the store), then close the store. (The lifecycle
    // stopped its timer in its own preClose hook, registered before this one.)
    app.addHook('preClose', async () => {
      await jobs.stop();
    });
    app.addHook('onClose', async () => {
      // Sessions' last-seen times are written behind (auth-service.ts): write them before closing.
      if (store.isOpen) app.auth.flushLastSeen();
      store.close();
    });
    await installKernelSync(app, store, device);
  },
  { name: 'edgenet-services' },
);
