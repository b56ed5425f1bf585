import i18next from 'i18next';
import { isolateOppositeDirection } from '@dalil/shared/i18n/bidiIsolate.ts';
import { isRtlLanguage } from '@dalil/shared/i18n/uiLanguage.ts';

/**
 * Wraps text the user wrote (a guide title, a name) in Unicode first-strong isolates before it goes
 * into a translated sentence, when it is written the other way than the interface: a French title
 * inside an Arabic sentence keeps its own direction and the quotes around it stay where the
 * sentence put them. Same-direction text is left as it is (invisible marks would end up in what
 * people copy).
 */
export function isolate(text: string): string {
  return isolateOppositeDirection(text, isRtlLanguage(i18next.language ?? 'fr') ? 'rtl' : 'ltr');
}
