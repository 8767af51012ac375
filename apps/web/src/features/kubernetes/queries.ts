import type { Kubernetes } from '@edgenet/network-config/contract';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../lib/api';
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
