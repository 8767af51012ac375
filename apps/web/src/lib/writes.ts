/**
 * Every write's refresh, in one place (ADR 0039). A feature declares a write once, beside its
 * query factory, as a `use…Mutation` hook built with `useWrite`; the hook's `meta` says what the
 * accepted write touches, and the QueryClient's mutation cache (`writeCache`) refreshes it before
 * the component's own `onSuccess` runs (toast, close the blade). The mutation stays pending while
 * the documents reload, so a closing blade uncovers fresh data. No component invalidates by hand.
 */
import {
  MutationCache,
  type QueryClient,
  type UseMutationOptions,
  useMutation,
} from '@tanstack/react-query';
import { isStale } from './api';
import { refreshAfterLifecycle } from './lifecycle';
import { invalidateConfiguration } from './queries';

export type WriteMeta = {
  /**
   * What an accepted write touches: `configuration`, every document carrying the revision;
   * `lifecycle`, those plus the pending change and the history, here and in the other tabs.
   */
  refreshes?: 'configuration' | 'lifecycle';
  /** Refresh after a refused write too: always, or only when it was refused as stale (412). */
  afterError?: 'always' | 'stale';
  /** Do not hold the write pending while the documents reload (the console's next line). */
  inBackground?: boolean;
};

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { revisioned?: boolean };
    mutationMeta: WriteMeta;
  }
}

export const CONFIGURATION_WRITE: WriteMeta = { refreshes: 'configuration' };
export const LIFECYCLE_WRITE: WriteMeta = { refreshes: 'lifecycle' };

function refresh(client: QueryClient, meta: WriteMeta | undefined): Promise<void> | undefined {
  if (!meta?.refreshes) return undefined;
  const done =
    meta.refreshes === 'lifecycle'
      ? refreshAfterLifecycle(client)
      : invalidateConfiguration(client);
  return meta.inBackground ? undefined : done;
}

/** The QueryClient's mutation cache: the one place writes refresh what they touched. */
export function writeCache(): MutationCache {
  return new MutationCache({
    onSuccess: (_data, _variables, _result, mutation, { client }) => refresh(client, mutation.meta),
    onError: (error, _variables, _result, mutation, { client }) => {
      const after = mutation.meta?.afterError;
      if (after === 'always' || (after === 'stale' && isStale(error))) {
        return refresh(client, mutation.meta);
      }
      return undefined;
    },
  });
}

/** What a component adds to a write: its own reaction (toast, close, show the issues). */
export type WriteOptions<TData, TVariables> = Pick<
  UseMutationOptions<TData, Error, TVariables>,
  'onSuccess' | 'onError' | 'onSettled'
>;

/** A write: its request, what it refreshes (`meta`), and the caller's reactions. */
export function useWrite<TData, TVariables = void>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  meta: WriteMeta | undefined,
  options?: WriteOptions<TData, TVariables>,
) {
  return useMutation<TData, Error, TVariables>({ mutationFn, meta, ...options });
}
