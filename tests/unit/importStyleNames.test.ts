import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import { canonicalStyleNames, importStyleMap } from '@dalil/server/import/styleMap.ts';

/** A file whose paragraphs use, two by two, each of `names` as their style; the first also has a footnote in its style. */
async function styledDocx(names: string[]): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      styles: { paragraphStyles: names.map((name, i) => ({ id: `S${i}`, name, run: {} })) },
      footnotes: { 1: { children: [new Paragraph({ text: 'note', style: 'S0' })] } },
      sections: [
        {
          children: names.flatMap((name, i) => [
            new Paragraph({ children: [new TextRun(`a ${name}`), ...(i === 0 ? [new FootnoteReferenceRun(1)] : [])], style: `S${i}` }),
            new Paragraph({ text: `b ${name}`, style: `S${i}` }),
          ]),
        },
      ],
    }),
  );
}

describe('import style map: one rule per style, every name of it renamed first', () => {
  it('maps the other names of a style (any case, in notes too) like its canonical name', async () => {
    const file = await styledDocx(['Titre 2', 'HEADING 3', 'Légende', 'Citation intense', 'Dalil - Étude de cas', 'ممارسة جيدة', "Dalil – Titre d'encadré", 'titre', 'Inconnu']);
    const result = await mammoth.convertToHtml({ buffer: file }, { styleMap: importStyleMap(), transformDocument: canonicalStyleNames() });
    expect(result.value).toContain('<h2>a Titre 2');
    expect(result.value).toContain('<h3>a HEADING 3</h3><h3>b HEADING 3</h3>');
    expect(result.value).toContain('<p class="dalil-caption">a Légende</p>');
    expect(result.value).toContain('<blockquote><p>a Citation intense</p><p>b Citation intense</p></blockquote>');
    expect(result.value).toContain('<div class="dalil-box-caseStudy"><p>a Dalil - Étude de cas</p><p>b Dalil - Étude de cas</p></div>');
    expect(result.value).toContain('<div class="dalil-box-goodPractice"><p>a ممارسة جيدة</p>');
    expect(result.value).not.toContain('encadré');
    expect(result.value).toContain('<h1 class="dalil-title">a titre</h1>');
    expect(result.value).toMatch(/<li id="footnote-1"><h2>note/);
    expect(result.messages.map((m) => m.message)).toEqual(["Unrecognised paragraph style: 'Inconnu' (Style ID: S8)"]);
  });

  it('keeps the map short: mammoth parses every rule on every conversion', () => {
    expect(importStyleMap().length).toBeLessThan(30);
  });
});
