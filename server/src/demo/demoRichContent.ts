/**
 * Demo chapter showing what a practical guide is made of beyond text: an indicator table, the five
 * kinds of box (a case study with its header fields), footnotes, and the same in Arabic.
 * Pure data, valid against `sectionSchema()`.
 */
import type { DemoSection, PMNode } from './demoGuideContent.ts';
import { DEMO_CHART } from './demoChart.ts';

const t = (text: string, marks?: PMNode['marks']): PMNode => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const p = (...parts: Array<string | PMNode>): PMNode => ({ type: 'paragraph', content: parts.map((x) => (typeof x === 'string' ? t(x) : x)) });
const note = (text: string): PMNode => ({ type: 'footnote', attrs: { text } });
const h = (level: 2 | 3, text: string): PMNode => ({ type: 'heading', attrs: { level }, content: [t(text)] });
const ul = (items: string[]): PMNode => ({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [p(item)] })) });
const cell = (type: 'tableHeader' | 'tableCell', text: string): PMNode => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(text)] });
const table = (caption: string, header: string[], rows: string[][]): PMNode => ({
  type: 'table',
  attrs: { caption },
  content: [
    { type: 'tableRow', content: header.map((x) => cell('tableHeader', x)) },
    ...rows.map((row) => ({ type: 'tableRow', content: row.map((x) => cell('tableCell', x)) })),
  ],
});
const box = (kind: string, content: PMNode[], fields: { place?: string; actors?: string; period?: string } = {}): PMNode => ({
  type: 'callout',
  attrs: { kind, place: fields.place ?? '', actors: fields.actors ?? '', period: fields.period ?? '' },
  content,
});

const budgetEnChiffres: DemoSection = {
  title: 'Le budget participatif en chiffres : cinq communes pilotes',
  content: {
    type: 'doc',
    content: [
      p(
        'Le tableau ci-dessous rassemble les indicateurs suivis dans les cinq communes pilotes du programme',
        note('Données consolidées par les équipes communales et vérifiées lors de la mission de suivi de mars 2023.'),
        '. Ils permettent de comparer l’ampleur de la participation et la part du budget d’investissement réellement soumise au vote des habitants.',
      ),
      table(
        'Indicateurs du budget participatif, exercice 2022',
        ['Commune', 'Participants', 'Part du budget d’investissement', 'Projets retenus'],
        [
          ['Tozeur', '1 240', '18 %', '7'],
          ['Kairouan', '2 310', '12 %', '9'],
          ['Menzel Bourguiba', '860', '15 %', '5'],
          ['Tataouine', '540', '10 %', '4'],
          ['La Marsa', '1 920', '9 %', '6'],
        ],
      ),
      {
        type: 'figure',
        attrs: { imageId: DEMO_CHART, src: null, alt: 'Diagramme en barres : nombre de participants au budget participatif dans chacune des cinq communes pilotes, de 540 à Tataouine à 2 310 à Kairouan.', credit: 'Source : rapports des communes, 2022', size: 'full' },
        content: [t('Participants au budget participatif par commune, 2022')],
      },
      box(
        'caseStudy',
        [
          p('La commune a réservé 18 % de son budget d’investissement à des projets proposés et votés par les habitants, quartier par quartier. Les forums de quartier ont été annoncés par affichage, par la radio locale et sur la page de la commune.'),
          ul(['Sept projets retenus, dont l’éclairage de deux quartiers périphériques ;', 'un comité de suivi mixte (élus, agents, habitants) ;', 'un rapport d’exécution publié chaque semestre.']),
        ],
        { place: 'Tozeur', actors: 'Commune, associations de quartier, CEFAD', period: '2021–2023' },
      ),
      box('goodPractice', [p('Publier le procès-verbal de chaque forum dans la semaine, avec la liste des propositions et le nombre de voix obtenues.')]),
      box('vigilance', [
        p('Un forum qui réunit toujours les mêmes personnes ne représente pas le quartier : vérifiez la présence des femmes et des jeunes, et déplacez les réunions si nécessaire', note('Voir la circulaire n° 2019-14 relative à la participation des habitants aux affaires locales.'), '.'),
      ]),
      box('reflex', [p('Avant le vote, présenter le coût estimé de chaque projet et ce qu’il remplacerait dans le budget.')]),
      box('testimony', [p('« Pour la première fois, nous avons vu où allait l’argent du quartier, et nous avons pu choisir. » — une habitante de Tozeur, forum de 2022')]),
    ],
  },
  children: [
    {
      title: 'الميزانية التشاركية: شهادات من البلديات',
      content: {
        type: 'doc',
        content: [
          p('يعرض هذا القسم تجارب البلديات النموذجية في إعداد الميزانية التشاركية', note('المعطيات مستمدة من تقارير البلديات لسنة 2022.'), '، مع أبرز المؤشرات ونقاط الانتباه.'),
          table('مؤشرات الميزانية التشاركية لسنة 2022', ['البلدية', 'عدد المشاركين', 'المشاريع المختارة'], [
            ['توزر', '1240', '7'],
            ['القيروان', '2310', '9'],
            ['تطاوين', '540', '4'],
          ]),
          box('caseStudy', [p('خصّصت البلدية جزءًا من ميزانية الاستثمار لمشاريع يقترحها المتساكنون ويصوّتون عليها في منتديات الأحياء.')], { place: 'القيروان', actors: 'البلدية، جمعيات الأحياء', period: '2022' }),
          box('vigilance', [p('تأكّد من مشاركة النساء والشباب في المنتديات، وغيّر مواعيد الاجتماعات وأماكنها عند الحاجة.')]),
          h(3, 'ممارسات جيدة'),
          box('goodPractice', [p('نشر محضر كل منتدى في غضون أسبوع مع قائمة المقترحات وعدد الأصوات.')]),
        ],
      },
    },
  ],
};

/** The demo chapter placed before the annexes. */
export const richContentChapter: DemoSection = budgetEnChiffres;
