import type { CatalogueShape } from '../catalogueShape.ts';
import type { suggestedBlocksFr } from './fr.ts';

export const suggestedBlocksEn: CatalogueShape<typeof suggestedBlocksFr> = {
  kind: 'Blocks',
  table: 'Table {{rows}} × {{cols}}',
  figure: 'Figure',
  callout: '“{{kind}}” box',
  heading: 'Heading {{level}}',
  bulletList: 'Bulleted list ({{count}})',
  orderedList: 'Numbered list ({{count}})',
  blockquote: 'Quote',
  codeBlock: 'Code',
  horizontalRule: 'Separator',
  paragraph: 'Paragraph',
  toParagraph: 'Turn into a paragraph',
  toHeading: 'Turn into heading {{level}}',
  toBulletList: 'Turn into a bulleted list',
  toOrderedList: 'Turn into a numbered list',
  toBlockquote: 'Turn into a quote',
  composerTitle: 'Proposed block',
  composerHint: 'Fill in the block here: it will be proposed to the authors after the paragraph the cursor was in; the text does not change unless they accept it.',
  composerSend: 'Suggest this block',
  composerEmpty: 'The proposed block is empty: write in it first.',
  anchorGone: 'The paragraph these blocks were to follow has been deleted: reject the suggestion, or suggest the blocks again where they belong.',
  unsupported: 'This change cannot be suggested: text, paragraphs, bold, italic, underline and whole inserted blocks (table, figure, box, heading, list, quote) can.',
};
