import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { countWords, fragmentText, sectionSchema } from '@dalil/shared/editor';
import type { DocStore } from '../storage/docStore.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { AccountRepository } from '../storage/accountRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';
import { hashPassword } from '../auth/passwords.ts';
import { demoGuide, type DemoSection, type ProseMirrorDoc } from './demoGuideContent.ts';
import { DEMO_PASSWORD, demoAccounts } from './demoAccounts.ts';

/**
 * Fills an empty data dir with the demo guide. Section text is written once, here, when the sections
 * are created: documents are never seeded on load, so content cannot be duplicated.
 */
export async function seedDemoIfEmpty(
  stores: { guides: GuideRepository; accounts: AccountRepository; members: MemberRepository; docStore: DocStore },
  log: { info(obj: object, msg: string): void },
): Promise<void> {
  const { guides, accounts, members, docStore } = stores;
  if (guides.listGuides().length > 0 || accounts.listUsers().length > 0) return;
  const users = [];
  for (const account of demoAccounts) {
    users.push({ ...account, user: await accounts.createUser({ ...account, passwordHash: await hashPassword(DEMO_PASSWORD) }) });
  }
  const coordinator = users.find((u) => u.role === 'coordinator')!.user;
  const guide = await guides.createGuide({ title: demoGuide.title, language: demoGuide.language, coordinatorId: coordinator.id });
  for (const { user, role } of users) if (user.id !== coordinator.id) await members.setRole(guide.id, user.id, role);
  let count = 0;
  const addAll = async (sections: DemoSection[], parentId: string | null): Promise<void> => {
    for (const demo of sections) {
      const section = await guides.createSection(guide.id, { title: demo.title, parentId });
      const { update, words } = sectionContent(demo.content);
      await docStore.compact(section.docName, update);
      await guides.recordContentSettled(section.docName, words, null);
      count += 1;
      if (demo.children) await addAll(demo.children, section.id);
    }
  };
  await addAll(demoGuide.sections, null);
  log.info({ guideId: guide.id, sections: count, accounts: users.length }, 'seeded the demo guide and demo accounts');
}

/** A Yjs update that creates `content` in a section's fragment, and its word count. */
export function sectionContent(content: ProseMirrorDoc): { update: Uint8Array; words: number } {
  const ydoc = prosemirrorJSONToYDoc(sectionSchema(), content, SECTION_FRAGMENT);
  const update = Y.encodeStateAsUpdate(ydoc);
  const words = countWords(fragmentText(ydoc.getXmlFragment(SECTION_FRAGMENT)), demoGuide.language);
  ydoc.destroy();
  return { update, words };
}
