/**
 * How an ordered list numbers its items besides numbers (its `type` attribute, HTML's `<ol type>`):
 * letters or Roman numerals. An import keeps Word's, the exports write them.
 */
export const ORDERED_LIST_TYPES = ['a', 'A', 'i', 'I'] as const;
export type OrderedListType = (typeof ORDERED_LIST_TYPES)[number];

export function isOrderedListType(value: unknown): value is OrderedListType {
  return typeof value === 'string' && (ORDERED_LIST_TYPES as readonly string[]).includes(value);
}
