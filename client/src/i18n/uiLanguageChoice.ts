import type { GuideLanguage } from '@dalil/shared';
import { DEFAULT_UI_LANGUAGE, isUiLanguage } from '@dalil/shared/i18n/uiLanguage.ts';

/** Where the UI language the reader chose is remembered (setup.ts writes it). */
export const UI_LANGUAGE_STORAGE_KEY = 'dalil.uiLanguage';

/** The remembered choice wins; otherwise French, the language most guides are written in. */
export function initialUiLanguage(): GuideLanguage {
  const stored = readStorage();
  return isUiLanguage(stored) ? stored : DEFAULT_UI_LANGUAGE;
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(UI_LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage can be disabled (private mode, policies): fall back to the default
  }
}
