export { contentExtensions, EDITOR_SCHEMA_VERSION } from './extensions.ts';
export { sectionSchema } from './schema.ts';
export { countWords } from './countWords.ts';
export { fragmentText } from './fragmentText.ts';
export { layoutJson, type LayoutNode } from './layoutJson.ts';
export { GuideTable } from './table.ts';
export { Figure, type FigureAttributes } from './figure.ts';
export { Callout, type CalloutAttributes } from './callout.ts';
export { Footnote } from './footnote.ts';
export { CALLOUT_KINDS, CALLOUT_ICONS, isCalloutKind, type CalloutKind } from './calloutKinds.ts';
export { FIGURE_SIZES, isFigureSize, isStorableImageSrc, type FigureSize } from './figureSizes.ts';
export { ORDERED_LIST_TYPES, isOrderedListType, type OrderedListType } from './orderedListTypes.ts';
export {
  sectionNumbers,
  numberContent,
  countNumbered,
  forEachNumbered,
  DEFAULT_NUMBERING,
  type NumberingSettings,
  type NumberedKind,
  type NumberedCounts,
  type SectionContentNumbers,
} from './numbering.ts';
export { missingAltFigures } from './missingAlt.ts';
export { asBlocks, blockTypeMessageKey, describeBlock, describeBlockParts, describeBlocks, blockText, fillPlaceholders, type BlockWords } from './describeBlocks.ts';
