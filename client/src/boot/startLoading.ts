import { parseRoute } from '@dalil/shared/routes';
import { loadCatalogue } from '../i18n/catalogues.ts';
import { initialUiLanguage } from '../i18n/uiLanguageChoice.ts';
import { preloadRoute } from '../routing/preloadRoute.ts';

/*
 * The entry's first module (main.tsx imports it before anything else): the page's code, its API
 * replies (preloadRoute) and the UI language's catalogue leave before react-dom and the app's
 * modules are evaluated. The chunk the entry shares with the lazy pages (React and i18next among
 * them) is still evaluated before this module. A page the service worker serves has no preloads in
 * its HTML (one shell for every address): these requests used to leave only once the whole entry
 * had been evaluated. A dynamic import is fetched once: initI18n and the router take these same
 * requests.
 */
preloadRoute(parseRoute(window.location.pathname));
void loadCatalogue(initialUiLanguage()).catch(() => undefined); // initI18n meets and reports a failure
