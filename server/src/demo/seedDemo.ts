import { storeImage } from '../images/storeImage.ts';
import type { GuideImages } from '../images/guideImages.ts';
import { DEMO_CHART, demoChartPng } from './demoChart.ts';
import * as Y from 'yjs';
import type { User } from '@dalil/shared';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { SECTION_FRAGMENT, findText, markSegments, segmentsText } from '@dalil/shared';
import { countNumbered, countWords, fragmentText, sectionSchema, type LayoutNode } from '@dalil/shared/editor';
import type { DocStore } from '../storage/docStore.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { AccountRepository } from '../storage/accountRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';
import { ThreadRepository } from '../storage/threadRepository.ts';
import { hashPassword } from '../auth/passwords.ts';
import { demoGuide, type DemoSection, type PMNode, type ProseMirrorDoc } from './demoGuideContent.ts';
import { DEMO_PASSWORD, demoAccounts } from './demoAccounts.ts';
import { demoThreads } from './demoThreads.ts';

/**
 * Fills an empty data dir with the demo guide. Section text is written once, here, when the sections
 * are created: documents are never seeded on load, so content cannot be duplicated.
 */
export async function seedDemoIfEmpty(
  stores: { guides: GuideRepository; accounts: AccountRepository; members: MemberRepository; threads: ThreadRepository; docStore: DocStore; images?: GuideImages },
  log: { info(obj: object, msg: string): void; warn?(obj: object, msg: string): void },
): Promise<void> {
  const { guides, accounts, members, threads, docStore } = stores;
  if (guides.listGuides().length > 0 || accounts.listUsers().length > 0) return;
  const users: Array<(typeof demoAccounts)[number] & { user: User }> = [];
  for (const account of demoAccounts) {
    users.push({ ...account, user: await accounts.createUser({ ...account, passwordHash: await hashPassword(DEMO_PASSWORD) }) });
  }
  const coordinator = users.find((u) => u.role === 'coordinator')!.user;
  const guide = await guides.createGuide({ title: demoGuide.title, language: demoGuide.language, coordinatorId: coordinator.id });
  for (const { user, role } of users) if (user.id !== coordinator.id) await members.setRole(guide.id, user.id, role);
  // the demo figure: a chart stored through the image store like any upload (left out without one)
  let chart: { id: string; url: string; width: number; height: number } | null = null;
  if (stores.images) {
    try {
      chart = await storeImage(stores.images, guide.id, await demoChartPng(), { storedBy: coordinator.id });
    } catch (err) {
      log.warn?.({ err }, 'demo chart not stored; the demo guide goes without its figure');
    }
  }
  let count = 0;
  const addAll = async (sections: DemoSection[], parentId: string | null): Promise<void> => {
    for (const demo of sections) {
      const section = await guides.createSection(guide.id, { title: demo.title, parentId });
      const anchored = demoThreads.filter((t) => t.sectionTitle === demo.title).map((t) => ({ ...t, id: ThreadRepository.newThreadId() }));
      const { update, words, quotes } = sectionContent(withDemoChart(demo.content, chart), anchored);
      const numbered = countNumbered(withDemoChart(demo.content, chart) as LayoutNode);
      await docStore.compact(section.docName, update);
      for (const thread of anchored) {
        const userId = (email: string) => users.find((u) => u.email === email)!.user.id;
        const [first, ...replies] = thread.messages;
        const mentions = (m: { mentions?: string[] }) => (m.mentions ?? []).map(userId);
        await threads.create({ id: thread.id, guideId: guide.id, sectionId: section.id, quote: quotes.get(thread.id)!, authorId: userId(first!.from), body: first!.body, mentions: mentions(first!) });
        for (const reply of replies) await threads.addMessage(guide.id, thread.id, userId(reply.from), reply.body, mentions(reply));
        if (thread.resolvedBy) await threads.setStatus(guide.id, thread.id, 'resolved', userId(thread.resolvedBy));
      }
      await guides.recordContentSettled(section, words, null, numbered);
      count += 1;
      if (demo.children) await addAll(demo.children, section.id);
    }
  };
  await addAll(demoGuide.sections, null);
  log.info({ guideId: guide.id, sections: count, accounts: users.length }, 'seeded the demo guide and demo accounts');
}

/** Points the demo chart's figure at the stored image, or leaves the figure out without one. */
function withDemoChart(content: ProseMirrorDoc, chart: { id: string; url: string; width: number; height: number } | null): ProseMirrorDoc {
  const map = (nodes: PMNode[]): PMNode[] =>
    nodes.flatMap((node) => {
      if (node.type === 'figure' && node.attrs?.imageId === DEMO_CHART) {
        return chart ? [{ ...node, attrs: { ...node.attrs, imageId: chart.id, src: chart.url, width: chart.width, height: chart.height } }] : [];
      }
      return [node.content ? { ...node, content: map(node.content) } : node];
    });
  return { ...content, content: map(content.content) };
}

/**
 * A Yjs update that creates `content` in a section's fragment, with the comment marks of its
 * threads on their quotes; its word count and each thread's quote.
 */
export function sectionContent(
  content: ProseMirrorDoc,
  threads: Array<{ id: string; quote: string }> = [],
): { update: Uint8Array; words: number; quotes: Map<string, string> } {
  const ydoc = prosemirrorJSONToYDoc(sectionSchema(), content, SECTION_FRAGMENT);
  const quotes = new Map<string, string>();
  for (const thread of threads) {
    const found = findText(ydoc.getXmlFragment(SECTION_FRAGMENT), thread.quote);
    if (!found) throw new Error(`demo thread quote not found: ${thread.quote}`);
    const segments = [found];
    ydoc.transact(() => markSegments(segments, thread.id));
    quotes.set(thread.id, segmentsText(segments));
  }
  const update = Y.encodeStateAsUpdate(ydoc);
  const words = countWords(fragmentText(ydoc.getXmlFragment(SECTION_FRAGMENT)), demoGuide.language);
  ydoc.destroy();
  return { update, words, quotes };
}
