import type { GuideLanguage } from '../types/domain.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { fr, type Messages } from './fr.ts';

export type { Messages, MessageTree } from './fr.ts';

/** UI catalogues, one per language a guide can be written in. French is the default. */
export const messages: Record<GuideLanguage, Messages> = { fr, ar, en };
export { DEFAULT_UI_LANGUAGE, UI_LANGUAGE_COOKIE, isRtlLanguage, isUiLanguage } from './uiLanguage.ts';

export { isolateOppositeDirection } from './bidiIsolate.ts';
