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
import { seededRandom } from '../helpers/seededRandom.ts';
import { decodeAnchorPosition, encodeAnchorPosition } from '@dalil/shared';

const SEED = Number(process.env.SUGGESTIONS_FUZZ_SEED ?? 20261130);
const FUZZ_ROUNDS = 24;

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
  const { setup, g, api, connect, serverFragment, sectionWithText, decide } = useSuggestionTeam();

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

  it('a paragraph turned into a heading, another into a list item: accepted, text and marks kept; refused when it changes nothing or is no text block', async () => {
    const { section, author, contributor } = await sectionWithText();
    const first = author.fragment.get(0) as Y.XmlElement;
    author.doc.transact(() => (first.get(0) as Y.XmlText).format(0, 'La commune'.length, { bold: {} }));
    await waitFor('bold on the contributor', () => ((contributor.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).toDelta().length === 2);
    const heading = await suggest(api('contributor'), g(), section.id, { blockType: { at: positionIn(contributor.doc, 'budget', 0, 0), type: 'heading', level: 2 } });
    const list = await suggest(api('reviewer'), g(), section.id, { blockType: { at: positionIn(contributor.doc, 'habitants', 0, 0), type: 'bulletList' } });
    expect([heading.kind, heading.quote, heading.replacement]).toEqual(['blockType', FIRST, 'Transformer en titre 2']);
    expect(list.replacement).toBe('Transformer en liste à puces');
    expect(outline(serverFragment(section))).toEqual([`paragraph: ${FIRST}`, `paragraph: ${SECOND}`]);

    const post = (body: unknown) => api('contributor').request<ApiError>('POST', suggestionsPath(g(), section.id), body);
    expect((await post({ blockType: { at: positionIn(contributor.doc, 'budget', 0, 0), type: 'heading' } })).status).toBe(400);
    expect((await post({ blockType: { at: positionIn(contributor.doc, 'budget', 0, 0), type: 'paragraph' } })).status).toBe(400);
    expect((await post({ blockType: { at: positionIn(contributor.doc, 'budget', 0, 0), type: 'table' } })).status).toBe(400);
    expect((await post({ blockType: { at: positionIn(contributor.doc, 'budget', 0, 0), type: 'bulletList' }, text: 'x' })).status).toBe(400);

    expect((await decide('author', section, heading.id, 'accept')).status).toBe(200);
    expect((await decide('author', section, list.id, 'accept')).status).toBe(200);
    const blocks = serverFragment(section).toArray() as Y.XmlElement[];
    expect(blocks.map((b) => [b.nodeName, b.getAttribute('level') ?? null, fragmentText(b as unknown as Y.XmlFragment)])).toEqual([
      ['heading', 2, FIRST],
      ['bulletList', null, SECOND],
    ]);
    expect(((blocks[0]!.get(0) as Y.XmlText).toDelta() as Array<{ insert: string; attributes?: object }>)[0]).toEqual({ insert: 'La commune', attributes: { bold: {} } });
    const item = blocks[1]!.get(0) as Y.XmlElement;
    expect([item.nodeName, (item.get(0) as Y.XmlElement).nodeName]).toEqual(['listItem', 'paragraph']);
    await waitFor('the author has the heading and the list', () => (author.fragment.get(0) as Y.XmlElement).nodeName === 'heading' && (author.fragment.get(1) as Y.XmlElement).nodeName === 'bulletList');
    // inside a list item now: not a top-level text block any more
    expect((await post({ blockType: { at: positionIn(author.doc, 'habitants', 0, 0), type: 'heading', level: 3 } })).status).toBe(400);
  });

  it('blocks whose paragraph was deleted cannot be accepted (they would be lost): 409, nothing changes, they can be rejected', async () => {
    const { section, author, contributor } = await sectionWithText();
    const made = await suggest(api('contributor'), g(), section.id, { at: positionIn(contributor.doc, 'assemblée'), block: { type: 'blocks', content: [table([['A', 'B']])] } });
    author.doc.transact(() => author.fragment.delete(1, 1));
    await waitFor('deletion on the server', () => serverFragment(section).length === 1);
    const refused = await decide('author', section, made.id, 'accept');
    expect([refused.status, refused.body.error]).toEqual([409, 'anchor_gone']);
    expect(outline(serverFragment(section))).toEqual([`paragraph: ${FIRST}`]);
    expect((await decide('author', section, made.id, 'reject')).status).toBe(200);
    expect(outline(serverFragment(section))).toEqual([`paragraph: ${FIRST}`]);
  });

  it(`block suggestions against concurrent author edits (seeded fuzz, seed ${SEED}): accepting inserts exactly the blocks after their paragraph, rejecting changes nothing`, async () => {
    const section = await api('coordinator').createSection(g(), 'Fuzz blocs');
    const author = await connect(section, 'author');
    const paragraphOf = (value: string) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(value)]);
      return p;
    };
    author.doc.transact(() => author.fragment.insert(0, Array.from({ length: 5 }, (_, i) => paragraphOf(`Paragraphe ${i} du texte.`))));
    await waitFor('text on the server', () => serverFragment(section).length === 5);
    const random = seededRandom(SEED);
    const pick = (n: number) => Math.floor(random() * n);
    const blockOf = (token: string, kind: number): SuggestedBlockJson => {
      switch (kind) {
        case 0:
          return table(Array.from({ length: 1 + pick(3) }, (_, r) => Array.from({ length: 1 + pick(3) }, (_, c) => `${token}-${r}${c}`)));
        case 1:
          return { type: 'heading', attrs: { level: 2 + pick(2) }, content: [text(`Titre ${token}`)] };
        case 2:
          return { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text(`Point ${token}`))] }] };
        case 3:
          return { type: 'callout', attrs: { kind: 'vigilance' }, content: [paragraph(text(`Vigilance ${token}`))] };
        default:
          return { type: 'blockquote', content: [paragraph(text(`Citation ${token}`))] };
      }
    };
    /** The top-level block of the author's copy holding an encoded position; -1 when it is gone. */
    const topIndexOf = (encoded: string) => {
      const absolute = Y.createAbsolutePositionFromRelativePosition(decodeAnchorPosition(encoded)!, author.doc);
      if (!absolute) return -1;
      let node = absolute.type as Y.XmlElement | Y.XmlText;
      while (node.parent && node.parent !== author.fragment) node = node.parent as Y.XmlElement;
      return author.fragment.toArray().indexOf(node);
    };
    const tally = { accepted: 0, rejected: 0, gone: 0 };
    for (let round = 0; round < FUZZ_ROUNDS; round++) {
      await waitFor('author caught up', () => outline(author.fragment).join('\n') === outline(serverFragment(section)).join('\n'));
      // the contributor's anchor: somewhere inside one of the paragraphs
      const paragraphs = author.fragment.toArray().map((node, i) => [node, i] as const).filter(([node]) => (node as Y.XmlElement).nodeName === 'paragraph' && (node as Y.XmlElement).length > 0);
      const [anchorBlock] = paragraphs[pick(paragraphs.length)]!;
      const run = (anchorBlock as Y.XmlElement).get(0) as Y.XmlText;
      const at = encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(run, pick(run.length + 1), -1));
      const token = `R${round}`;
      const blocks = Array.from({ length: 1 + pick(2) }, () => blockOf(token, pick(5)));
      const made = await suggest(api('contributor'), g(), section.id, { at, block: { type: 'blocks', content: blocks } });

      // The author edits meanwhile: types in paragraphs (the anchor's too), adds paragraphs, deletes blocks (rarely the anchor's).
      for (let e = 1 + pick(3); e > 0; e--) {
        const choice = random();
        const index = pick(author.fragment.length);
        const node = author.fragment.get(index) as Y.XmlElement;
        if (choice < 0.45 && node.nodeName === 'paragraph' && node.get(0) instanceof Y.XmlText) {
          const t = node.get(0) as Y.XmlText;
          t.insert(pick(t.length + 1), ` mot${round} `);
        } else if (choice < 0.8) {
          author.fragment.insert(pick(author.fragment.length + 1), [paragraphOf(`Ajout ${round}.`)]);
        } else if (author.fragment.length > 3 && (node !== anchorBlock || random() < 0.3)) {
          author.fragment.delete(index, 1);
        }
      }
      // now and then the anchor's paragraph itself goes
      if (random() < 0.12 && author.fragment.length > 3) {
        const index = author.fragment.toArray().indexOf(anchorBlock);
        if (index >= 0) author.fragment.delete(index, 1);
      }
      await waitFor('author edits on the server', () => outline(author.fragment).join('\n') === outline(serverFragment(section)).join('\n'));
      const before = outline(author.fragment);
      const anchorIndex = topIndexOf(at);
      const accept = random() < 0.7;
      if (accept && anchorIndex < 0) {
        const refused = await decide('author', section, made.id, 'accept');
        expect([refused.status, refused.body.error], `round ${round}`).toEqual([409, 'anchor_gone']);
        tally.gone++;
      }
      const decided = await decide('author', section, made.id, accept && anchorIndex >= 0 ? 'accept' : 'reject');
      expect(decided.status, `round ${round}`).toBe(200);
      const after = outline(serverFragment(section));
      if (accept && anchorIndex >= 0) {
        tally.accepted++;
        // exactly the blocks, right after the anchor's paragraph; nothing else moved or changed
        const inserted = after.slice(anchorIndex + 1, anchorIndex + 1 + blocks.length);
        expect([...after.slice(0, anchorIndex + 1), ...after.slice(anchorIndex + 1 + blocks.length)], `round ${round}`).toEqual(before);
        expect(inserted.map((line) => line.split(/[:[]/)[0]), `round ${round}`).toEqual(blocks.map((b) => b.type));
        for (const line of inserted) expect(line, `round ${round}`).toContain(token);
      } else {
        tally.rejected++;
        expect(after, `round ${round}`).toEqual(before);
      }
      // keep the section a reasonable size
      if (author.fragment.length > 24) author.fragment.delete(12, author.fragment.length - 12);
    }
    expect(tally.accepted).toBeGreaterThan(5);
    expect(tally.rejected).toBeGreaterThan(2);
    expect(await api('author').ok<SuggestionView[]>('GET', suggestionsPath(g(), section.id))).toEqual([]);
  });
});
