/**
 * The kernel's side of the route pages (Linux driver): the effective table read from the VM's
 * kernel, and the kernel's own lookup answer beside the core's. With a driver that has no kernel
 * (the simulation), or while the VM does not run, the core's model answers alone.
 */
import type { EffectiveTable, LookupAnswerDoc } from '@edgenet/network-config/contract';
import type { FastifyInstance } from 'fastify';

export async function effectiveWithKernel(
  app: FastifyInstance,
  vm: string,
): Promise<EffectiveTable> {
  const model = app.netRoutes.effective(vm);
  await app.deviceSettled();
  const routes = await app.device.effectiveRoutes?.(app.config.device, vm);
  if (!routes) return app.device.effectiveRoutes ? { ...model, source: 'model' } : model;
  return { ...model, routes, source: 'kernel' };
}

export async function lookupWithKernel(
  app: FastifyInstance,
  answer: LookupAnswerDoc,
): Promise<LookupAnswerDoc> {
  await app.deviceSettled();
  const kernel = await app.device.kernelLookup?.(answer.vm, answer);
  return kernel ? { ...answer, kernel } : answer;
}
