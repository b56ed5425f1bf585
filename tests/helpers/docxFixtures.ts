import { deflateSync, crc32 } from 'node:zlib';
import {
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';

/** A real PNG of `width`×`height` pixels in one colour (the image store decodes what it stores). */
export function pngImage(width = 4, height = 3, rgb: [number, number, number] = [200, 40, 40]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.concat(Array.from({ length: width }, () => Buffer.from(rgb)))]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const ARABIC_PARAGRAPH = 'تعمل البلدية مع المجتمع المدني على إعداد المخطط.';

/** Styles a trainer's Word file may use: a caption style and the box styles named in French. */
const paragraphStyles = [
  { id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { italics: true } },
  { id: 'BonnePratique', name: 'Bonne pratique', basedOn: 'Normal', run: { color: '1F6F43' } },
  { id: 'PointVigilance', name: 'Point de vigilance', basedOn: 'Normal', run: { color: 'AA3333' } },
];

const text = (t: string, options: { bold?: boolean; italics?: boolean; underline?: boolean } = {}) =>
  new TextRun({ text: t, bold: options.bold, italics: options.italics, underline: options.underline ? {} : undefined });

/**
 * The reference fixture: a title, headings at three levels, text before the first heading, a table
 * with a cell merged across columns and one down rows, an image with its caption, bulleted and
 * numbered lists, two footnotes, a "Bonne pratique" box, an Arabic paragraph, and links (http,
 * mailto, javascript:).
 */
export async function referenceDocx(): Promise<Buffer> {
  const link = (url: string, label: string) => new ExternalHyperlink({ link: url, children: [new TextRun({ text: label, style: 'Hyperlink' })] });
  const doc = new Document({
    title: 'Propriétés du fichier',
    creator: 'Dalil tests',
    styles: { paragraphStyles },
    numbering: {
      config: [
        { reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: 'start' }] },
        {
          reference: 'choices',
          levels: [
            { level: 0, format: LevelFormat.LOWER_LETTER, text: '%1)', alignment: 'start' },
            { level: 1, format: LevelFormat.UPPER_ROMAN, text: '%2.', alignment: 'start' },
          ],
        },
      ],
    },
    footnotes: {
      1: { children: [new Paragraph('Loi organique n° 2018-29 relative au code des collectivités locales.')] },
      2: { children: [new Paragraph('Voir le guide de 2024, chapitre 3.')] },
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Guide de la participation citoyenne', heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [text('Ce guide accompagne les équipes municipales.')] }),
          new Paragraph({ text: 'Comprendre le cadre', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              text('La participation est '),
              text('obligatoire', { bold: true }),
              text(' depuis 2018'),
              new FootnoteReferenceRun(1),
              text(', et '),
              text('encadrée', { italics: true }),
              text(' par des '),
              text('textes', { underline: true }),
              text('.'),
            ],
          }),
          new Paragraph({ text: 'Les acteurs', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'La commune', bullet: { level: 0 } }),
          new Paragraph({ text: 'Les associations', bullet: { level: 0 } }),
          new Paragraph({ text: 'Ouvrir le registre', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Publier l’avis', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: 'Par affichage', numbering: { reference: 'choices', level: 0 } }),
          new Paragraph({ text: 'Au siège de la commune', numbering: { reference: 'choices', level: 1 } }),
          new Paragraph({ text: 'Sur le site de la commune', numbering: { reference: 'choices', level: 0 } }),
          new Paragraph({ text: 'Calendrier détaillé', heading: HeadingLevel.HEADING_3 }),
          new Paragraph({ text: 'Tableau 1 : Étapes et délais', style: 'Caption' }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ children: [cell('Étape'), cell('Délai'), cell('Responsable')] }),
              new TableRow({ children: [cell('Annonce et affichage', { columnSpan: 2 }), cell('Mairie', { rowSpan: 2 })] }),
              new TableRow({ children: [cell('Réunion'), cell('15 jours')] }),
            ],
          }),
          new Paragraph({ text: 'Outils', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: pngImage(8, 6),
                transformation: { width: 80, height: 60 },
                altText: { name: 'carte', title: 'Carte', description: 'Carte de la commune' },
              }),
            ],
          }),
          new Paragraph({ text: 'Figure 1 : Carte des quartiers', style: 'Caption' }),
          new Paragraph({ text: 'Associer les jeunes dès le diagnostic.', style: 'BonnePratique' }),
          new Paragraph({ text: 'Prévoir un local accessible.', style: 'BonnePratique' }),
          new Paragraph({
            children: [
              text('Sites : '),
              link('https://www.collectivites-locales.gov.tn', 'portail'),
              text(', '),
              link('mailto:contact@example.org', 'écrire'),
              text(' et '),
              link('javascript:alert(1)', 'piège'),
              text('.'),
              new FootnoteReferenceRun(2),
            ],
          }),
          new Paragraph({ text: 'الإطار القانوني', heading: HeadingLevel.HEADING_1, bidirectional: true }),
          new Paragraph({ bidirectional: true, children: [new TextRun({ text: ARABIC_PARAGRAPH, rightToLeft: true })] }),
          // Starts with a Latin word but is a right-to-left paragraph in Word: w:bidi decides.
          new Paragraph({ bidirectional: true, children: [new TextRun({ text: 'PDF ' }), new TextRun({ text: 'ملف للتحميل', rightToLeft: true })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function cell(content: string, span: { columnSpan?: number; rowSpan?: number } = {}): TableCell {
  return new TableCell({ children: [new Paragraph(content)], ...span });
}

/** A document of `paragraphs` plain paragraphs under one heading, for simple cases. */
export async function simpleDocx(heading: string, paragraphs: string[], extra: ParagraphChild[] = []): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: heading, heading: HeadingLevel.HEADING_1 }),
          ...paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })),
          ...(extra.length ? [new Paragraph({ children: extra })] : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A trainer's draft with Word habits: a table of contents Word generated (its lines in Word's
 * "toc 1" style), numbers typed in the headings, an empty heading before a paragraph, and a
 * paragraph before the first heading.
 */
export async function wordHabitsDocx(): Promise<Buffer> {
  const toc = (text: string) => new Paragraph({ text, style: 'TOC1' });
  const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading });
  const doc = new Document({
    styles: { paragraphStyles: [{ id: 'TOC1', name: 'toc 1', basedOn: 'Normal', run: {} }] },
    sections: [
      {
        children: [
          new Paragraph('Ce guide accompagne les communes.'),
          toc('1. Cadre\t3'),
          toc('2. Mise en œuvre\t5'),
          h('1. Cadre', HeadingLevel.HEADING_1),
          new Paragraph('Le cadre légal.'),
          h('1.1 Les acteurs', HeadingLevel.HEADING_2),
          new Paragraph('La commune et la société civile.'),
          h('1.2 – Outils', HeadingLevel.HEADING_2),
          new Paragraph('Les outils de la participation.'),
          h('', HeadingLevel.HEADING_2),
          new Paragraph('Un paragraphe sous un titre vide.'),
          h('2. Mise en œuvre', HeadingLevel.HEADING_1),
          new Paragraph('Les étapes.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Level 1 headings with the given titles, each followed by a paragraph. */
export async function headingsDocx(titles: string[]): Promise<Buffer> {
  const children = titles.flatMap((title, i) => [new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }), new Paragraph(`Texte ${i + 1}.`)]);
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/**
 * Numbered lists as Word counts them: steps cut by a remark that go on at 3, a second instance of
 * the same definition restarted at 1 right after them, and a list whose definition starts at 5.
 */
export async function cutListsDocx(): Promise<Buffer> {
  const step = (text: string, instance = 0) => new Paragraph({ text, numbering: { reference: 'steps', level: 0, instance } });
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: 'start' }] },
        { reference: 'fromFive', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 5, alignment: 'start' }] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Procédure', heading: HeadingLevel.HEADING_1 }),
          step('Ouvrir le registre'),
          step('Publier l’avis'),
          new Paragraph('Remarque : l’avis reste affiché un mois.'),
          step('Recevoir les observations'),
          step('Nouvelle liste, premier point', 1),
          step('Nouvelle liste, second point', 1),
          new Paragraph('Suite :'),
          new Paragraph({ text: 'Point cinq', numbering: { reference: 'fromFive', level: 0 } }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** What Word saves for a new, empty document (one empty paragraph), or one holding only its title. */
export async function blankDocx(title?: string): Promise<Buffer> {
  const children = title ? [new Paragraph({ text: title, heading: HeadingLevel.TITLE })] : [new Paragraph({})];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** `chapters` chapters of `paragraphs` paragraphs each: an import that writes many documents. */
export async function manyChaptersDocx(chapters: number, paragraphs = 3, pictures = 0): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: 'Guide volumineux', heading: HeadingLevel.TITLE })];
  for (let c = 1; c <= chapters; c++) {
    children.push(new Paragraph({ text: `Chapitre ${c}`, heading: HeadingLevel.HEADING_1 }));
    for (let p = 1; p <= paragraphs; p++) children.push(new Paragraph(`Paragraphe ${p} du chapitre ${c}, avec quelques mots de plus.`));
    // The first `pictures` chapters each get a picture of their own colour.
    if (c <= pictures) children.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: pngImage(12, 9, [c % 256, 120, 200]), transformation: { width: 120, height: 90 } })] }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/**
 * About a 100-page guide: `chapters` chapters of sections and paragraphs, `tables` tables and
 * `images` captioned pictures spread through it, about `words` words in all. Seeded, so every run
 * converts the same file; another `variant` (0–99) gives the same text with pictures of other
 * colours, which an image store has not seen yet.
 */
export async function largeGuideDocx(options: { words?: number; tables?: number; images?: number; chapters?: number; variant?: number } = {}): Promise<Buffer> {
  const { words = 40_000, tables = 30, images = 40, chapters = 10, variant = 0 } = options;
  const vocabulary = 'commune citoyens participation budget concertation projet quartier association réunion diagnostic plan priorité service eau éclairage voirie jeunes femmes conseil municipal transparence suivi évaluation indicateur calendrier registre'.split(' ');
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const sentence = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
  const sectionsPerChapter = 4;
  const blocks = chapters * sectionsPerChapter;
  const paragraphWords = 80;
  const paragraphsPerSection = Math.max(1, Math.round(words / paragraphWords / blocks));
  const children: Array<Paragraph | Table> = [new Paragraph({ text: 'Guide municipal de la participation', heading: HeadingLevel.TITLE })];
  let tablesLeft = tables;
  let imagesLeft = images;
  for (let c = 1; c <= chapters; c++) {
    children.push(new Paragraph({ text: `Chapitre ${c} : ${sentence(3)}`, heading: HeadingLevel.HEADING_1 }));
    for (let s = 1; s <= sectionsPerChapter; s++) {
      const index = (c - 1) * sectionsPerChapter + s;
      children.push(new Paragraph({ text: `Section ${c}.${s} : ${sentence(3)}`, heading: HeadingLevel.HEADING_2 }));
      for (let p = 0; p < paragraphsPerSection; p++) children.push(new Paragraph({ children: [text(`${sentence(paragraphWords - 1)}.`)] }));
      // Spread evenly: a table in every section where the running share of `tables` steps up.
      if (tablesLeft > 0 && Math.floor((index * tables) / blocks) > Math.floor(((index - 1) * tables) / blocks)) {
        tablesLeft--;
        children.push(new Paragraph({ text: `Tableau : ${sentence(4)}`, style: 'Caption' }));
        children.push(
          new Table({
            rows: Array.from({ length: 6 }, (_, r) => new TableRow({ children: Array.from({ length: 4 }, (_, k) => cell(r === 0 ? `Colonne ${k + 1}` : sentence(3))) })),
          }),
        );
      }
      const imagesHere = Math.floor((index * images) / blocks) - Math.floor(((index - 1) * images) / blocks);
      for (let i = 0; i < imagesHere && imagesLeft > 0; i++) {
        imagesLeft--;
        children.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: pngImage(160, 120, [imagesLeft * 5, 90 + variant, 160]), transformation: { width: 320, height: 240 } })] }));
        children.push(new Paragraph({ text: `Figure : ${sentence(5)}`, style: 'Caption' }));
      }
    }
  }
  return Packer.toBuffer(new Document({ styles: { paragraphStyles }, sections: [{ children }] }));
}
