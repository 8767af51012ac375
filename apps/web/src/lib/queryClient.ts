import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';
import { writeCache } from './writes';

/**
 * Retries only what may succeed on a second try (network errors, 5xx); a 4xx is an answer.
 * Configuration is never updated optimistically: every mutation waits for the server. What an
 * accepted write refreshes is the mutation cache's job (`lib/writes.ts`).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    mutationCache: writeCache(),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
