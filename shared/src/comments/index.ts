export { COMMENT_MARK, COMMENT_ATTRIBUTE_PREFIX, commentAttributeKey, threadIdOfAttribute, type CommentMarkAttributes } from './commentMark.ts';
export { resolveRange, segmentsText, encodeAnchorPosition, decodeAnchorPosition, type TextSegment } from './anchorRange.ts';
export { markSegments, unmarkThread, anchoredText } from './threadMarks.ts';
export { findText } from './findText.ts';
