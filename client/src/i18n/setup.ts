import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { GUIDE_LANGUAGES, type GuideLanguage } from '@dalil/shared';
import { DEFAULT_UI_LANGUAGE, isolateOppositeDirection, isRtlLanguage, messages } from '@dalil/shared/i18n';

const STORAGE_KEY = 'dalil.uiLanguage';

function isUiLanguage(value: string | null): value is GuideLanguage {
  return value !== null && (GUIDE_LANGUAGES as readonly string[]).includes(value);
}

/** The remembered choice wins; otherwise French, the language most guides are written in. */
export function initialUiLanguage(): GuideLanguage {
  const stored = readStorage();
  return isUiLanguage(stored) ? stored : DEFAULT_UI_LANGUAGE;
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be disabled (private mode, policies): fall back to the default
  }
}

/** Keeps `<html lang dir>` in step with the UI language so the whole layout mirrors for Arabic. */
function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = isRtlLanguage(language) ? 'rtl' : 'ltr';
}

export function setUiLanguage(language: GuideLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // the switch still applies for this visit
  }
  void i18next.changeLanguage(language);
}

export function initI18n(): typeof i18next {
  const language = initialUiLanguage();
  i18next.on('languageChanged', applyDocumentLanguage);
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_UI_LANGUAGE,
    resources: Object.fromEntries(
      Object.entries(messages).map(([lang, catalogue]) => [lang, { translation: catalogue }]),
    ),
    interpolation: {
      // React escapes HTML; the one "escape" every interpolated value needs here is bidirectional:
      // names and titles of the other direction than the sentence are isolated, in every message
      escapeValue: true,
      escape: (value: string) => isolateOppositeDirection(value, isRtlLanguage(i18next.language) ? 'rtl' : 'ltr'),
    },
    returnNull: false,
    initAsync: false,
  });
  applyDocumentLanguage(language);
  return i18next;
}
