import type { phoneCommentsFr } from './fr.ts';

/** Messages of the comments on a narrow screen (phone, tablet): the button by the status line and the sheet. */
export const phoneCommentsEn: Record<keyof typeof phoneCommentsFr, string> = {
  button_one: 'Comments ({{count}})',
  button_other: 'Comments ({{count}})',
  listTitle_one: 'Comments ({{count}} open)',
  listTitle_other: 'Comments ({{count}} open)',
  threadTitle: 'Comment thread',
  allThreads_one: 'All ({{count}})',
  allThreads_other: 'All ({{count}})',
  close: 'Close comments',
};
