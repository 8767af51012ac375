import type { ComputeSettings } from '@edgenet/network-config';
import type { Compute, ComputeAnswer, JobAnswer } from '@edgenet/network-config/contract';
import { queryOptions } from '@tanstack/react-query';
import { getJson, request } from '../../lib/api';
import { REVISIONED } from '../../lib/queries';
import { URLS } from '../../lib/urls';

export const computeQueries = {
  all: ['compute'] as const,
  detail: () =>
    queryOptions({
      queryKey: [...computeQueries.all, 'detail'] as const,
      queryFn: ({ signal }) => getJson<Compute>(URLS.compute, { signal }),
      meta: REVISIONED,
    }),
  job: (id: string) =>
    queryOptions({
      queryKey: [...computeQueries.all, 'job', id] as const,
      queryFn: ({ signal }) => getJson<JobAnswer>(URLS.job(id), { signal }),
      // Poll while the job runs; the API never blocks on it.
      refetchInterval: (query) =>
        query.state.data && query.state.data.state !== 'running' ? false : 1000,
      refetchIntervalInBackground: true,
    }),
};

export async function putCompute(
  settings: ComputeSettings,
  revision: number,
  headers?: Record<string, string>,
): Promise<{ jobId: string | null; job: JobAnswer | null }> {
  // 202 with the job applying it; 200 when the change took effect at once (service IPs).
  const { data } = await request<ComputeAnswer>(URLS.compute, {
    method: 'PUT',
    body: settings,
    ifMatch: revision,
    headers,
  });
  const job = data.job;
  return { jobId: job?.id ?? data.compute.jobId, job };
}
