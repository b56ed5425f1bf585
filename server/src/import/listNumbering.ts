import type { DocxParts } from './docxPackage.ts';
import type { OrderedListType } from '@dalil/shared/editor';
import { partText, rewriteParagraphParts } from './paragraphParts.ts';
import { attribute, elementsNamed, firstTag, insertAfterParagraphProperties, startTagAt } from './xmlScan.ts';

const WORD_FORMATS = new Map<string, OrderedListType>([
  ['lowerLetter', 'a'],
  ['upperLetter', 'A'],
  ['lowerRoman', 'i'],
  ['upperRoman', 'I'],
]);

/**
 * mammoth tells an ordered list from a bulleted one, not "a), b)" from "1., 2." (its numbering
 * reader keeps no `w:numFmt`), nor where Word's count stands: a list cut by a paragraph goes on at
 * "3." in Word, and two lists side by side may each start at 1. Before conversion, each numbered
 * list paragraph gets private-use characters as its first text: its format when letters or Roman
 * numerals, and its number as Word counts it. They are read back after conversion
 * (`takeListNumbering`), as the directions are, into the list's `type` and `start`.
 */
export const LIST_FORMAT_MARKS: Record<OrderedListType, string> = { a: '\uE002', A: '\uE003', i: '\uE004', I: '\uE005' };
/** Before the number's digits, each written as ORDINAL_DIGIT_0 + the digit. */
export const ORDINAL_MARK = '\uE006';
export const ORDINAL_DIGIT_0 = 0xe010;

const valueOf = (xml: string, element: string) => {
  const tag = firstTag(xml, element);
  return tag === null ? null : attribute(tag, 'w:val');
};

/** How a level numbers: its format (null for digits), where it starts; null for bullets and no numbering. */
interface Level {
  format: OrderedListType | null;
  start: number;
}

/** Word's own bounds: levels 0–8, starts 0–32767. */
const LEVELS = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
const MAX_START = 32767;
/** A start Word would take, or null (missing, empty, not a number, out of bounds). */
function startValue(value: string | null): number | null {
  if (value === null || !/^\d{1,5}$/.test(value.trim())) return null;
  const start = Number(value);
  return start <= MAX_START ? start : null;
}

function levelOf(level: string): Level | null {
  const numFmt = valueOf(level, 'w:numFmt') ?? 'decimal';
  // mammoth calls any level but bullets ordered ("none" included): it is counted as such.
  if (numFmt === 'bullet') return null;
  return { format: WORD_FORMATS.get(numFmt) ?? null, start: startValue(valueOf(level, 'w:start')) ?? 1 };
}

/** A numbering instance: the definition it counts with, and what it redefines of it. */
interface Instance {
  abstractId: string;
  /** Its definition's levels, shared by every instance of it (not copied: a file may hold thousands). */
  levels: Map<string, Level | null>;
  /** Levels this instance redefines. */
  redefined: Map<string, Level | null>;
  /** Levels this instance restarts at its first paragraph (`w:startOverride`). */
  restarts: Map<string, number>;
}

const NO_LEVELS = new Map<string, Level | null>();

/** Word's numbering instances by numId. */
function numberingInstances(numberingXml: string): Map<string, Instance> {
  const byAbstract = new Map<string, Map<string, Level | null>>();
  for (const abstract of elementsNamed(numberingXml, 'w:abstractNum')) {
    const levels = new Map<string, Level | null>();
    for (const level of elementsNamed(abstract.body, 'w:lvl')) {
      const ilvl = attribute(level.tag, 'w:ilvl') ?? '0';
      if (LEVELS.has(ilvl)) levels.set(ilvl, levelOf(level.body));
    }
    byAbstract.set(attribute(abstract.tag, 'w:abstractNumId') ?? '', levels);
  }
  const instances = new Map<string, Instance>();
  for (const num of elementsNamed(numberingXml, 'w:num')) {
    const numId = attribute(num.tag, 'w:numId');
    if (numId === null) continue;
    const abstractId = valueOf(num.body, 'w:abstractNumId') ?? '';
    const redefined = new Map<string, Level | null>();
    const restarts = new Map<string, number>();
    // An instance may redefine a level of its definition, or restart it.
    for (const override of elementsNamed(num.body, 'w:lvlOverride')) {
      const ilvl = attribute(override.tag, 'w:ilvl') ?? '0';
      if (!LEVELS.has(ilvl)) continue;
      const level = elementsNamed(override.body, 'w:lvl').next();
      if (!level.done) redefined.set(ilvl, levelOf(level.value.body));
      const start = startValue(valueOf(override.body, 'w:startOverride'));
      if (start !== null) restarts.set(ilvl, start);
    }
    instances.set(numId, { abstractId, levels: byAbstract.get(abstractId) ?? NO_LEVELS, redefined, restarts });
  }
  return instances;
}

/** The numbering ("numId/ilvl") of a paragraph's properties, or of a style's. */
function numberingOf(properties: string): string | null {
  const numPr = elementsNamed(properties, 'w:numPr').next();
  if (numPr.done) return null;
  const numId = valueOf(numPr.value.body, 'w:numId');
  return numId === null ? null : `${numId}/${valueOf(numPr.value.body, 'w:ilvl') ?? '0'}`;
}

/** The numbering a paragraph style gives its paragraphs ("numId/ilvl"), by style id. */
function styleNumbering(stylesXml: string): Map<string, string> {
  const byStyle = new Map<string, string>();
  for (const style of elementsNamed(stylesXml, 'w:style')) {
    if (attribute(style.tag, 'w:type') !== 'paragraph') continue;
    const id = attribute(style.tag, 'w:styleId');
    const numbering = numberingOf(style.body);
    if (id !== null && numbering) byStyle.set(id, numbering);
  }
  return byStyle;
}

/**
 * Word's count, paragraph by paragraph: one counter per level of a numbering definition (instances
 * of one definition go on counting each other's paragraphs, unless an instance restarts a level);
 * a paragraph at a level restarts the levels below it.
 */
class WordCounters {
  private readonly counts = new Map<string, number[]>();
  private readonly started = new Set<string>();

  constructor(private readonly instances: Map<string, Instance>) {}

  /** The number Word shows for a paragraph of `numId` at `ilvl`, with its level; null when it shows none or a bullet. */
  next(numId: string, ilvl: string): { level: Level; ordinal: number } | null {
    const instance = this.instances.get(numId);
    const depth = Number(ilvl);
    if (!instance || !Number.isSafeInteger(depth) || depth < 0 || depth > 8) return null;
    const level = (instance.redefined.has(ilvl) ? instance.redefined.get(ilvl) : instance.levels.get(ilvl)) ?? null;
    const counts = this.counts.get(instance.abstractId) ?? [];
    this.counts.set(instance.abstractId, counts);
    const restart = instance.restarts.get(ilvl);
    const first = !this.started.has(`${numId}/${ilvl}`);
    this.started.add(`${numId}/${ilvl}`);
    const previous = counts[depth];
    counts[depth] = first && restart !== undefined ? restart : previous === undefined ? (level?.start ?? 1) : previous + 1;
    counts.length = depth + 1;
    return level ? { level, ordinal: counts[depth]! } : null;
  }
}

function markDeleted(properties: string): boolean {
  const runProperties = elementsNamed(properties, 'w:rPr').next();
  return !runProperties.done && firstTag(runProperties.value.body, 'w:del') !== null;
}

const ordinalMark = (ordinal: number) => ORDINAL_MARK + [...String(ordinal)].map((d) => String.fromCharCode(ORDINAL_DIGIT_0 + Number(d))).join('');

/** Marks the numbered list paragraphs with their format and number; returns how many. */
export function markListNumbering(parts: DocxParts): number {
  const numberingXml = partText(parts, 'word/numbering.xml');
  if (numberingXml === '') return 0;
  const instances = numberingInstances(numberingXml);
  // Files with bullets only have nothing to mark.
  const ordered = (levels: Map<string, Level | null>) => [...levels.values()].some((level) => level !== null);
  if (![...new Set([...instances.values()].flatMap((i) => [i.levels, i.redefined]))].some(ordered)) return 0;
  const byStyle = styleNumbering(partText(parts, 'word/styles.xml'));
  const counters = new WordCounters(instances);
  let marked = 0;
  // Only a paragraph with numbering of its own, or a style that may give it some, can be marked.
  rewriteParagraphParts(parts, ['w:numPr', 'w:pStyle'], (xml) => {
    const elsewhere = inChoices(xml);
    return insertAfterParagraphProperties(xml, (properties, at) => {
      // A text box is written twice (mc:Choice, mc:Fallback): mammoth reads the fallback, so does Word's count here.
      if (elsewhere(at)) return null;
      const own = numberingOf(properties);
      const style = own === null ? valueOf(properties, 'w:pStyle') : null;
      const numbering = own ?? (style !== null ? byStyle.get(style) : undefined);
      // A paragraph whose mark is a tracked deletion is gone from the text Word shows, and uncounted.
      if (!numbering || markDeleted(properties)) return null;
      const [numId, ilvl] = numbering.split('/') as [string, string];
      const counted = counters.next(numId, ilvl);
      if (!counted) return null;
      marked += 1;
      return `<w:r><w:t>${counted.level.format ? LIST_FORMAT_MARKS[counted.level.format] : ''}${ordinalMark(counted.ordinal)}</w:t></w:r>`;
    });
  });
  return marked;
}

/** Whether a place of `xml`, asked in increasing order, is inside an `mc:Choice` (the copy mammoth does not read). */
function inChoices(xml: string): (at: number) => boolean {
  if (startTagAt(xml, 'mc:Choice', 0) < 0) return () => false;
  const choices = [...elementsNamed(xml, 'mc:Choice')];
  let next = 0;
  return (at) => {
    while (next < choices.length && choices[next]!.end <= at) next++;
    return next < choices.length && choices[next]!.start <= at;
  };
}
