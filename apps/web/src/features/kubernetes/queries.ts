import type { ServiceCreateBody } from '@edgenet/network-config/contract';
import type { AnswerOf } from '@edgenet/network-config/contract/client';
import { api } from '../../lib/api';
import { revisionedQuery } from '../../lib/queries';
import { CONFIGURATION_WRITE, useWrite, type WriteOptions } from '../../lib/writes';

export const kubernetesQueries = {
  all: ['kubernetes'] as const,
  overview: () => revisionedQuery([...kubernetesQueries.all, 'overview'], 'getKubernetes'),
};

/** GET /api/kubernetes/services: every service and the external service IP pool (SPEC §9). */
export const serviceQueries = {
  all: [...kubernetesQueries.all, 'services'] as const,
  list: () => revisionedQuery([...serviceQueries.all, 'list'], 'listServices'),
};

async function createService({
  body,
  revision,
}: {
  body: ServiceCreateBody;
  revision: number | undefined;
}) {
  return (await api.call('createService', { body, ifMatch: revision })).data;
}

/** POST /api/kubernetes/services (`kubectl create service`). */
export function useCreateServiceMutation(
  options?: WriteOptions<AnswerOf<'createService'>, Parameters<typeof createService>[0]>,
) {
  return useWrite(createService, CONFIGURATION_WRITE, options);
}

async function applyManifest({
  manifest,
  revision,
}: {
  manifest: string;
  revision: number | undefined;
}) {
  return (await api.call('applyManifest', { body: { manifest }, ifMatch: revision })).data;
}

/** POST /api/kubernetes/manifests (`kubectl apply -f -`). */
export function useApplyManifestMutation(
  options?: WriteOptions<AnswerOf<'applyManifest'>, Parameters<typeof applyManifest>[0]>,
) {
  return useWrite(applyManifest, CONFIGURATION_WRITE, options);
}

export interface DeleteService {
  service: { namespace: string; name: string };
  revision: number | undefined;
}

async function deleteService({ service, revision }: DeleteService): Promise<void> {
  await api.call('deleteService', { params: service, ifMatch: revision });
}

/** DELETE /api/kubernetes/services/:namespace/:name; refused or not, the list is reloaded. */
export function useDeleteServiceMutation(options?: WriteOptions<void, DeleteService>) {
  return useWrite(deleteService, { ...CONFIGURATION_WRITE, afterError: 'always' }, options);
}
