/** Messages of the comments on a narrow screen (phone, tablet): the button by the status line and the sheet. */
export const phoneCommentsFr = {
  button_one: 'Commentaires ({{count}})',
  button_other: 'Commentaires ({{count}})',
  listTitle_one: 'Commentaires ({{count}} ouvert)',
  listTitle_other: 'Commentaires ({{count}} ouverts)',
  threadTitle: 'Fil de commentaires',
  allThreads_one: 'Tous ({{count}})',
  allThreads_other: 'Tous ({{count}})',
  close: 'Fermer les commentaires',
};
