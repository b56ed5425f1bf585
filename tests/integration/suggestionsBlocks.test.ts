import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiError } from '@dalil/shared';
import { MAX_SUGGESTED_BLOCKS, type SuggestedBlockJson, type SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { fragmentText } from '@dalil/shared/editor';
import { FIRST, SECOND, useSuggestionTeam } from '../helpers/suggestionTeam.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { positionIn, suggest, suggestionsPath } from '../helpers/suggestions.ts';
import { uploadImageFile } from '../helpers/imageUpload.ts';
import { smallPng } from '../helpers/testImages.ts';

const text = (value: string, marks?: SuggestedBlockJson['marks']): SuggestedBlockJson => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: SuggestedBlockJson[]): SuggestedBlockJson => ({ type: 'paragraph', content });
const cell = (type: 'tableCell' | 'tableHeader', value: string): SuggestedBlockJson => ({ type, content: [paragraph(text(value))] });
/** A table of rows of cell texts, the first row as headers. */
function table(rows: string[][], caption = ''): SuggestedBlockJson {
  return {
    type: 'table',
    attrs: { caption },
    content: rows.map((row, r) => ({ type: 'tableRow', content: row.map((value) => cell(r === 0 ? 'tableHeader' : 'tableCell', value)) })),
  };
}

/** Each top-level block as "name: text" (a table's cells separated by " | "). */
function outline(fragment: Y.XmlFragment): string[] {
  return fragment.toArray().map((node) => {
    const element = node as Y.XmlElement;
    if (element.nodeName === 'table') {
      const rows = element.toArray().map((row) => (row as Y.XmlElement).toArray().map((c) => fragmentText(c as unknown as Y.XmlFragment)).join(' | '));
      return `table[${String(element.getAttribute('caption') ?? '')}]: ${rows.join(' / ')}`;
    }
    return `${element.nodeName}: ${fragmentText(element as unknown as Y.XmlFragment)}`;
  });
}

describe('block suggestions: tables, figures, any block of the schema (real server, stock clients, REST)', () => {
  const { setup, g, api, serverFragment, sectionWithText, decide } = useSuggestionTeam();

  async function uploadedImage(guideId: string): Promise<{ id: string; url: string }> {
    const res = await uploadImageFile(setup.team.byRole.author.api, guideId, await smallPng());
    // the store is content-addressed: the same image again is 200, already stored
    expect([200, 201]).toContain(res.status);
    return res.body as { id: string; url: string };
  }

  it('a contributor suggests a table and a figure; the author accepts the table and rejects the figure: the text holds exactly that table, after its paragraph', async () => {
    const { section, author, contributor } = await sectionWithText();
    const image = await uploadedImage(g());
    const budget = table([['Quartier', 'Budget'], ['Centre', '120 000 DT'], ['Nord', '80 000 DT']], 'Budget par quartier');
    const tableSuggestion = await suggest(api('contributor'), g(), section.id, { at: positionIn(contributor.doc, 'année.', 'année.'.length), block: { type: 'blocks', content: [budget] } });
    const figure: SuggestedBlockJson = { type: 'figure', attrs: { imageId: image.id, src: image.url, alt: 'Carte des quartiers', size: 'half' }, content: [text('Les quartiers de la commune')] };
    const figureSuggestion = await suggest(api('contributor'), g(), section.id, { at: positionIn(contributor.doc, 'votent'), block: { type: 'blocks', content: [figure] } });
    expect([tableSuggestion.kind, figureSuggestion.kind]).toEqual(['block', 'block']);
    // Suggesting inserts nothing.
    expect(outline(serverFragment(section))).toEqual([`paragraph: ${FIRST}`, `paragraph: ${SECOND}`]);

    // Listed with a readable summary in the guide's language, and the blocks as the schema normalises them.
    const listed = await api('reader').ok<SuggestionView[]>('GET', suggestionsPath(g(), section.id));
    expect(listed.map((s) => s.replacement)).toEqual(['Tableau 3 × 2 · Budget par quartier', 'Figure · Les quartiers de la commune']);
    expect((listed[1]!.block!.content[0] as SuggestedBlockJson).attrs).toMatchObject({ imageId: image.id, src: image.url, alt: 'Carte des quartiers', size: 'half', credit: '', missing: null });

    expect((await decide('contributor', section, tableSuggestion.id, 'accept')).status).toBe(403);
    expect((await decide('author', section, tableSuggestion.id, 'accept')).status).toBe(200);
    expect((await decide('author', section, figureSuggestion.id, 'reject')).status).toBe(200);
    const expected = [`paragraph: ${FIRST}`, 'table[Budget par quartier]: Quartier | Budget / Centre | 120 000 DT / Nord | 80 000 DT', `paragraph: ${SECOND}`];
    expect(outline(serverFragment(section))).toEqual(expected);
    const cells = ((serverFragment(section).get(1) as Y.XmlElement).get(0) as Y.XmlElement).toArray().map((c) => (c as Y.XmlElement).nodeName);
    expect(cells).toEqual(['tableHeader', 'tableHeader']);
    await waitFor('every client holds the table', () => outline(author.fragment).join('\n') === expected.join('\n') && outline(contributor.fragment).join('\n') === expected.join('\n'));
    expect((await decide('author', section, figureSuggestion.id, 'accept')).status).toBe(409);
  });

  it('headings, lists, quotes and a box holding a table and a paragraph with a footnote: accepted in one piece, in order', async () => {
    const { section, author, contributor } = await sectionWithText();
    const blocks: SuggestedBlockJson[] = [
      { type: 'heading', attrs: { level: 3 }, content: [text('Étapes')] },
      { type: 'orderedList', content: ['Publier', 'Débattre'].map((step) => ({ type: 'listItem', content: [paragraph(text(step))] })) },
      { type: 'callout', attrs: { kind: 'caseStudy', place: 'Sfax' }, content: [paragraph(text('Voir la loi'), { type: 'footnote', attrs: { text: 'Loi 2018-29' } }, text(' sur les communes', [{ type: 'bold' }])), table([['A', 'B'], ['1', '2']])] },
      { type: 'blockquote', content: [paragraph(text('Un habitant'))] },
    ];
    const made = await suggest(api('reviewer'), g(), section.id, { at: positionIn(contributor.doc, FIRST, 5), block: { type: 'blocks', content: blocks } });
    expect(made.replacement.split('\n')).toEqual(['Titre 3 · Étapes', 'Liste numérotée (2) · Publier Débattre', 'Encadré « Étude de cas » · Voir la loi sur les communes A B 1 2', 'Citation · Un habitant']);
    expect((await decide('coordinator', section, made.id, 'accept')).status).toBe(200);
    const names = serverFragment(section).toArray().map((n) => (n as Y.XmlElement).nodeName);
    expect(names).toEqual(['paragraph', 'heading', 'orderedList', 'callout', 'blockquote', 'paragraph']);
    const box = serverFragment(section).get(3) as Y.XmlElement;
    expect([box.getAttribute('kind'), box.getAttribute('place')]).toEqual(['caseStudy', 'Sfax']);
    const note = (box.get(0) as Y.XmlElement).toArray().find((c) => c instanceof Y.XmlElement) as Y.XmlElement;
    expect([note.nodeName, note.getAttribute('text')]).toEqual(['footnote', 'Loi 2018-29']);
    await waitFor('the author has the blocks', () => author.fragment.length === 6);
  });

  it('the first, box-only shape still works and is listed as blocks', async () => {
    const { section } = await sectionWithText();
    const made = await suggest(api('contributor'), g(), section.id, { at: positionIn(serverFragment(section).doc!, 'budget'), block: { type: 'callout', kind: 'goodPractice', text: 'Afficher le budget.\nLe publier.' } });
    expect(made.block).toEqual({ type: 'blocks', content: [expect.objectContaining({ type: 'callout', attrs: expect.objectContaining({ kind: 'goodPractice' }) })] });
    expect(made.replacement).toBe('Encadré « Bonne pratique » · Afficher le budget. Le publier.');
    expect((await decide('author', section, made.id, 'accept')).status).toBe(200);
    expect(outline(serverFragment(section))).toEqual([`paragraph: ${FIRST}`, 'callout: Afficher le budget.\nLe publier.', `paragraph: ${SECOND}`]);
  });

  it('refuses blocks the schema does not allow, script-ish attributes, images of another guide, oversized content: 400 and nothing stored', async () => {
    const { section, contributor } = await sectionWithText();
    const other = await setup.team.byRole.coordinator.api.createGuide('Autre guide');
    const foreign = await uploadImageFile(setup.team.byRole.coordinator.api, other.id, await smallPng('#c33'));
    expect([200, 201]).toContain(foreign.status);
    const mine = await uploadedImage(g());
    const at = positionIn(contributor.doc, 'budget');
    const post = (content: unknown[]) => api('contributor').request<ApiError>('POST', suggestionsPath(g(), section.id), { at, block: { type: 'blocks', content } });
    const figure = (attrs: Record<string, unknown>) => ({ type: 'figure', attrs: { imageId: mine.id, src: mine.url, ...attrs } });
    const bad: Array<[string, unknown[]]> = [
      ['unknown node', [{ type: 'script', content: [text('x')] }]],
      ['the document itself', [{ type: 'doc', content: [paragraph(text('x'))] }]],
      ['inline at top level', [text('x')]],
      ['a row outside a table', [{ type: 'tableRow', content: [cell('tableCell', 'x')] }]],
      ['a list without items', [{ type: 'bulletList', content: [paragraph(text('x'))] }]],
      ['an onclick attribute', [{ type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [text('x')] }]],
      ['an object as attribute', [{ type: 'heading', attrs: { level: { toString: 'x' } }, content: [text('x')] }]],
      ['a heading level out of range', [{ type: 'heading', attrs: { level: 7 }, content: [text('x')] }]],
      ['an unknown box kind', [{ type: 'callout', attrs: { kind: 'script' }, content: [paragraph(text('x'))] }]],
      ['a javascript link', [paragraph(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))]],
      ['a comment anchor', [paragraph(text('x', [{ type: 'comment', attrs: { threadId: 'th_1' } }]))]],
      ['an unknown mark', [paragraph(text('x', [{ type: 'script' }]))]],
      ['a mark a figure caption refuses', [{ ...figure({}), content: [text('x', [{ type: 'underline' }])] }]],
      ['an unknown field', [{ type: 'paragraph', content: [text('x')], onload: 'x' }]],
      ['an image of another guide', [{ type: 'figure', attrs: { imageId: foreign.body.id, src: foreign.body.url } }]],
      ['another guide image under this guide address', [figure({ imageId: foreign.body.id, src: `/api/guides/${g()}/images/${foreign.body.id}` })]],
      ['an outside image address', [figure({ src: 'https://evil.example/x.png' })]],
      ['a data: image', [figure({ src: 'data:image/png;base64,AAAA' })]],
      ['a placeholder figure', [figure({ missing: 'photo.png (non copiée)' })]],
      ['empty blocks', [paragraph()]],
      ['too many blocks', Array.from({ length: MAX_SUGGESTED_BLOCKS + 1 }, () => paragraph(text('x')))],
      ['oversized', [paragraph(text('x'.repeat(4000))), ...Array.from({ length: 20 }, () => paragraph(text('y'.repeat(4000))))]],
      ['too deep', [Array.from({ length: 20 }).reduce<SuggestedBlockJson>((inner) => ({ type: 'blockquote', content: [inner] }), paragraph(text('x')))]],
    ];
    for (const [why, content] of bad) {
      const res = await post(content);
      expect([why, res.status, res.body.error]).toEqual([why, 400, 'bad_request']);
    }
    // Blocks and text at once, or blocks without a position
    expect((await api('contributor').request('POST', suggestionsPath(g(), section.id), { at, text: 'x', block: { type: 'blocks', content: [paragraph(text('x'))] } })).status).toBe(400);
    expect((await api('contributor').request('POST', suggestionsPath(g(), section.id), { block: { type: 'blocks', content: [table([['x']])] } })).status).toBe(400);
    // A reader may not suggest at all.
    expect((await api('reader').request('POST', suggestionsPath(g(), section.id), { at, block: { type: 'blocks', content: [table([['x']])] } })).status).toBe(403);
    expect(await api('author').ok<SuggestionView[]>('GET', suggestionsPath(g(), section.id))).toEqual([]);
    expect(outline(serverFragment(section))).toEqual([`paragraph: ${FIRST}`, `paragraph: ${SECOND}`]);
    // The same figure with this guide's image is fine.
    expect((await post([figure({ alt: 'ok' })])).status).toBe(201);
  });
});
