import type { ComputeSettings } from '@edgenet/network-config';
import type { Compute } from '@edgenet/network-config/contract';
import { queryOptions } from '@tanstack/react-query';
import type { JobView as Job } from '../../components/ProgressPanel';
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
      queryFn: ({ signal }) => getJson<Job>(URLS.job(id), { signal }),
      // Poll while the job runs; the API never blocks on it.
      refetchInterval: (query) =>
        query.state.data && query.state.data.state !== 'running' ? false : 1000,
      refetchIntervalInBackground: true,
    }),
};

/** 202 with the job (or its id); 200 when the change took effect at once (service IPs). */
type PutComputeAnswer = { job?: Job; jobId?: string | null; id?: string } & Partial<Compute>;

export async function putCompute(
  settings: ComputeSettings,
  revision: number,
): Promise<{ jobId: string | null; job: Job | null }> {
  const { data } = await request<PutComputeAnswer | null>(URLS.compute, {
    method: 'PUT',
    body: settings,
    ifMatch: revision,
  });
  const job = data?.job ?? null;
  const jobId = job?.id ?? data?.jobId ?? (typeof data?.id === 'string' ? data.id : null);
  return { jobId, job };
}
