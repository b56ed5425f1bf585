import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { initI18n } from './i18n/setup.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { preloadRoute } from './routing/preloadRoute.ts';
import { parseRoute } from '@dalil/shared/routes';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

// first, so the page's requests leave while the rest of this script still runs
preloadRoute(parseRoute(window.location.pathname));
// the UI language's catalogue is its own chunk (preloaded from the HTML): render once it is there
const translated = initI18n();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void translated
  .catch((error: unknown) => console.error('interface messages not loaded', error))
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
