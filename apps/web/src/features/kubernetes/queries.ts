import type {
  Kubernetes,
  ServiceApplyAnswer,
  ServiceCreateBody,
  ServiceCreated,
  ServiceList,
} from '@edgenet/network-config/contract';
import { queryOptions } from '@tanstack/react-query';
import { getJson, request } from '../../lib/api';
import { REVISIONED } from '../../lib/queries';
import { URLS } from '../../lib/urls';
import { CONFIGURATION_WRITE, useWrite, type WriteOptions } from '../../lib/writes';

export const kubernetesQueries = {
  all: ['kubernetes'] as const,
  overview: () =>
    queryOptions({
      queryKey: [...kubernetesQueries.all, 'overview'] as const,
      queryFn: ({ signal }) => getJson<Kubernetes>(URLS.kubernetes, { signal }),
      meta: REVISIONED,
    }),
};

/** GET /api/kubernetes/services: every service and the external service IP pool (SPEC §9). */
export const serviceQueries = {
  all: [...kubernetesQueries.all, 'services'] as const,
  list: () =>
    queryOptions({
      queryKey: [...serviceQueries.all, 'list'] as const,
      queryFn: ({ signal }) => getJson<ServiceList>(URLS.services, { signal }),
      meta: REVISIONED,
    }),
};

async function createService({
  body,
  revision,
}: {
  body: ServiceCreateBody;
  revision: number | undefined;
}): Promise<ServiceCreated> {
  const { data } = await request<ServiceCreated>(URLS.services, {
    method: 'POST',
    body,
    ifMatch: revision,
  });
  return data;
}

/** POST /api/kubernetes/services (`kubectl create service`). */
export function useCreateServiceMutation(
  options?: WriteOptions<ServiceCreated, Parameters<typeof createService>[0]>,
) {
  return useWrite(createService, CONFIGURATION_WRITE, options);
}

async function applyManifest({
  manifest,
  revision,
}: {
  manifest: string;
  revision: number | undefined;
}): Promise<ServiceApplyAnswer> {
  const { data } = await request<ServiceApplyAnswer>(URLS.manifests, {
    method: 'POST',
    body: { manifest },
    ifMatch: revision,
  });
  return data;
}

/** POST /api/kubernetes/manifests (`kubectl apply -f -`). */
export function useApplyManifestMutation(
  options?: WriteOptions<ServiceApplyAnswer, Parameters<typeof applyManifest>[0]>,
) {
  return useWrite(applyManifest, CONFIGURATION_WRITE, options);
}

export interface DeleteService {
  service: { namespace: string; name: string };
  revision: number | undefined;
}

async function deleteService({ service, revision }: DeleteService): Promise<void> {
  await request(URLS.service(service.namespace, service.name), {
    method: 'DELETE',
    ifMatch: revision,
  });
}

/** DELETE /api/kubernetes/services/:namespace/:name; refused or not, the list is reloaded. */
export function useDeleteServiceMutation(options?: WriteOptions<void, DeleteService>) {
  return useWrite(deleteService, { ...CONFIGURATION_WRITE, afterError: 'always' }, options);
}
