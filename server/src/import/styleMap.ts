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

function headingRules(): string[] {
  const rules: string[] = [];
  for (let level = 1; level <= 6; level++) {
    for (const name of [`Heading ${level}`, `heading ${level}`, `Titre ${level}`, `Dalil – Titre ${level}`, `Dalil – Heading ${level}`]) {
      rules.push(`p[style-name=${quote(name)}] => h${level}:fresh`);
    }
  }
  return rules;
}

/**
 * The style map handed to mammoth. Consecutive paragraphs of one box style land in one wrapper
 * (the wrapper is not `:fresh`), each paragraph stays its own paragraph.
 */
export function importStyleMap(): string[] {
  const rules = headingRules();
  for (const name of ['Title', 'Titre', 'Dalil – Titre du guide', 'Dalil – Title']) rules.push(`p[style-name=${quote(name)}] => h1.${TITLE_CLASS}:fresh`);
  for (const name of ['Subtitle', 'Sous-titre']) rules.push(`p[style-name=${quote(name)}] => p:fresh`);
  for (const name of ['Caption', 'Légende', 'Dalil – Légende', 'Dalil – Caption']) rules.push(`p[style-name=${quote(name)}] => p.${CAPTION_CLASS}:fresh`);
  for (const name of DALIL_DROPPED_STYLES) rules.push(`p[style-name=${quote(name)}] => !`);
  for (const name of ['Dalil – Crédit', 'Dalil – Credit']) rules.push(`p[style-name=${quote(name)}] => p.${CREDIT_CLASS}:fresh`);
  for (const name of ['Quote', 'Intense Quote', 'Citation', 'Citation intense', 'Dalil – Citation']) {
    rules.push(`p[style-name=${quote(name)}] => blockquote > p:fresh`);
  }
  for (const [kind, names] of Object.entries(BOX_STYLE_NAMES)) {
    for (const prefix of DALIL_PREFIXES) {
      for (const name of names) rules.push(`p[style-name=${quote(prefix + name)}] => div.${BOX_CLASS_PREFIX}${kind} > p:fresh`);
    }
  }
  // Character styles Word uses for emphasis.
  rules.push("r[style-name='Strong'] => strong", "r[style-name='Emphasis'] => em", 'u => u');
  return rules;
}
