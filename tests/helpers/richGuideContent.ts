import * as Y from 'yjs';
import { updateYFragment } from '@tiptap/y-tiptap';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { sectionSchema, type LayoutNode } from '@dalil/shared/editor';

/** Writes a whole section document (ProseMirror JSON) through the same binding the editor uses. */
export function writeSectionJson(doc: Y.Doc, content: LayoutNode): void {
  const node = sectionSchema().nodeFromJSON(content);
  doc.transact(() => updateYFragment(doc, doc.getXmlFragment(SECTION_FRAGMENT), node, { mapping: new Map(), isOMark: new Map() }));
}

const text = (t: string, marks?: LayoutNode['marks']): LayoutNode => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const p = (...content: LayoutNode[]): LayoutNode => ({ type: 'paragraph', content });
const cell = (type: 'tableCell' | 'tableHeader', t: string, attrs: Record<string, unknown> = {}): LayoutNode => ({ type, attrs: { colspan: 1, rowspan: 1, ...attrs }, content: [p(text(t))] });

export const ARABIC_PARAGRAPH = 'تشارك البلدية المواطنين في إعداد الميزانية السنوية.';

/** A section using every node the schema has: lists, quote, link, table with a header row, figure, boxes, footnotes, Arabic. */
export function richSection(imageId: string | null = null, src: string | null = null): LayoutNode {
  return {
    type: 'doc',
    content: [
      p(text('La participation citoyenne commence par '), text('l’information', [{ type: 'bold' }]), text(' et la '), text('concertation', [{ type: 'italic' }]), text('.'), { type: 'footnote', attrs: { text: 'Loi organique n° 2018-29 du 9 mai 2018.' } }),
      { type: 'heading', attrs: { level: 1 }, content: [text('Étapes clés')] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('Annoncer la réunion'))] }, { type: 'listItem', content: [p(text('Publier le compte rendu'))] }] },
      { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [p(text('Premier pas'))] }, { type: 'listItem', content: [p(text('Deuxième pas'))] }] },
      { type: 'blockquote', content: [p(text('Une commune qui écoute est une commune qui avance.'))] },
      p(text('Voir le '), text('portail officiel', [{ type: 'link', attrs: { href: 'https://www.collectiviteslocales.gov.tn/' } }]), text('.')),
      {
        type: 'table',
        attrs: { caption: 'Calendrier de la concertation' },
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Étape'), cell('tableHeader', 'Mois')] },
          { type: 'tableRow', content: [cell('tableCell', 'Diagnostic'), cell('tableCell', 'Janvier')] },
          { type: 'tableRow', content: [cell('tableCell', 'Forum citoyen', { colspan: 2 })] },
        ],
      },
      { type: 'figure', attrs: { imageId, src, alt: 'Carte des quartiers', credit: 'Commune de Sfax', size: 'half' }, content: [text('Les quartiers de la commune')] },
      { type: 'callout', attrs: { kind: 'goodPractice' }, content: [p(text('Afficher l’ordre du jour une semaine avant.'))] },
      { type: 'callout', attrs: { kind: 'caseStudy', place: 'Sfax', actors: 'Commune, associations', period: '2019–2021' }, content: [p(text('Le budget participatif a financé douze projets.'))] },
      { type: 'callout', attrs: { kind: 'vigilance' }, content: [p(text('Ne pas confondre consultation et décision.'))] },
      p(text(ARABIC_PARAGRAPH), { type: 'footnote', attrs: { text: 'القانون الأساسي عدد 29 لسنة 2018.' } }),
    ],
  };
}

export function plainSection(...paragraphs: string[]): LayoutNode {
  return { type: 'doc', content: paragraphs.map((t) => p(text(t))) };
}
