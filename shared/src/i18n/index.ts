import type { GuideLanguage } from '../types/domain.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { fr, type Messages } from './fr.ts';

export type { Messages, MessageTree } from './fr.ts';

/** UI catalogues, one per language a guide can be written in. French is the default. */
export const messages: Record<GuideLanguage, Messages> = { fr, ar, en };
export const DEFAULT_UI_LANGUAGE: GuideLanguage = 'fr';

/** Languages written right to left; the UI flips its layout for them. */
export function isRtlLanguage(language: string): boolean {
  return language === 'ar';
}

export { isolateOppositeDirection } from './bidiIsolate.ts';
