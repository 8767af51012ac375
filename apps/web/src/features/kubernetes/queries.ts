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

export async function createService(
  body: ServiceCreateBody,
  revision: number | undefined,
): Promise<ServiceCreated> {
  const { data } = await request<ServiceCreated>(URLS.services, {
    method: 'POST',
    body,
    ifMatch: revision,
  });
  return data;
}

export async function applyManifest(
  manifest: string,
  revision: number | undefined,
): Promise<ServiceApplyAnswer> {
  const { data } = await request<ServiceApplyAnswer>(URLS.manifests, {
    method: 'POST',
    body: { manifest },
    ifMatch: revision,
  });
  return data;
}

export async function deleteService(
  service: { namespace: string; name: string },
  revision: number | undefined,
): Promise<void> {
  await request(URLS.service(service.namespace, service.name), {
    method: 'DELETE',
    ifMatch: revision,
  });
}
