/**
 * The domain services, each a plugin that names what it depends on (ADR 0036): the configuration
 * store (the one writer) and the change lifecycle (the guard of every write) first, then one
 * plugin per domain. Each decorates the app once; routes call them (`app.ports.update(…)`).
 */
import fp from 'fastify-plugin';
import compute from '../services/compute';
import configuration from '../services/configuration-store';
import exchange from '../services/exchange';
import kubeServices from '../services/kube-services';
import lifecycle from '../services/lifecycle';
import netRoutes from '../services/net-routes';
import ports from '../services/ports';
import virtualNetworking from '../services/virtual-networking';

export default fp(
  async (app) => {
    await app.register(configuration);
    await app.register(lifecycle);
    await app.register(ports);
    await app.register(compute);
    await app.register(netRoutes);
    await app.register(kubeServices);
    await app.register(virtualNetworking);
    await app.register(exchange);
  },
  { name: 'edgenet-domains', dependencies: ['edgenet-store'] },
);
