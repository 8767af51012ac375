/**
 * The compute document, its apply job and the apply itself (PUT /api/compute): shared by the
 * Compute page and the Kubernetes settings page (features do not import each other).
 */
import type { ComputeSettings, ComputeSwitchSettings } from '@edgenet/network-config';
import type { AnswerOf } from '@edgenet/network-config/contract/client';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from './api';
import { confirmHeaders } from './lifecycle';
import { invalidateConfiguration, revisionedQuery } from './queries';
import { LIFECYCLE_WRITE, useWrite, type WriteOptions } from './writes';

export const computeQueries = {
  all: ['compute'] as const,
  detail: () => revisionedQuery([...computeQueries.all, 'detail'], 'getCompute'),
  job: (id: string) =>
    queryOptions({
      queryKey: [...computeQueries.all, 'job', id] as const,
      queryFn: async ({ signal }) => (await api.call('getJob', { params: { id }, signal })).data,
      // Poll while the job runs; the API never blocks on it.
      refetchInterval: (query) =>
        query.state.data && query.state.data.state !== 'running' ? false : 1000,
      refetchIntervalInBackground: true,
    }),
};

export interface ApplyCompute {
  settings: ComputeSettings | ComputeSwitchSettings;
  /** The revision the change is based on (If-Match). */
  revision: number;
  /** "Revert automatically unless I confirm" (SPEC §7.2). */
  confirm?: boolean;
}

/** The applied answer and the job that applies it (none when it took effect at once). */
export interface ComputeApplied {
  answer: AnswerOf<'updateCompute'>;
  jobId: string | null;
}

async function applyCompute({ settings, revision, confirm }: ApplyCompute) {
  // 202 with the job applying it; 200 when the change took effect at once (service IPs).
  const { data } = await api.call('updateCompute', {
    body: settings,
    ifMatch: revision,
    headers: confirmHeaders(confirm ?? false),
  });
  return { answer: data, jobId: data.job?.id ?? data.compute.jobId };
}

/** PUT /api/compute. */
export function useApplyComputeMutation(options?: WriteOptions<ComputeApplied, ApplyCompute>) {
  return useWrite(applyCompute, LIFECYCLE_WRITE, options);
}

/**
 * Follows an apply job (polled while it runs); when it ends, the configuration it changed is
 * refetched everywhere and `onEnd` hears how it ended, once per job.
 */
export function useComputeJob(jobId: string | null, onEnd?: (job: AnswerOf<'getJob'>) => void) {
  const client = useQueryClient();
  const job = useQuery({ ...computeQueries.job(jobId ?? ''), enabled: jobId !== null });
  const reported = useRef<string | null>(null);
  const ended = job.data && job.data.state !== 'running' ? job.data : null;
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  useEffect(() => {
    if (!ended || jobId === null || reported.current === jobId) return;
    reported.current = jobId;
    void invalidateConfiguration(client);
    onEndRef.current?.(ended);
  }, [ended, jobId, client]);
  return job;
}
