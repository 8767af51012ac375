/** The change lifecycle's queries: history, one diff, and the pending (tentative) change. */
import type { AnswerOf } from '@edgenet/network-config/contract/client';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../lib/api';
import {
  HISTORY_KEY,
  listenForLifecycleChanges,
  PENDING_KEY,
  refreshAfterLifecycle,
} from '../../lib/lifecycle';
import { REVISIONED } from '../../lib/queries';
import { LIFECYCLE_WRITE, useWrite, type WriteOptions } from '../../lib/writes';

export const historyQueries = {
  all: HISTORY_KEY,
  list: (limit = 50) =>
    queryOptions({
      queryKey: [...historyQueries.all, 'list', limit] as const,
      queryFn: async ({ signal }) =>
        (await api.call('listRevisions', { signal, query: { limit: String(limit) } })).data,
      meta: REVISIONED,
    }),
  diff: (a: number, b: number) =>
    queryOptions({
      queryKey: [...historyQueries.all, 'diff', a, b] as const,
      queryFn: async ({ signal }) =>
        (await api.call('diffRevisions', { params: { a, b }, signal })).data,
      staleTime: Number.POSITIVE_INFINITY,
    }),
  /**
   * The pending change, polled so the banner appears in every open tab and survives a reload;
   * refetched on focus too. (Tabs also tell each other at once: see `announceLifecycleChange`.)
   */
  pending: () =>
    queryOptions({
      queryKey: PENDING_KEY,
      queryFn: async ({ signal }) => (await api.call('getPending', { signal })).data,
      refetchInterval: 3000,
      refetchOnWindowFocus: true,
    }),
};

/**
 * The pending change, kept in step with the other tabs: a change announced elsewhere, or the
 * pending change ending (another tab, the deadline), refreshes everything the lifecycle touches.
 */
export function usePendingChange() {
  const client = useQueryClient();
  const pending = useQuery(historyQueries.pending());
  const change = pending.data?.pending ?? null;
  useEffect(
    () => listenForLifecycleChanges(() => void refreshAfterLifecycle(client, false)),
    [client],
  );
  const previous = useRef(change);
  useEffect(() => {
    if (previous.current && !change) void refreshAfterLifecycle(client, false);
    previous.current = change;
  }, [change, client]);
  return change;
}

export interface RestoreRevision {
  number: number;
  /** The current revision (If-Match). */
  revision: number;
  acknowledge?: string[];
}

async function restoreRevision({ number, revision, acknowledge = [] }: RestoreRevision) {
  const answer = await api.call('restoreRevision', {
    params: { n: number },
    body: acknowledge.length ? { acknowledge } : {},
    ifMatch: revision,
  });
  return answer.data;
}

/** POST /api/revisions/:n/restore. */
export function useRestoreRevisionMutation(
  options?: WriteOptions<AnswerOf<'restoreRevision'>, RestoreRevision>,
) {
  return useWrite(restoreRevision, LIFECYCLE_WRITE, options);
}

/** Keep or revert the pending change; refused or not, the lifecycle is reloaded. */
const PENDING_WRITE = { ...LIFECYCLE_WRITE, afterError: 'always' } as const;

async function confirmPending() {
  return (await api.call('confirmPending')).data;
}

/** POST /api/pending/confirm ("Keep these settings"). */
export function useConfirmPendingMutation(
  options?: WriteOptions<AnswerOf<'confirmPending'>, void>,
) {
  return useWrite(confirmPending, PENDING_WRITE, options);
}

async function revertPending() {
  return (await api.call('revertPending')).data;
}

/** POST /api/pending/revert ("Revert now"). */
export function useRevertPendingMutation(options?: WriteOptions<AnswerOf<'revertPending'>, void>) {
  return useWrite(revertPending, PENDING_WRITE, options);
}
