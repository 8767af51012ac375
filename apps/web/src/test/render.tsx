import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '../app/App';
import { createQueryClient } from '../lib/queryClient';
import { createFakeServer, type FakeServer } from './fakeServer';

/** Renders the whole app at `path`, signed in, against a fake server at the fetch boundary. */
export function renderApp(
  path: string,
  server: FakeServer = createFakeServer(),
  locale: 'en' | 'ja' = 'en',
) {
  vi.stubGlobal('fetch', server.fetch);
  localStorage.setItem('edgenet.locale', locale);
  window.history.replaceState(null, '', path);
  const client = createQueryClient();
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retry: false, refetchOnWindowFocus: false },
  });
  const utils = render(<App client={client} />);
  return { ...utils, server, client };
}
