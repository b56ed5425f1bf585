import { describe, expect, it } from 'vitest';
import { strToU8, strFromU8, unzipSync } from 'fflate';
import type { DocxParts } from '@dalil/server/import/docxPackage.ts';
import { LIST_FORMAT_MARKS, markListNumbering, ORDINAL_DIGIT_0, ORDINAL_MARK } from '@dalil/server/import/listNumbering.ts';
import { takeListNumbering } from '@dalil/server/import/inlineContent.ts';
import { markParagraphDirections, RTL_MARK } from '@dalil/server/import/paragraphDirections.ts';
import { unwrapSimpleFields } from '@dalil/server/import/simpleFields.ts';
import { writeDocx } from '@dalil/server/export/docxWriter.ts';
import type { ExportDocument } from '@dalil/server/export/exportDocument.ts';
import type { LayoutNode } from '@dalil/shared/editor';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const NUMBERING = `<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
    <w:lvl w:ilvl="1"><w:numFmt w:val="upperRoman"/></w:lvl></w:abstractNum>
  <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="constructor"/></w:lvl></w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:lvlOverride></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;
const STYLES = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Lettres"><w:name w:val="Lettres"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
const para = (properties: string, text: string) => `<w:p>${properties}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const numPr = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const parts = (body: string, numbering = NUMBERING): DocxParts => ({
  'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
  'word/numbering.xml': strToU8(numbering),
  'word/styles.xml': strToU8(STYLES),
});
const body = (p: DocxParts) => strFromU8(p['word/document.xml']!);
/** The text of each paragraph, marks shown as their list format ("[a]") and number ("#3"). */
const marked = (p: DocxParts) =>
  [...body(p).matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, inner]) => {
    const text = [...inner!.matchAll(/<w:t>([^<]*)<\/w:t>/g)].map(([, t]) => t).join('');
    return Object.entries(LIST_FORMAT_MARKS)
      .reduce((s, [format, mark]) => s.replaceAll(mark, `[${format}]`), text)
      .replaceAll(ORDINAL_MARK, '#')
      .replace(/[\uE010-\uE019]/g, (d) => String(d.charCodeAt(0) - ORDINAL_DIGIT_0));
  });

describe('list numbering read beside mammoth (letters, Roman numerals, where the count stands)', () => {
  it('marks the paragraphs Word numbers with their format and number, after their own properties, and no other', () => {
    const p = parts(
      [
        para(`<w:pPr>${numPr(1)}</w:pPr>`, 'lettre'),
        para(`<w:pPr>${numPr(1, 1)}</w:pPr>`, 'romain'),
        para(`<w:pPr>${numPr(2)}</w:pPr>`, 'redéfini en chiffres'),
        para(`<w:pPr>${numPr(3)}</w:pPr>`, 'format inconnu'),
        para('<w:pPr><w:pStyle w:val="Lettres"/></w:pPr>', 'par son style'),
        // A tracked change holds the former properties, and a </w:pPr> of their own.
        para(`<w:pPr>${numPr(1)}<w:pPrChange w:id="1" w:author="A"><w:pPr><w:ind w:left="720"/></w:pPr></w:pPrChange></w:pPr>`, 'suivi'),
        para(`<w:pPr><w:pPrChange w:id="2" w:author="A"><w:pPr>${numPr(1)}</w:pPr></w:pPrChange></w:pPr>`, 'anciennement en liste'),
        para('<w:pPr />', 'sans propriétés'),
        para('<w:pPr><w:jc w:val="left"/></w:pPr>', 'simple'),
      ].join(''),
    );
    expect(markListNumbering(p)).toBe(6);
    // Instances of one definition count on from each other (numId 2 redefines its format only).
    expect(marked(p)).toEqual(['[a]#1lettre', '[I]#1romain', '#2redéfini en chiffres', '#1format inconnu', '[a]#3par son style', '[a]#4suivi', 'anciennement en liste', 'sans propriétés', 'simple']);
    expect(body(p)).toContain(`</w:pPrChange></w:pPr><w:r><w:t>\uE002${ORDINAL_MARK}\uE014</w:t></w:r><w:r><w:t>suivi`);
  });

  it('leaves a file of bullets untouched, and reads directions the same way', () => {
    const bullets = parts(para(`<w:pPr>${numPr(1)}<w:bidi/></w:pPr>`, 'نص'), NUMBERING.replace(/lowerLetter|upperRoman|decimal|constructor/g, 'bullet'));
    const before = body(bullets);
    expect(markListNumbering(bullets)).toBe(0);
    expect(body(bullets)).toBe(before);
    expect(markParagraphDirections(bullets)).toBe(1);
    expect(body(bullets)).toContain(`</w:pPr><w:r><w:t>${RTL_MARK}</w:t></w:r><w:r><w:t>نص`);
  });

  it('counts as Word does: on across a paragraph that cuts a list, from a level\'s start, again under each item for a nested level, from 1 where an instance restarts', () => {
    const numbering = `<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="6"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
      <w:num w:numId="10"><w:abstractNumId w:val="5"/></w:num>
      <w:num w:numId="11"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      <w:num w:numId="12"><w:abstractNumId w:val="6"/></w:num>
    </w:numbering>`;
    const p = parts(
      [
        para(`<w:pPr>${numPr(10)}</w:pPr>`, 'un'),
        para(`<w:pPr>${numPr(10, 1)}</w:pPr>`, 'un-a'),
        para(`<w:pPr>${numPr(10, 1)}</w:pPr>`, 'un-b'),
        para(`<w:pPr>${numPr(10)}</w:pPr>`, 'deux'),
        para(`<w:pPr>${numPr(10, 1)}</w:pPr>`, 'deux-a'),
        para('<w:pPr><w:jc w:val="left"/></w:pPr>', 'remarque'),
        para(`<w:pPr>${numPr(10)}</w:pPr>`, 'trois'),
        para(`<w:pPr>${numPr(11)}</w:pPr>`, 'nouvelle-un'),
        para(`<w:pPr>${numPr(11)}</w:pPr>`, 'nouvelle-deux'),
        para(`<w:pPr>${numPr(12)}</w:pPr>`, 'cinq'),
        para(`<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr>`, 'sans numéro'),
      ].join(''),
      numbering,
    );
    expect(markListNumbering(p)).toBe(9);
    expect(marked(p)).toEqual(['#1un', '[a]#1un-a', '[a]#2un-b', '#2deux', '[a]#1deux-a', 'remarque', '#3trois', '#1nouvelle-un', '#2nouvelle-deux', '#5cinq', 'sans numéro']);
  });

  it('reads only the marks it put first: the same characters in the text after them are dropped, never read', () => {
    const text = (t: string) => ({ t: 'text' as const, text: t, marks: {} });
    const inline = [text(`${LIST_FORMAT_MARKS.a}${ORDINAL_MARK}\uE013`), text(`Texte ${ORDINAL_MARK}\uE017\uE017${LIST_FORMAT_MARKS.I} suite`)];
    expect(takeListNumbering(inline)).toEqual({ format: 'a', ordinal: 3 });
    expect(inline.map((i) => i.text)).toEqual(['', 'Texte  suite']);
  });

  it("counts a text box's numbered paragraph once, in the copy mammoth reads (mc:Fallback), not in mc:Choice", () => {
    const box = (inner: string) =>
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${inner}</w:txbxContent></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:textbox><w:txbxContent>${inner}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const p = parts([para(`<w:pPr>${numPr(1)}</w:pPr>`, 'a'), box(para(`<w:pPr>${numPr(1)}</w:pPr>`, 'encadré')), para(`<w:pPr>${numPr(1)}</w:pPr>`, 'c')].join(''));
    expect(markListNumbering(p)).toBe(3);
    const xml = body(p);
    const choice = xml.slice(xml.indexOf('<mc:Choice'), xml.indexOf('</mc:Choice>'));
    const fallback = xml.slice(xml.indexOf('<mc:Fallback>'), xml.indexOf('</mc:Fallback>'));
    expect(choice).toContain('encadré');
    expect(choice).not.toContain(ORDINAL_MARK);
    expect(fallback).toContain(`${LIST_FORMAT_MARKS.a}${ORDINAL_MARK}\uE012</w:t></w:r><w:r><w:t>encadré`);
    expect(xml).toContain(`${LIST_FORMAT_MARKS.a}${ORDINAL_MARK}\uE013</w:t></w:r><w:r><w:t>c<`);
  });

  it('leaves out a paragraph deleted in tracked changes, and takes only the starts Word would', () => {
    const numbering = (start: string) =>
      `<w:numbering ${W}><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0">${start}<w:numFmt w:val="none"/></w:lvl></w:abstractNum><w:num w:numId="20"><w:abstractNumId w:val="7"/></w:num></w:numbering>`;
    const deleted = parts(
      [
        para(`<w:pPr>${numPr(20)}</w:pPr>`, 'a'),
        para(`<w:pPr>${numPr(20)}<w:rPr><w:del w:id="3" w:author="A" w:date="2026-11-30T10:00:00Z"/></w:rPr></w:pPr>`, 'supprimé'),
        para(`<w:pPr>${numPr(20)}</w:pPr>`, 'c'),
      ].join(''),
      numbering('<w:start w:val="4"/>'),
    );
    // "none" numbers nothing, yet mammoth calls it ordered: it is counted as such.
    expect(markListNumbering(deleted)).toBe(2);
    expect(marked(deleted)).toEqual(['#4a', 'supprimé', '#5c']);
    for (const start of ['<w:start w:val="1234567890"/>', '<w:start w:val=""/>', '<w:start/>', '<w:start w:val="-3"/>']) {
      const p = parts(para(`<w:pPr>${numPr(20)}</w:pPr>`, 'x'), numbering(start));
      markListNumbering(p);
      expect(marked(p), start).toEqual(['#1x']);
    }
  });

  it('reads a numbering of thousands of instances of a definition of thousands of levels without copying it for each (a hostile file)', () => {
    // Each instance used to copy its definition's levels: 9,000 × 9,000 held gigabytes for minutes.
    const levels = Array.from({ length: 9000 }, (_, i) => `<w:lvl w:ilvl="${i}"><w:numFmt w:val="decimal"/></w:lvl>`).join('');
    const nums = Array.from({ length: 9000 }, (_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="0"/></w:num>`).join('');
    const p = parts(para(`<w:pPr>${numPr(9000)}</w:pPr>`, 'x'), `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum>${nums}</w:numbering>`);
    expect(markListNumbering(p)).toBe(1);
    expect(marked(p)).toEqual(['#1x']);
  }, 20_000);

  it('reads files of unclosed or empty tags in one pass (an untrusted file must not hold the server)', () => {
    // Each unclosed opening tag made a lazy regular expression rescan the rest: minutes for these.
    const unclosed = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>${'<w:num w:numId="1"><w:abstractNumId w:val="0"/>'.repeat(100_000)}`;
    expect(markListNumbering(parts(para(`<w:pPr>${numPr(1)}</w:pPr>`, 'x'), unclosed))).toBe(0);
    const manyEmpty = parts(para(`<w:pPr>${numPr(1)}</w:pPr>`, 'x') + '<w:p><w:pPr /></w:p>'.repeat(100_000) + '<w:p><w:pPr><w:bidi'.repeat(50_000));
    expect(markListNumbering(manyEmpty)).toBe(1);
    expect(markParagraphDirections(manyEmpty)).toBe(0);
    const fields = parts('<w:p><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>' + '<w:fldSimple w:instr=" SEQ'.repeat(100_000));
    expect(unwrapSimpleFields(fields)).toBe(1);
    expect(body(fields)).toContain('<w:p><w:r><w:t>3</w:t></w:r></w:p>');
  }, 20_000);
});

describe('DOCX export: nested lists', () => {
  const item = (text: string, nested?: LayoutNode): LayoutNode => ({
    type: 'listItem',
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }, ...(nested ? [nested] : [])],
  });
  const lettered = (...texts: string[]): LayoutNode => ({ type: 'orderedList', attrs: { start: 1, type: 'a' }, content: texts.map((t) => item(t)) });
  /** The files of a one-section guide holding `content`, exported to DOCX. */
  const exported = async (content: LayoutNode[]) => {
    const doc: ExportDocument = {
      guideId: 'g1',
      title: 'Guide',
      language: 'fr',
      date: '2026-12-02',
      versionLabel: null,
      provisional: true,
      sections: [{ id: 's1', title: 'Chapitre', depth: 0, number: '1', status: 'draft', content: { type: 'doc', content } }],
      unvalidated: [],
      images: new Map(),
    };
    return unzipSync(await writeDocx(doc));
  };

  it('restarts a nested list under each item of its parent, whatever each numbers with', async () => {
    const files = await exported([{ type: 'orderedList', attrs: { start: 1, type: null }, content: [item('Un', lettered('Un-a', 'Un-b')), item('Deux', lettered('Deux-a'))] }]);
    const xml = strFromU8(files['word/document.xml']!);
    const numIdOf = (text: string) => new RegExp(`<w:numId w:val="(\\d+)"/>(?:(?!</w:p>)[\\s\\S])*?${text}<`).exec(xml)?.[1];
    expect(numIdOf('Un-a')).toBeDefined();
    expect(numIdOf('Un-b')).toBe(numIdOf('Un-a'));
    expect(numIdOf('Deux-a')).not.toBe(numIdOf('Un-a'));
    expect(numIdOf('Deux')).not.toBe(numIdOf('Un-a'));
    const numbering = strFromU8(files['word/numbering.xml']!);
    expect(numbering).toContain('w:val="lowerLetter"');
  });
  it('starts a list where the editor does ("3." after a paragraph that cut it), in its own numbering', async () => {
    const numbered = (start: number, type: string | null, ...texts: string[]): LayoutNode => ({ type: 'orderedList', attrs: { start, type }, content: texts.map((t) => item(t)) });
    const files = await exported([
      numbered(1, null, 'Premier'),
      { type: 'paragraph', content: [{ type: 'text', text: 'Une remarque.' }] },
      numbered(3, null, 'Troisième'),
      numbered(4, 'a', 'Lettre-d'),
      numbered(3, null, 'Encore-trois'),
      numbered(0, null, 'Zéro'),
    ]);
    const xml = strFromU8(files['word/document.xml']!);
    const numbering = strFromU8(files['word/numbering.xml']!);
    /** Where Word starts the list of the paragraph holding `text`, and how it numbers it. */
    const numberingOf = (text: string) => {
      const numId = new RegExp(`<w:numId w:val="(\\d+)"/>(?:(?!</w:p>)[\\s\\S])*?${text}<`).exec(xml)![1];
      const num = new RegExp(`<w:num w:numId="${numId}"[^>]*>([\\s\\S]*?)</w:num>`).exec(numbering)![1]!;
      const abstractId = /<w:abstractNumId w:val="(\d+)"/.exec(num)![1];
      const override = /<w:lvlOverride w:ilvl="0">\s*<w:startOverride w:val="(\d+)"/.exec(num)?.[1];
      const abstract = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>([\\s\\S]*?)</w:abstractNum>`).exec(numbering)![1]!;
      const level0 = /<w:lvl w:ilvl="0"[^>]*>([\s\S]*?)<\/w:lvl>/.exec(abstract)![1]!;
      return { start: Number(override ?? /<w:start w:val="(\d+)"/.exec(level0)![1]), format: /<w:numFmt w:val="(\w+)"/.exec(level0)![1] };
    };
    expect(numberingOf('Premier')).toEqual({ start: 1, format: 'decimal' });
    expect(numberingOf('Troisième')).toEqual({ start: 3, format: 'decimal' });
    expect(numberingOf('Lettre-d')).toEqual({ start: 4, format: 'lowerLetter' });
    expect(numberingOf('Encore-trois')).toEqual({ start: 3, format: 'decimal' });
    expect(numberingOf('Zéro')).toEqual({ start: 0, format: 'decimal' });
  });
});
