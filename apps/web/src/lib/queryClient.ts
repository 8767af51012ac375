import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

/**
 * Retries only what may succeed on a second try (network errors, 5xx); a 4xx is an answer.
 * Configuration is never updated optimistically: every mutation waits for the server.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
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
