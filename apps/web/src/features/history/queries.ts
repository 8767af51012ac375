/** The change lifecycle's queries: history, one diff, and the pending (tentative) change. */
import { LIFECYCLE_API } from '@edgenet/network-config';
import type {
  PendingAnswer,
  RestoreAnswer,
  RevisionDiffAnswer,
  RevisionPage,
} from '@edgenet/network-config/contract';
import { queryOptions } from '@tanstack/react-query';
import { getJson, request } from '../../lib/api';
import { HISTORY_KEY, PENDING_KEY } from '../../lib/lifecycle';
import { REVISIONED } from '../../lib/queries';

export const historyQueries = {
  all: HISTORY_KEY,
  list: (limit = 50) =>
    queryOptions({
      queryKey: [...historyQueries.all, 'list', limit] as const,
      queryFn: ({ signal }) =>
        getJson<RevisionPage>(LIFECYCLE_API.revisions, { signal, query: { limit: String(limit) } }),
      meta: REVISIONED,
    }),
  diff: (a: number, b: number) =>
    queryOptions({
      queryKey: [...historyQueries.all, 'diff', a, b] as const,
      queryFn: ({ signal }) =>
        getJson<RevisionDiffAnswer>(LIFECYCLE_API.revisionDiff(a, b), { signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  /**
   * The pending change, polled so the banner appears in every open tab and survives a reload;
   * refetched on focus too. (Tabs also tell each other at once: see `announceLifecycleChange`.)
   */
  pending: () =>
    queryOptions({
      queryKey: PENDING_KEY,
      queryFn: ({ signal }) => getJson<PendingAnswer>(LIFECYCLE_API.pending, { signal }),
      refetchInterval: 3000,
      refetchOnWindowFocus: true,
    }),
};

export function restoreRevision(n: number, revision: number, acknowledge: string[] = []) {
  return request<RestoreAnswer>(LIFECYCLE_API.revisionRestore(n), {
    method: 'POST',
    body: acknowledge.length ? { acknowledge } : {},
    ifMatch: revision,
  });
}

export function confirmPending() {
  return request<PendingAnswer>(LIFECYCLE_API.pendingConfirm, { method: 'POST' });
}

export function revertPending() {
  return request<PendingAnswer>(LIFECYCLE_API.pendingRevert, { method: 'POST' });
}
