import { GUIDE_LANGUAGES, type GuideLanguage } from '../types/domain.ts';

/** French: the language most guides are written in, and the UI's reference catalogue. */
export const DEFAULT_UI_LANGUAGE: GuideLanguage = 'fr';

/**
 * The cookie in which the client mirrors the visitor's UI language (the choice itself lives in
 * localStorage), so that the server's app shell can lay the page out in that language and direction
 * from the first paint and preload only that language's catalogue. Not a secret: readable by scripts.
 */
export const UI_LANGUAGE_COOKIE = 'dalil_lang';

export function isUiLanguage(value: unknown): value is GuideLanguage {
  return typeof value === 'string' && (GUIDE_LANGUAGES as readonly string[]).includes(value);
}

/** Languages written right to left; the UI flips its layout for them. */
export function isRtlLanguage(language: string): boolean {
  return language === 'ar';
}
