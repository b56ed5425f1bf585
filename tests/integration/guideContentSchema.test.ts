import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { ApiError, GuideView, TransitionResult } from '@dalil/shared';
import { layoutJson, sectionSchema, type LayoutNode } from '@dalil/shared/editor';
import type { GuideTeam } from '../helpers/guideTeam.ts';
import { useGuideTeam } from '../helpers/serverHooks.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';

/** Builds a Y.XmlElement as README's "Document schema" table says: nodeName = node, attributes = attrs. */
function element(name: string, attrs: Record<string, unknown>, children: Array<Y.XmlElement | Y.XmlText>): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}
const text = (value: string) => new Y.XmlText(value);
const paragraph = (...children: Array<Y.XmlElement | Y.XmlText>) => element('paragraph', {}, children);
const cell = (name: 'tableHeader' | 'tableCell', value: string) => element(name, { colspan: 1, rowspan: 1 }, [paragraph(text(value))]);

describe('guide content through stock y-websocket clients (README "Document schema")', () => {
  const clients: YClient[] = [];
  const setup = useGuideTeam({ RATE_LIMIT_PER_MINUTE: '100000', SETTLE_DELAY_MS: '100' });
  beforeAll(async () => {
    await setup.team.byRole.coordinator.api.ok('PATCH', `/api/guides/${setup.team.guide.id}/sections/${setup.team.section.id}`, { authorIds: [setup.team.byRole.author.user.id] });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
  });

  const open = async (role: keyof GuideTeam['byRole']) => {
    const client = connectClient(setup.server.wsUrl, setup.team.section.docName, { cookie: setup.team.byRole[role].cookie });
    clients.push(client);
    await client.synced();
    return client;
  };

  it('writes a table, a figure, a box and a footnote without TipTap; another client and the server read them as the schema says', async () => {
    const writer = await open('author');
    const reader = await open('reader');
    writer.doc.transact(() => {
      writer.fragment.insert(0, [
        paragraph(text('Selon la loi'), element('footnote', { text: 'Loi organique 2018-29.' }, []), text('.')),
        element('table', { caption: 'Indicateurs 2022' }, [
          element('tableRow', {}, [cell('tableHeader', 'Commune'), cell('tableHeader', 'Participants')]),
          element('tableRow', {}, [cell('tableCell', 'Tozeur'), cell('tableCell', '1240')]),
        ]),
        element('figure', { imageId: 'img_1', src: '/api/guides/g/images/img_1', alt: '', credit: 'Photo : CILG', size: 'half', width: 800, height: 600 }, [text('Forum de quartier')]),
        element('callout', { kind: 'caseStudy', place: 'Tozeur', actors: 'Commune, associations', period: '2022' }, [paragraph(text('Le budget a été voté par les habitants.'))]),
      ]);
    });

    await waitFor('reader has the four blocks', () => reader.fragment.length === 4, { timeoutMs: 10_000 });
    const json = layoutJson(reader.fragment);
    // what was written is a valid document of the shared schema, attributes intact
    const node = sectionSchema().nodeFromJSON(json);
    node.check();
    const blocks = json.content!;
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'figure', 'callout']);
    expect(blocks[0]!.content![1]).toEqual({ type: 'footnote', attrs: { text: 'Loi organique 2018-29.' } });
    expect(blocks[1]!.attrs).toEqual({ caption: 'Indicateurs 2022' });
    expect(blocks[1]!.content![0]!.content!.map((c) => c.type)).toEqual(['tableHeader', 'tableHeader']);
    expect(blocks[2]).toMatchObject({ attrs: { imageId: 'img_1', size: 'half', credit: 'Photo : CILG', width: 800 }, content: [{ type: 'text', text: 'Forum de quartier' }] });
    expect(blocks[3]!.attrs).toEqual({ kind: 'caseStudy', place: 'Tozeur', actors: 'Commune, associations', period: '2022' });

    // the server counted them when the text settled: the editor numbers later sections from these
    await waitFor('numbered counts recorded', async () => {
      const guide = await setup.team.byRole.author.api.ok<GuideView>('GET', `/api/guides/${setup.team.guide.id}`);
      const counts = guide.sections[0]!.numbered;
      return counts?.figure === 1 && counts.table === 1 && counts.footnote === 1;
    }, { timeoutMs: 10_000 });
  });

  it('refuses to submit for review while a figure has no alt text, and accepts once it has', async () => {
    const path = `/api/guides/${setup.team.guide.id}/sections/${setup.team.section.id}/transitions`;
    const refused = await setup.team.byRole.author.api.request<ApiError>('POST', path, { to: 'review' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('figures_without_alt');
    expect(refused.body.message).toContain('figure 1');

    const writer = clients[0]!;
    const figure = writer.fragment.get(2) as Y.XmlElement;
    figure.setAttribute('alt', 'Des habitants votent lors du forum de quartier');
    await waitFor('server has the alt text', async () => (await setup.team.byRole.author.api.request<TransitionResult>('POST', path, { to: 'review' })).status === 200, { timeoutMs: 10_000, intervalMs: 200 });
  });

  it('what the editor writes (y-prosemirror mapping) is what README documents, read by a stock client', async () => {
    const section = await setup.team.byRole.coordinator.api.createSection(setup.team.guide.id, 'Chapitre 2');
    const doc = new Y.Doc();
    const source: LayoutNode = {
      type: 'doc',
      content: [
        { type: 'callout', attrs: { kind: 'vigilance' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Attention au quorum' }] }] },
        { type: 'figure', attrs: { src: '/api/guides/g/images/x', alt: 'Carte', size: 'full' }, content: [{ type: 'text', text: 'Carte de la commune' }] },
      ],
    };
    prosemirrorJSONToYXmlFragment(sectionSchema(), source, doc.getXmlFragment('default'));
    const writer = connectClient(setup.server.wsUrl, section.docName, { cookie: setup.team.byRole.coordinator.cookie, doc });
    clients.push(writer);
    await writer.synced();
    const reader = connectClient(setup.server.wsUrl, section.docName, { cookie: setup.team.byRole.reader.cookie });
    clients.push(reader);
    await reader.synced();
    await waitFor('reader sees the blocks', () => reader.fragment.length === 2, { timeoutMs: 10_000 });
    const box = reader.fragment.get(0) as Y.XmlElement;
    expect(box.nodeName).toBe('callout');
    expect(box.getAttribute('kind')).toBe('vigilance');
    // defaults are stored too ('' for the case-study fields); null attributes are left out
    expect(box.getAttribute('place')).toBe('');
    const figure = reader.fragment.get(1) as Y.XmlElement;
    expect(figure.nodeName).toBe('figure');
    expect(figure.getAttributes()).toMatchObject({ src: '/api/guides/g/images/x', alt: 'Carte', size: 'full' });
    expect(figure.getAttribute('imageId')).toBeUndefined();
    expect((figure.get(0) as Y.XmlText).toString()).toBe('Carte de la commune');
  });
});
