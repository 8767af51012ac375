import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadLocale, readStoredLocale } from './lib/i18n';
import { createQueryClient } from './lib/queryClient';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
// Japanese is a chunk of its own (ADR 0033): load the chosen language first, so the first render
// is already in it. Should it fail to load, the app starts in English and may switch later.
loadLocale(readStoredLocale())
  .catch((error: unknown) => console.error(error))
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App client={createQueryClient()} />
      </StrictMode>,
    ),
  );
