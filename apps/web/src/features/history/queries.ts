/** The change lifecycle's queries: history, one diff, and the pending (tentative) change. */
import { LIFECYCLE_API, LIFECYCLE_HEADERS } from '@edgenet/network-config';
import type {
  PendingAnswer,
  RestoreAnswer,
  RevisionDiffAnswer,
  RevisionPage,
} from '@edgenet/network-config/contract';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { getJson, request } from '../../lib/api';
import { invalidateConfiguration, REVISIONED } from '../../lib/queries';

export const historyQueries = {
  all: ['history'] as const,
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
      queryKey: ['pending'] as const,
      queryFn: ({ signal }) => getJson<PendingAnswer>(LIFECYCLE_API.pending, { signal }),
      refetchInterval: 3000,
      refetchOnWindowFocus: true,
    }),
};

/** The header that makes a write tentative ("Revert automatically unless I confirm"). */
export function confirmHeaders(confirm: boolean): Record<string, string> | undefined {
  return confirm ? { [LIFECYCLE_HEADERS.confirm]: 'required' } : undefined;
}

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

const CHANNEL = 'edgenet-lifecycle';

/** Tells the other tabs that the configuration or the pending change moved. */
export function announceLifecycleChange(): void {
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage('changed');
    channel.close();
  } catch {
    // No BroadcastChannel: the other tabs catch up at their next poll.
  }
}

/** Refreshes everything the lifecycle touches, here and (via the channel) in the other tabs. */
export async function refreshAfterLifecycle(client: QueryClient, announce = true): Promise<void> {
  if (announce) announceLifecycleChange();
  await Promise.all([
    client.invalidateQueries({ queryKey: ['pending'] }),
    client.invalidateQueries({ queryKey: historyQueries.all }),
    invalidateConfiguration(client),
  ]);
}

export function listenForLifecycleChanges(onChange: () => void): () => void {
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = () => onChange();
    return () => channel.close();
  } catch {
    return () => undefined;
  }
}
