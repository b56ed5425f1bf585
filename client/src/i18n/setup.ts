import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { GuideLanguage } from '@dalil/shared';
import { isolateOppositeDirection } from '@dalil/shared/i18n/bidiIsolate.ts';
import { UI_LANGUAGE_COOKIE, isRtlLanguage } from '@dalil/shared/i18n/uiLanguage.ts';
import { loadCatalogue } from './catalogues.ts';
import { UI_LANGUAGE_STORAGE_KEY, initialUiLanguage } from './uiLanguageChoice.ts';

const COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/**
 * Mirrors the UI language into a cookie the server reads for the app shell: `<html lang dir>` and
 * the preload of this language's catalogue come with the HTML, so Arabic is right to left from the
 * first paint. Not HttpOnly (written here), Lax, one year.
 */
function rememberInCookie(language: GuideLanguage): void {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${UI_LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; SameSite=Lax${secure}`;
}

function cookieLanguage(): string | null {
  const match = document.cookie.match(new RegExp(`(?:^|;\\s*)${UI_LANGUAGE_COOKIE}=([^;]*)`));
  return match?.[1] ?? null;
}

/** Keeps `<html lang dir>` in step with the UI language so the whole layout mirrors for Arabic. */
function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = isRtlLanguage(language) ? 'rtl' : 'ltr';
}

async function ensureCatalogue(language: GuideLanguage): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await loadCatalogue(language));
}

let switching: Promise<void> = Promise.resolve();

/** Loads the language's catalogue if this visit has not yet, then switches the whole UI to it. */
export function setUiLanguage(language: GuideLanguage): Promise<void> {
  try {
    localStorage.setItem(UI_LANGUAGE_STORAGE_KEY, language);
  } catch {
    // the switch still applies for this visit
  }
  rememberInCookie(language);
  // in order: a quick second choice must not be overtaken by a slower first one
  switching = switching
    .then(() => ensureCatalogue(language))
    .then(() => i18next.changeLanguage(language))
    .then(
      () => undefined,
      (error: unknown) => console.warn(`the ${language} interface could not be loaded`, error),
    );
  return switching;
}

/**
 * Starts i18next with the UI language's catalogue only (French when nothing was chosen); resolves
 * once it can translate. `<html lang dir>` is set at once, before the catalogue arrives.
 */
export async function initI18n(): Promise<typeof i18next> {
  const language = initialUiLanguage();
  applyDocumentLanguage(language);
  if (cookieLanguage() !== language) rememberInCookie(language);
  i18next.on('languageChanged', applyDocumentLanguage);
  const catalogue = await loadCatalogue(language);
  await i18next.use(initReactI18next).init({
    lng: language,
    // every catalogue holds every key (the type checks it): no other language to fall back to
    fallbackLng: false,
    resources: { [language]: { translation: catalogue } },
    interpolation: {
      // React escapes HTML; the one "escape" every interpolated value needs here is bidirectional:
      // names and titles of the other direction than the sentence are isolated, in every message
      escapeValue: true,
      escape: (value: string) => isolateOppositeDirection(value, isRtlLanguage(i18next.language) ? 'rtl' : 'ltr'),
    },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}
