// first: the page's requests leave before react-dom and the app are evaluated
import './boot/startLoading.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { initI18n } from './i18n/setup.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { markLoad } from './loading/loadMarks.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

// the UI language's catalogue is its own chunk (preloaded from the HTML): render once it is there
const translated = initI18n();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void translated
  .catch((error: unknown) => console.error('interface messages not loaded', error))
  .then(() => {
    markLoad('app-render-start');
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
