import type { phoneCommentsFr } from './fr.ts';

/** Messages of the comments on a narrow screen (phone, tablet): the button by the status line and the sheet. */
export const phoneCommentsAr: Record<keyof typeof phoneCommentsFr, string> & Record<string, string> = {
  button_zero: 'التعليقات ({{count}})',
  button_one: 'التعليقات ({{count}})',
  button_two: 'التعليقات ({{count}})',
  button_few: 'التعليقات ({{count}})',
  button_many: 'التعليقات ({{count}})',
  button_other: 'التعليقات ({{count}})',
  listTitle_zero: 'التعليقات (لا تعليق مفتوح)',
  listTitle_one: 'التعليقات (تعليق مفتوح واحد)',
  listTitle_two: 'التعليقات (تعليقان مفتوحان)',
  listTitle_few: 'التعليقات ({{count}} تعليقات مفتوحة)',
  listTitle_many: 'التعليقات ({{count}} تعليقًا مفتوحًا)',
  listTitle_other: 'التعليقات ({{count}} تعليق مفتوح)',
  threadTitle: 'سلسلة التعليقات',
  allThreads_zero: 'الكل ({{count}})',
  allThreads_one: 'الكل ({{count}})',
  allThreads_two: 'الكل ({{count}})',
  allThreads_few: 'الكل ({{count}})',
  allThreads_many: 'الكل ({{count}})',
  allThreads_other: 'الكل ({{count}})',
  close: 'إغلاق التعليقات',
};
