import type { GuideLanguage } from '@dalil/shared';
import type { Messages } from '@dalil/shared/i18n/fr.ts';

/**
 * One chunk per UI language (about 10–14 kB compressed each): a visitor downloads and parses only
 * the catalogue of the language they read; another one is fetched when they switch. The server's
 * app shell preloads the right chunk from the `dalil_lang` cookie (server/src/plugins/appShell.ts,
 * which finds these chunks in Vite's manifest by their source file, shared/src/i18n/<lang>.ts).
 */
const loaders: Record<GuideLanguage, () => Promise<Messages>> = {
  fr: () => import('@dalil/shared/i18n/fr.ts').then((m) => m.fr),
  ar: () => import('@dalil/shared/i18n/ar.ts').then((m) => m.ar),
  en: () => import('@dalil/shared/i18n/en.ts').then((m) => m.en),
};

export function loadCatalogue(language: GuideLanguage): Promise<Messages> {
  return loaders[language]();
}
