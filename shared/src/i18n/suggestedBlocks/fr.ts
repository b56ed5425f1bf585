/** Messages of block suggestions (tables, figures, boxes, headings, lists proposed as a whole). */
export const suggestedBlocksFr = {
  kind: 'Blocs',
  table: 'Tableau {{rows}} × {{cols}}',
  figure: 'Figure',
  callout: 'Encadré « {{kind}} »',
  heading: 'Titre {{level}}',
  bulletList: 'Liste à puces ({{count}})',
  orderedList: 'Liste numérotée ({{count}})',
  blockquote: 'Citation',
  codeBlock: 'Code',
  horizontalRule: 'Ligne de séparation',
  paragraph: 'Paragraphe',
  composerTitle: 'Bloc proposé',
  composerHint: 'Complétez le bloc ici : il sera proposé aux auteurs après le paragraphe où se trouvait le curseur, le texte ne change pas tant qu’ils ne l’acceptent pas.',
  composerSend: 'Suggérer ce bloc',
  composerEmpty: 'Le bloc proposé est vide : écrivez-y d’abord.',
  unsupported: 'Ce changement ne peut pas être suggéré : le texte, les paragraphes, le gras, l’italique, le soulignement et les blocs entiers insérés (tableau, figure, encadré, titre, liste, citation) le peuvent.',
};
