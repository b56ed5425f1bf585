import type { CalloutKind } from '@dalil/shared/editor';

/**
 * Word paragraph style names that become a box kind: the French names trainers use, the names
 * Dalil's own DOCX export writes ("Dalil – Bonne pratique"), and English and Arabic equivalents.
 */
export const BOX_STYLE_NAMES: Record<CalloutKind, string[]> = {
  goodPractice: ['Bonne pratique', 'Bonnes pratiques', 'Good practice', 'ممارسة جيدة'],
  caseStudy: ['Étude de cas', 'Etude de cas', 'Case study', 'دراسة حالة'],
  vigilance: ['Point de vigilance', 'Vigilance', 'Point of vigilance', 'نقطة يقظة'],
  reflex: ['Réflexe à adopter', 'Reflexe a adopter', 'Bon réflexe', 'Reflex', 'Reflex to adopt', 'Good reflex', 'رد فعل يجب اعتماده'],
  testimony: ['Témoignage', 'Temoignage', 'Testimony', 'شهادة'],
};

/** Prefixes Dalil's export puts before its own style names. */
const DALIL_PREFIXES = ['', 'Dalil – ', 'Dalil - ', 'Dalil — '];

/** Class mammoth puts on a box's wrapper; `adaptHtml` turns it into the schema's `aside[data-callout]`. */
export const BOX_CLASS_PREFIX = 'dalil-box-';
export const TITLE_CLASS = 'dalil-title';
export const CAPTION_CLASS = 'dalil-caption';
export const CREDIT_CLASS = 'dalil-credit';

/**
 * Styles only Dalil's export writes. The status line and the boxes' title lines are drawn from the
 * guide's state and the box kind, so they are dropped, not imported as text.
 */
export const DALIL_EXPORT_MARKER_STYLE = 'Dalil – Statut du document';
const DALIL_DROPPED_STYLES = [DALIL_EXPORT_MARKER_STYLE, 'Dalil – Titre d’encadré', "Dalil – Titre d'encadré"];

const quote = (name: string) => `'${name.replace(/'/g, "\\'")}'`;

/**
 * What a paragraph of a style becomes in the document: a heading, the guide's title, a figure's or
 * table's caption, a figure's credit, a plain paragraph, nothing (`drop`), or a paragraph grouped
 * with its neighbours of the same style in a quotation or a box.
 */
export type ParagraphRole =
  | { kind: 'heading'; level: number }
  | { kind: 'title' | 'caption' | 'credit' | 'paragraph' | 'drop' | 'quote' }
  /** An entry of Word's own table of contents: dropped (Dalil draws the guide's) and counted. */
  | { kind: 'contents' }
  | { kind: 'box'; box: CalloutKind };

/** Paragraph styles, by every name they go by (the first is canonical), with their role and mammoth's HTML path for it. */
interface ParagraphStyle {
  names: string[];
  role: ParagraphRole;
  to: string;
}

function paragraphStyles(): ParagraphStyle[] {
  const styles: ParagraphStyle[] = [];
  for (let level = 1; level <= 6; level++) {
    styles.push({ names: [`Heading ${level}`, `heading ${level}`, `Titre ${level}`, `Dalil – Titre ${level}`, `Dalil – Heading ${level}`], role: { kind: 'heading', level }, to: `h${level}:fresh` });
  }
  styles.push({ names: ['Title', 'Titre', 'Dalil – Titre du guide', 'Dalil – Title'], role: { kind: 'title' }, to: `h1.${TITLE_CLASS}:fresh` });
  styles.push({ names: ['Subtitle', 'Sous-titre'], role: { kind: 'paragraph' }, to: 'p:fresh' });
  styles.push({ names: ['Caption', 'Légende', 'Dalil – Légende', 'Dalil – Caption'], role: { kind: 'caption' }, to: `p.${CAPTION_CLASS}:fresh` });
  styles.push({ names: DALIL_DROPPED_STYLES, role: { kind: 'drop' }, to: '!' });
  // Word's built-in names are lower case ("toc 1"), LibreOffice's "Contents 1"; mammoth compares without case.
  const contents = [1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((level) => [`toc ${level}`, `Contents ${level}`, `Table des matières ${level}`]);
  styles.push({ names: [...contents, 'TOC Heading', 'Contents Heading', 'En-tête de table des matières'], role: { kind: 'contents' }, to: '!' });
  styles.push({ names: ['Dalil – Crédit', 'Dalil – Credit'], role: { kind: 'credit' }, to: `p.${CREDIT_CLASS}:fresh` });
  styles.push({ names: ['Quote', 'Intense Quote', 'Citation', 'Citation intense', 'Dalil – Citation'], role: { kind: 'quote' }, to: 'blockquote > p:fresh' });
  for (const [kind, names] of Object.entries(BOX_STYLE_NAMES) as Array<[CalloutKind, string[]]>) {
    styles.push({ names: DALIL_PREFIXES.flatMap((prefix) => names.map((name) => prefix + name)), role: { kind: 'box', box: kind }, to: `div.${BOX_CLASS_PREFIX}${kind} > p:fresh` });
  }
  return styles;
}

/** Upper-cased style name → role, for every name of every style (mammoth compares names without case). */
export function paragraphRoles(): Map<string, ParagraphRole> {
  const roles = new Map<string, ParagraphRole>();
  for (const style of paragraphStyles()) for (const name of style.names) if (!roles.has(name.toUpperCase())) roles.set(name.toUpperCase(), style.role);
  return roles;
}

/**
 * The same styles as a mammoth style map (what the conversion did before it read mammoth's document
 * tree directly, and still the readable statement of the mapping): one rule per style, under its canonical name (mammoth parses
 * every rule of the map on every conversion, and the 145 rules of all names took as long as the
 * conversion of a 100-page file). `canonicalStyleNames` renames the other names before mammoth
 * applies the map. Consecutive paragraphs of one box style land in one wrapper (the wrapper is
 * not `:fresh`), each paragraph stays its own paragraph.
 */
export function importStyleMap(): string[] {
  const rules = paragraphStyles().map((style) => `p[style-name=${quote(style.names[0]!)}] => ${style.to}`);
  // Character styles Word uses for emphasis.
  rules.push("r[style-name='Strong'] => strong", "r[style-name='Emphasis'] => em", 'u => u');
  return rules;
}

/** Upper-cased name → canonical name (mammoth compares style names without case). */
function styleAliases(): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const style of paragraphStyles()) {
    for (const name of style.names) if (!aliases.has(name.toUpperCase())) aliases.set(name.toUpperCase(), style.names[0]!);
  }
  return aliases;
}

interface MammothElement {
  type: string;
  styleName?: string | null;
  children?: MammothElement[];
  body?: MammothElement[];
  notes?: { _notes?: Record<string, MammothElement> };
}

/**
 * mammoth's `transformDocument`: gives each paragraph of the body and of the footnotes and
 * endnotes the canonical name of its style, so that the one rule of `importStyleMap` matches it.
 */
export function canonicalStyleNames(): <T>(document: T) => T {
  const aliases = styleAliases();
  const visit = (element: MammothElement) => {
    if (element.type === 'paragraph' && element.styleName) {
      const canonical = aliases.get(element.styleName.toUpperCase());
      if (canonical) element.styleName = canonical;
    }
    element.children?.forEach(visit);
    element.body?.forEach(visit);
  };
  return <T>(document: T): T => {
    const root = document as MammothElement;
    visit(root);
    for (const note of Object.values(root.notes?._notes ?? {})) visit(note);
    return document;
  };
}
