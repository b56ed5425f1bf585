/**
 * A few comment threads of the demo guide, as the review of a provisional version produces them:
 * a reviewer asking for a reference, a CSO bringing a field case, a coordinator harmonising
 * chapters; some open, some resolved. Each is anchored on `quote`, found in its section's text.
 */
export interface DemoThread {
  sectionTitle: string;
  quote: string;
  messages: Array<{ from: string; body: string; mentions?: string[] }>;
  resolvedBy?: string;
}

export const demoThreads: DemoThread[] = [
  {
    sectionTitle: 'Introduction : objectifs, public et enjeux',
    quote: 'Code des collectivités locales',
    messages: [
      { from: 'relecteur@demo.dalil.tn', body: 'Citer la référence exacte à la première occurrence : loi organique n° 2018-29 du 9 mai 2018 relative au Code des collectivités locales.' },
      { from: 'auteur@demo.dalil.tn', body: '@Sami Gharbi elle figure déjà dans les références de l’annexe. Je la reprends aussi ici, entre parenthèses ?', mentions: ['relecteur@demo.dalil.tn'] },
    ],
  },
  {
    sectionTitle: 'Introduction : objectifs, public et enjeux',
    quote: 'Partenariat pour un gouvernement ouvert',
    messages: [
      { from: 'relecteur@demo.dalil.tn', body: 'Ajouter le sigle (OGP) à la première occurrence, il est utilisé plus loin.' },
      { from: 'auteur@demo.dalil.tn', body: 'C’est fait dans la version du 14 novembre.' },
    ],
    resolvedBy: 'auteur@demo.dalil.tn',
  },
  {
    sectionTitle: 'Pourquoi un guide sur le gouvernement ouvert local ?',
    quote: "signale une panne d'éclairage public",
    messages: [
      {
        from: 'contributrice@demo.dalil.tn',
        body: 'Nous avons un cas à Jendouba : une application de signalement citoyen gérée avec la municipalité depuis 2021, avec un délai moyen de réponse publié chaque mois. Je peux rédiger un encadré d’une demi-page.',
      },
      {
        from: 'coordinatrice@demo.dalil.tn',
        body: 'Merci @Amel Jaziri, volontiers : envoyez l’encadré avant la mission du 12 décembre, nous le placerons dans « Cas concrets ». Modèle de fiche : https://www.opengovpartnership.org/',
        mentions: ['contributrice@demo.dalil.tn'],
      },
    ],
  },
  {
    sectionTitle: 'Pourquoi un guide sur le gouvernement ouvert local ?',
    quote: 'Trois enjeux traversent l\'ensemble du guide',
    messages: [{ from: 'coordinatrice@demo.dalil.tn', body: 'Harmoniser ces trois enjeux avec le chapitre 3 (« Enjeux et postures ») pour que les termes soient les mêmes.' }],
    resolvedBy: 'auteur@demo.dalil.tn',
  },
];
