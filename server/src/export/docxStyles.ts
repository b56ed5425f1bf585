import { AlignmentType, BorderStyle, LevelFormat, ShadingType, type INumberingOptions, type IStylesOptions } from 'docx';
import { isOrderedListType, ORDERED_LIST_TYPES, type OrderedListType } from '@dalil/shared/editor';

/** Callout kinds of the guide schema, and the named Word paragraph style each box is written in. */
export const CALLOUT_STYLES = {
  goodPractice: { id: 'DalilBonnePratique', name: 'Dalil – Bonne pratique', fill: 'E6F4EA', border: '2E7D32' },
  caseStudy: { id: 'DalilEtudeDeCas', name: 'Dalil – Étude de cas', fill: 'E8F0FB', border: '1F5FAD' },
  vigilance: { id: 'DalilVigilance', name: 'Dalil – Point de vigilance', fill: 'FDECEA', border: 'B3261E' },
  reflex: { id: 'DalilReflexe', name: 'Dalil – Bon réflexe', fill: 'FFF6DB', border: 'A66F00' },
  testimony: { id: 'DalilTemoignage', name: 'Dalil – Témoignage', fill: 'F1EDF7', border: '5E4B8B' },
} as const;
export type CalloutKind = keyof typeof CALLOUT_STYLES;

export function calloutStyle(kind: unknown) {
  return CALLOUT_STYLES[(typeof kind === 'string' && kind in CALLOUT_STYLES ? kind : 'goodPractice') as CalloutKind];
}

/** The box's title line ("Bonne pratique"), a style of its own so an importer can drop or map it. */
export const CALLOUT_TITLE_STYLE = { id: 'DalilTitreEncadre', name: 'Dalil – Titre d’encadré' };
export const CREDIT_STYLE = { id: 'DalilCredit', name: 'Dalil – Crédit' };
export const STATUS_STYLE = { id: 'DalilStatut', name: 'Dalil – Statut du document' };

export const LATIN_FONT = 'Calibri';
/** Complex-script font for Arabic: Arial carries Arabic on every Word installation. */
export const ARABIC_FONT = 'Arial';

export const BULLET_LIST = 'dalil-bullets';
export const ORDERED_LIST = 'dalil-numbers';

type LevelFormatValue = (typeof LevelFormat)[keyof typeof LevelFormat];

/** An ordered list's `type` as Word numbers it. */
const ORDERED_FORMATS: Record<OrderedListType, LevelFormatValue> = {
  a: LevelFormat.LOWER_LETTER,
  A: LevelFormat.UPPER_LETTER,
  i: LevelFormat.LOWER_ROMAN,
  I: LevelFormat.UPPER_ROMAN,
};

/** The numbering definition of an ordered list of that `type` (numbers for none or an unknown one). */
export function orderedListReference(type: unknown): string {
  return isOrderedListType(type) ? `${ORDERED_LIST}-${type}` : ORDERED_LIST;
}

/** An ordered list that does not start at 1 ("3." after a paragraph that cut the list): a definition of its own. */
export interface ListStart {
  /** `orderedListReference` of its type, then the start. */
  reference: string;
  type: OrderedListType | null;
  start: number;
}

/** The definition of an ordered list of `type` starting at `start` (0, or an integer above 1, up to Word's 32767). */
export function startedListReference(type: unknown, start: number): ListStart {
  return { reference: `${orderedListReference(type)}-from-${start}`, type: isOrderedListType(type) ? type : null, start };
}

const fonts = { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: ARABIC_FONT, eastAsia: LATIN_FONT };

export function documentStyles(): IStylesOptions {
  const box = (style: (typeof CALLOUT_STYLES)[CalloutKind]) => ({
    id: style.id,
    name: style.name,
    basedOn: 'Normal',
    next: style.id,
    quickFormat: true,
    paragraph: {
      shading: { type: ShadingType.CLEAR, fill: style.fill, color: 'auto' },
      border: {
        left: { style: BorderStyle.SINGLE, size: 24, color: style.border, space: 6 },
        top: { style: BorderStyle.SINGLE, size: 4, color: style.fill, space: 4 },
        bottom: { style: BorderStyle.SINGLE, size: 4, color: style.fill, space: 4 },
        right: { style: BorderStyle.SINGLE, size: 4, color: style.fill, space: 6 },
      },
      indent: { left: 240, right: 240 },
      spacing: { before: 0, after: 0, line: 276 },
    },
  });
  return {
    default: {
      document: { run: { font: fonts, size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } },
      title: { run: { font: fonts, size: 52, bold: true, color: '1F3A5F' }, paragraph: { spacing: { after: 240 } } },
      heading1: { run: { font: fonts, size: 36, bold: true, color: '1F3A5F' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
      heading2: { run: { font: fonts, size: 30, bold: true, color: '1F3A5F' }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } },
      heading3: { run: { font: fonts, size: 26, bold: true, color: '2B4C7E' }, paragraph: { spacing: { before: 240, after: 100 }, keepNext: true } },
      heading4: { run: { font: fonts, size: 24, bold: true, italics: true, color: '2B4C7E' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      hyperlink: { run: { color: '1F5FAD', underline: {} } },
      footnoteReference: { run: { superScript: true } },
      footnoteText: { run: { size: 18 }, paragraph: { spacing: { after: 40 } } },
    },
    paragraphStyles: [
      { id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, size: 18, color: '444444' }, paragraph: { spacing: { before: 60, after: 200 }, alignment: AlignmentType.CENTER } },
      { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: '404040' }, paragraph: { indent: { left: 720, right: 720 } } },
      { id: CALLOUT_TITLE_STYLE.id, name: CALLOUT_TITLE_STYLE.name, basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { bold: true, size: 20 }, paragraph: { spacing: { before: 200, after: 0 }, keepNext: true } },
      { id: CREDIT_STYLE.id, name: CREDIT_STYLE.name, basedOn: 'Normal', next: 'Normal', run: { size: 16, color: '666666' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } } },
      { id: STATUS_STYLE.id, name: STATUS_STYLE.name, basedOn: 'Normal', next: 'Normal', run: { bold: true, color: 'B3261E' }, paragraph: {} },
      { id: 'DalilCode', name: 'Dalil – Code', basedOn: 'Normal', next: 'Normal', run: { font: 'Consolas', size: 18 }, paragraph: { shading: { type: ShadingType.CLEAR, fill: 'F3F3F3', color: 'auto' } } },
      ...Object.values(CALLOUT_STYLES).map(box),
    ],
  };
}

/**
 * Real Word lists: one bullet definition, and one ordered definition per numbering the editor
 * shows (numbers, letters, Roman numerals), four levels each. A list nested in another numbers as
 * the editor shows it too (its own `type`, numbers by default), so that a guide exported and
 * imported again keeps its lists as they were.
 */
export function listNumbering(starts: readonly ListStart[] = []): INumberingOptions {
  const indent = (level: number) => ({ paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } });
  const bullets = ['•', '◦', '▪', '–'];
  // Every level starts there: a list nested in another is level 1 of its own instance.
  const ordered = (reference: string, format: LevelFormatValue, start = 1) => ({
    reference,
    levels: [0, 1, 2, 3].map((level) => ({ level, format, text: `%${level + 1}.`, start, alignment: AlignmentType.START, style: indent(level) })),
  });
  return {
    config: [
      {
        reference: BULLET_LIST,
        levels: bullets.map((text, level) => ({ level, format: LevelFormat.BULLET, text, alignment: AlignmentType.START, style: indent(level) })),
      },
      ordered(ORDERED_LIST, LevelFormat.DECIMAL),
      ...ORDERED_LIST_TYPES.map((type) => ordered(orderedListReference(type), ORDERED_FORMATS[type])),
      ...starts.map((s) => ordered(s.reference, s.type ? ORDERED_FORMATS[s.type] : LevelFormat.DECIMAL, s.start)),
    ],
  };
}
